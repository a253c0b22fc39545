import { JwtService } from '@nestjs/jwt';
import { TENANT_ID_PATTERN } from '../config/ledger-config';
import { isRole, type Role } from './roles';

/** Who acts, as proven by a verified bearer token. The tenant comes from the token only. */
export interface TokenActor {
  id: string;
  name?: string;
  tenantId: string;
  roles: Role[];
}

export interface SignTokenInput {
  actorId: string;
  roles: Role[];
  name?: string;
  /** Omitted: the token carries no `tid` and the verifier's default tenant applies. */
  tenantId?: string;
  /** Lifetime in seconds. */
  ttlSeconds: number;
}

export type TokenProblem = 'malformed' | 'invalidSignature' | 'expired' | 'notYetValid' | 'invalidClaims';

/** Why a bearer token was refused; the API answers 401 Unauthenticated with `message`. */
export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

export const TOKEN_ALGORITHM = 'HS256';
const MAX_ACTOR_ID_LENGTH = 256;

/** A JwtService pinned to HS256, for code outside Nest's container (the CLI). */
export function createJwtService(secret: string): JwtService {
  return new JwtService({
    secret,
    signOptions: { algorithm: TOKEN_ALGORITHM },
    verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
  });
}

/** Parses `90`, `90s`, `15m`, `1h`, `7d`, `2w` into seconds. */
export function parseTtl(ttl: string): number {
  const match = /^(\d+)\s*(s|m|h|d|w)?$/.exec(ttl.trim());
  const factor = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
  const seconds = match ? Number(match[1]) * factor[(match[2] ?? 's') as keyof typeof factor] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new RangeError(`invalid TTL "${ttl}": use a positive number of seconds or e.g. 30m, 1h, 7d`);
  }
  return seconds;
}

/** Signs and verifies the ledger's bearer tokens; shared by the API guard and `cli token`. */
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly defaultTenant: string,
  ) {}

  static fromSecret(secret: string, defaultTenant: string): TokenService {
    return new TokenService(createJwtService(secret), defaultTenant);
  }

  sign(input: SignTokenInput): string {
    if (!input.actorId || input.actorId.length > MAX_ACTOR_ID_LENGTH) throw new RangeError('actorId must be 1-256 characters');
    if (input.roles.length === 0 || !input.roles.every(isRole)) throw new RangeError('roles must be a non-empty list of known roles');
    if (input.tenantId !== undefined && !TENANT_ID_PATTERN.test(input.tenantId)) throw new RangeError(`invalid tenant id "${input.tenantId}"`);
    const payload: Record<string, unknown> = { sub: input.actorId, roles: [...new Set(input.roles)] };
    if (input.name !== undefined) payload.name = input.name;
    if (input.tenantId !== undefined) payload.tid = input.tenantId;
    return this.jwt.sign(payload, { algorithm: TOKEN_ALGORITHM, expiresIn: input.ttlSeconds });
  }

  /** Verifies signature, algorithm and expiry, then the claims of API.md. Throws TokenError. */
  verify(token: string): TokenActor {
    let payload: unknown;
    try {
      payload = this.jwt.verify(token, { algorithms: [TOKEN_ALGORITHM] });
    } catch (error) {
      throw toTokenError(error);
    }
    return this.claimsToActor(payload);
  }

  private claimsToActor(payload: unknown): TokenActor {
    if (typeof payload !== 'object' || payload === null) throw new TokenError('invalidClaims', 'The bearer token has no JSON claims.');
    const claims = payload as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof claims.sub !== 'string' || claims.sub === '' || claims.sub.length > MAX_ACTOR_ID_LENGTH) problems.push('sub');
    if (!Array.isArray(claims.roles) || !claims.roles.every((role) => typeof role === 'string')) problems.push('roles');
    if (typeof claims.exp !== 'number') problems.push('exp');
    if (claims.name !== undefined && typeof claims.name !== 'string') problems.push('name');
    if (claims.tid !== undefined && (typeof claims.tid !== 'string' || !TENANT_ID_PATTERN.test(claims.tid))) problems.push('tid');
    if (problems.length > 0) {
      throw new TokenError('invalidClaims', `The bearer token has missing or invalid claims: ${problems.join(', ')}.`);
    }
    // Unknown role names are ignored rather than refused, so newer tokens keep working with older builds.
    const roles = [...new Set((claims.roles as string[]).filter(isRole))];
    return {
      id: claims.sub as string,
      ...(claims.name !== undefined ? { name: claims.name as string } : {}),
      tenantId: (claims.tid as string | undefined) ?? this.defaultTenant,
      roles,
    };
  }
}

function toTokenError(error: unknown): TokenError {
  const name = (error as { name?: string } | null)?.name;
  const detail = (error as { message?: string } | null)?.message ?? '';
  switch (name) {
    case 'TokenExpiredError':
      return new TokenError('expired', 'The bearer token has expired.');
    case 'NotBeforeError':
      return new TokenError('notYetValid', 'The bearer token is not valid yet.');
    case 'JsonWebTokenError':
      if (/signature/.test(detail)) return new TokenError('invalidSignature', 'The bearer token signature is invalid.');
      return new TokenError('malformed', `The bearer token is invalid (${detail}).`);
    default:
      return new TokenError('malformed', 'The bearer token is invalid.');
  }
}
