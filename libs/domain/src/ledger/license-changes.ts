import { DomainError } from '../errors';
import { Catalog, EXCHANGE } from './catalog';
import { LedgerEvent, LicenseRemovalReason } from './events';
import { Failure } from './failures';
import { LedgerState, UserState, availableSeats, purgeAfterFrom } from './state';

/** The licenses a user should hold after a command: skuId → disabledPlans. */
export type LicenseSet = Map<string, string[]>;

export interface DecisionContext {
  now: Date;
  catalog: Catalog;
}

/** L2: a user has Exchange when some license includes EXCHANGE and does not disable it. */
export function hasExchange(licenses: LicenseSet, state: LedgerState): boolean {
  for (const [skuId, disabledPlans] of licenses) {
    const plans = state.subscriptions.get(skuId)?.servicePlans ?? [];
    if (plans.includes(EXCHANGE) && !disabledPlans.includes(EXCHANGE)) return true;
  }
  return false;
}

/**
 * The events that move one user from the licenses held to `target`, with the mailbox consequences
 * in the same commit (L3, L4, L5, L7). Rules are checked by the caller.
 */
export function licenseChangeEvents(
  user: UserState,
  target: LicenseSet,
  removalReason: LicenseRemovalReason,
  state: LedgerState,
  context: DecisionContext,
): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  const { userId } = user;
  for (const skuId of user.licenses.keys()) {
    if (!target.has(skuId)) events.push({ type: 'LicenseRemoved', data: { userId, skuId, reason: removalReason } });
  }
  for (const [skuId, disabledPlans] of target) {
    const held = user.licenses.get(skuId);
    if (!held) events.push({ type: 'LicenseAssigned', data: { userId, skuId, disabledPlans } });
    else if (!samePlans(held, disabledPlans))
      events.push({ type: 'LicenseUpdated', data: { userId, skuId, disabledPlans } });
  }
  const before = hasExchange(user.licenses, state);
  const after = hasExchange(target, state);
  if (before && !after) events.push(...exchangeLost(user, context.now));
  if (!before && after) events.push(...exchangeGained(user, context.now));
  return events;
}

/** L3 (and U4, which marks the released aliases as the deletion's so that a restore gives them back): soft-delete the mailbox for 30 days, release every alias, delete the contacts list. */
export function exchangeLost(user: UserState, now: Date, reason?: 'userDeleted'): LedgerEvent[] {
  const { userId } = user;
  const events: LedgerEvent[] = [];
  if (user.mailbox?.status === 'active') {
    events.push({ type: 'MailboxSoftDeleted', data: { userId, purgeAfter: purgeAfterFrom(now) } });
  }
  if (user.aliases.length > 0) {
    events.push({
      type: 'AliasesReleased',
      data: { userId, aliases: [...user.aliases], ...(reason ? { reason } : {}) },
    });
  }
  if (user.mailbox?.status === 'active') events.push({ type: 'ContactsListDeleted', data: { userId } });
  return events;
}

/** L4 restores a mailbox still in its grace period (or kept by a hold, H1); L5/L7 provision a new one otherwise. */
function exchangeGained(user: UserState, now: Date): LedgerEvent[] {
  const { userId } = user;
  const mailbox = user.mailbox;
  if (mailbox?.status === 'softDeleted' && (user.hold !== null || !isDue(mailbox.purgeAfter, now))) {
    return [
      { type: 'MailboxRestored', data: { userId } },
      { type: 'ContactsListRestored', data: { userId } },
    ];
  }
  // Due but not yet reached by the retention saga: the purge happens now, so the data is never revived late.
  const duePurge: LedgerEvent[] =
    mailbox?.status === 'softDeleted' ? [{ type: 'MailboxPurged', data: { userId } }] : [];
  return [...duePurge, { type: 'MailboxProvisioned', data: { userId } }];
}

/** Whether a grace period that ends at `purgeAfter` is over at `now`. */
export function isDue(purgeAfter: string | null, now: Date): boolean {
  return purgeAfter !== null && Date.parse(purgeAfter) <= now.getTime();
}

/** U2 and U3 for the licenses a user gains or changes. */
export function eligibilityFailures(
  user: UserState,
  target: LicenseSet,
  state: LedgerState,
  catalog: Catalog,
): Failure[] {
  const { userId } = user;
  const changed = [...target].filter(([skuId, plans]) => {
    const held = user.licenses.get(skuId);
    return !held || !samePlans(held, plans);
  });
  if (changed.length === 0) return [];
  if (user.status !== 'active') {
    return [{ code: 'UserDeleted', userId, message: `User ${userId} is deleted and gets no licenses` }];
  }
  const usageLocation = user.usageLocation;
  if (!usageLocation) {
    return [{ code: 'UsageLocationRequired', userId, message: `User ${userId} has no usage location` }];
  }
  const failures: Failure[] = [];
  for (const [skuId, disabledPlans] of changed) {
    const enabled = (state.subscriptions.get(skuId)?.servicePlans ?? []).filter(
      (plan) => !disabledPlans.includes(plan),
    );
    const unavailable = catalog.unavailablePlans(enabled, usageLocation);
    if (unavailable.length > 0) {
      failures.push({
        code: 'ServiceNotAvailableInLocation',
        userId,
        skuId,
        message: `${unavailable.join(', ')} of ${skuId} not available in ${usageLocation} for user ${userId}`,
        details: { servicePlans: unavailable, usageLocation },
      });
    }
  }
  return failures;
}

export interface SeatNeed {
  skuId: string;
  needed: number;
  available: number;
}

/** S3: over the whole command, no SKU may gain more assignments than it has available seats. */
export function seatNeeds(events: readonly LedgerEvent[], state: LedgerState): SeatNeed[] {
  const delta = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'LicenseAssigned') delta.set(event.data.skuId, (delta.get(event.data.skuId) ?? 0) + 1);
    if (event.type === 'LicenseRemoved') delta.set(event.data.skuId, (delta.get(event.data.skuId) ?? 0) - 1);
  }
  return [...delta].map(([skuId, needed]) => ({
    skuId,
    needed,
    available: availableSeats(requireSubscription(state, skuId)),
  }));
}

export function seatFailures(needs: readonly SeatNeed[]): Failure[] {
  const short = needs.filter((need) => need.needed > 0 && need.needed > need.available);
  if (short.length === 0) return [];
  return [
    {
      code: 'InsufficientSeats',
      message: short
        .map((need) => `${need.skuId} needs ${need.needed} seat(s), ${need.available} available`)
        .join('; '),
      details: { seats: short },
    },
  ];
}

export function requireSubscription(state: LedgerState, skuId: string) {
  const subscription = state.subscriptions.get(skuId);
  if (!subscription) throw new DomainError('SubscriptionNotFound', `Subscription ${skuId} not found`, { skuId });
  return subscription;
}

export function samePlans(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((plan) => b.includes(plan));
}

/** disabledPlans compare as sets: one order, no duplicates. */
export function normalizePlans(plans: readonly string[] | undefined): string[] {
  return [...new Set(plans ?? [])].sort();
}
