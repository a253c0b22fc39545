import type { TokenActor } from './token';

/** Enough for every caller of a busy node; beyond it the oldest verification is forgotten. */
const MAX_TOKENS = 10_000;

/**
 * HS256 tokens already verified, by their exact text: a client sends the same token with every request,
 * and a signature check costs ~50 µs. A token is remembered only until it expires (exp plus the clock skew).
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, { actor: TokenActor; validUntilMs: number }>();

  get(token: string): TokenActor | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    if (Date.now() < entry.validUntilMs) return entry.actor;
    this.tokens.delete(token);
    return undefined;
  }

  /** Returns the actor as every later request gets it: frozen, since requests share it. */
  remember(token: string, actor: TokenActor, validUntilMs: number): TokenActor {
    if (this.tokens.size >= MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    const shared = Object.freeze({ ...actor, roles: Object.freeze([...actor.roles]) }) as TokenActor;
    this.tokens.set(token, { actor: shared, validUntilMs });
    return shared;
  }
}
