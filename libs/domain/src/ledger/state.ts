/**
 * The folded state of one tenant's ledger: only what decide() needs to enforce the rules.
 * Views for people (assignedAt, contacts list status…) live in the read models.
 */
export type SubscriptionStatus = 'enabled' | 'warning' | 'suspended' | 'deleted';

export interface SubscriptionState {
  skuId: string;
  name: string;
  servicePlans: string[];
  valid: number;
  expired: number;
  assigned: number;
  /** SL1: where the subscription is in its lifecycle, and the term end its steps count from. */
  status: SubscriptionStatus;
  termEndsAt: string | null;
  trial: boolean;
}

export interface MailboxState {
  status: 'active' | 'softDeleted' | 'purged';
  purgeAfter: string | null;
  /** N1: PurgeDueSoon was noticed for this purgeAfter; a new purgeAfter (a new soft-deletion, H2) clears it. */
  purgeDueNoticed?: true;
}

export interface UserState {
  userId: string;
  /** Null once purged (E1): the folded state, and so every snapshot, forgets the personal fields. */
  userPrincipalName: string | null;
  displayName: string | null;
  usageLocation: string | null;
  status: 'active' | 'deleted' | 'purged';
  aliases: string[];
  /** skuId → disabledPlans */
  licenses: Map<string, string[]>;
  mailbox: MailboxState | null;
  /** Set while deleted: when the deleted user's grace period ends. */
  purgeAfter: string | null;
  /** H1: while set, nothing of the user is purged. */
  hold: { reason: string } | null;
  /** Set while deleted: what a restore gives back (U5), as the deletion commit took it away. */
  deletion: { licenses: { skuId: string; disabledPlans: string[] }[]; aliases: string[] } | null;
}

export interface LedgerState {
  subscriptions: Map<string, SubscriptionState>;
  users: Map<string, UserState>;
  /** lower-cased UPN → userId, for users not yet purged (U1). */
  principalNames: Map<string, string>;
  /** lower-cased alias → userId (U1). */
  aliases: Map<string, string>;
  /** Idempotency-Key → the command it was first used for, oldest first; keys older than a day are dropped. */
  idempotency: Map<string, RememberedCommand>;
  /** Ids of the tenant's registered webhooks (N1). */
  webhooks: Set<string>;
  /** N1: the tenant's PurgeDueSoon window (AlertRulesSet), which the decider needs to accept a notice; null: none. */
  purgeDueWithinDays: number | null;
}

/** A command decided with an Idempotency-Key, as its events' metadata recorded it. */
export interface RememberedCommand {
  fingerprint: string;
  status: number;
  body: unknown;
  occurredAt: string;
  /** Store position of the command's last event. */
  position: bigint | null;
  /** The users the command's events are about: the stored answer is sealed for them, and purging one erases it (E1). */
  userIds: string[];
}

export function initialState(): LedgerState {
  return {
    subscriptions: new Map(),
    users: new Map(),
    principalNames: new Map(),
    aliases: new Map(),
    idempotency: new Map(),
    webhooks: new Set(),
    purgeDueWithinDays: null,
  };
}

/** A copy that evolve() may change without touching the original: every object it mutates is copied (faster than structuredClone). */
export function copyState(state: LedgerState): LedgerState {
  return {
    subscriptions: new Map([...state.subscriptions].map(([skuId, subscription]) => [skuId, { ...subscription }])),
    users: new Map([...state.users].map(([userId, user]) => [userId, copyUser(user)])),
    principalNames: new Map(state.principalNames),
    aliases: new Map(state.aliases),
    idempotency: new Map(state.idempotency),
    webhooks: new Set(state.webhooks),
    purgeDueWithinDays: state.purgeDueWithinDays,
  };
}

/** A copy of a user that evolve() may change without touching the original. */
export function copyUser(user: UserState): UserState {
  return {
    ...user,
    aliases: [...user.aliases],
    licenses: new Map(user.licenses),
    mailbox: user.mailbox && { ...user.mailbox },
    deletion: user.deletion && { licenses: [...user.deletion.licenses], aliases: [...user.deletion.aliases] },
  };
}

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** The command first run with this key within the last day, if any. */
export function rememberedCommand(state: LedgerState, key: string, now: Date): RememberedCommand | undefined {
  const remembered = state.idempotency.get(key);
  return remembered && Date.parse(remembered.occurredAt) > now.getTime() - IDEMPOTENCY_KEY_TTL_MS
    ? remembered
    : undefined;
}

export const GRACE_PERIOD_DAYS = 30;
export const DAY_MS = 24 * 60 * 60 * 1000;

export function purgeAfterFrom(now: Date): string {
  return new Date(now.getTime() + GRACE_PERIOD_DAYS * DAY_MS).toISOString();
}

export function availableSeats(subscription: SubscriptionState): number {
  return Math.max(0, subscription.valid - subscription.assigned);
}
