import { LedgerEvent } from './events';
import { FoldedEvent, evolve } from './evolve';
import { LedgerState, SubscriptionState, UserState, copyUser } from './state';

/**
 * The user, subscription and webhook an event may change in the folded state (besides the command's Idempotency-Key),
 * and whether it changes the tenant's alert rules. Every other event names what it changes by its `userId`, `skuId`
 * or `webhookId`, so a new event needs no entry here.
 */
export function touchedBy(event: LedgerEvent): { userId?: string; skuId?: string; webhookId?: string; rules: boolean } {
  const data = event.data as { userId?: unknown; skuId?: unknown; webhookId?: unknown };
  return {
    userId: idOf(data.userId),
    skuId: idOf(data.skuId),
    webhookId: idOf(data.webhookId),
    rules: event.type === 'AlertRulesSet',
  };
}

/** The users a command's events are about (each once). */
export function usersOf(events: readonly LedgerEvent[]): string[] {
  return [...new Set(events.flatMap((event) => touchedBy(event).userId ?? []))];
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Folds events into a state in place and keeps a copy of each user and subscription before its
 * first change, so that undo() puts the state back: the cost follows what changed, not the tenant's size.
 * Fold events without an Idempotency-Key in their metadata: the remembered keys are not kept.
 */
export class UndoableFold {
  private readonly users = new Map<string, UserState | undefined>();
  private readonly subscriptions = new Map<string, SubscriptionState | undefined>();
  /** webhookId → whether it was registered before the first change. */
  private readonly webhooks = new Map<string, boolean>();
  /** The purge window before the first AlertRulesSet, when one was folded. */
  private rules: { purgeDueWithinDays: number | null } | undefined;

  constructor(readonly state: LedgerState) {}

  evolve(event: FoldedEvent): void {
    const { userId, skuId, webhookId, rules } = touchedBy(event);
    if (userId !== undefined && !this.users.has(userId)) {
      const user = this.state.users.get(userId);
      this.users.set(userId, user && copyUser(user));
    }
    if (skuId !== undefined && !this.subscriptions.has(skuId)) {
      const subscription = this.state.subscriptions.get(skuId);
      this.subscriptions.set(skuId, subscription && { ...subscription });
    }
    if (webhookId !== undefined && !this.webhooks.has(webhookId))
      this.webhooks.set(webhookId, this.state.webhooks.has(webhookId));
    if (rules) this.rules ??= { purgeDueWithinDays: this.state.purgeDueWithinDays };
    evolve(this.state, event);
  }

  undo(): void {
    const { state } = this;
    // Every changed user's index entries go first: a purged user's name may have passed to a new user in between.
    for (const userId of this.users.keys()) {
      const now = state.users.get(userId);
      if (!now) continue;
      const name = now.userPrincipalName?.toLowerCase();
      if (name !== undefined && state.principalNames.get(name) === userId) state.principalNames.delete(name);
      for (const alias of now.aliases)
        if (state.aliases.get(alias.toLowerCase()) === userId) state.aliases.delete(alias.toLowerCase());
    }
    for (const [userId, before] of this.users) {
      if (!before) {
        state.users.delete(userId);
        continue;
      }
      state.users.set(userId, before);
      if (before.status !== 'purged' && before.userPrincipalName !== null)
        state.principalNames.set(before.userPrincipalName.toLowerCase(), userId);
      for (const alias of before.aliases) state.aliases.set(alias.toLowerCase(), userId);
    }
    for (const [skuId, before] of this.subscriptions) {
      if (before) state.subscriptions.set(skuId, before);
      else state.subscriptions.delete(skuId);
    }
    for (const [webhookId, registered] of this.webhooks) {
      if (registered) state.webhooks.add(webhookId);
      else state.webhooks.delete(webhookId);
    }
    if (this.rules) state.purgeDueWithinDays = this.rules.purgeDueWithinDays;
    this.users.clear();
    this.subscriptions.clear();
    this.webhooks.clear();
    this.rules = undefined;
  }
}
