import { DomainError } from '../errors';
import { LedgerEvent } from './events';
import { Failure } from './failures';
import { DecisionContext, LicenseSet, licenseChangeEvents } from './license-changes';
import { LedgerState, SubscriptionState, SubscriptionStatus } from './state';

/** SL1: days in warning after the term end, then days suspended before deletion. */
export const WARNING_DAYS = 30;
export const SUSPENDED_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The status each step leads to, and how long after the term end it falls due. */
const NEXT_STEP: Partial<Record<SubscriptionStatus, { status: SubscriptionStatus; afterTermEndMs: number }>> = {
  enabled: { status: 'warning', afterTermEndMs: 0 },
  warning: { status: 'suspended', afterTermEndMs: WARNING_DAYS * DAY_MS },
  suspended: { status: 'deleted', afterTermEndMs: (WARNING_DAYS + SUSPENDED_DAYS) * DAY_MS },
};

/** When the subscription next changes state unless renewed (counted from the term end, so a late pass never stretches a step); null without a term or once deleted. */
export function nextTransitionAt(subscription: Pick<SubscriptionState, 'status' | 'termEndsAt'>): string | null {
  const step = NEXT_STEP[subscription.status];
  if (!step || subscription.termEndsAt === null) return null;
  return new Date(Date.parse(subscription.termEndsAt) + step.afterTermEndMs).toISOString();
}

/**
 * SL1 and SL3: every step due by now, in order, in one commit; deletion removes each of its licenses
 * (reason `subscriptionDeleted`) with L3 for users who lose Exchange. Nothing due, nothing decided,
 * so a duplicate or late request from the retention saga changes nothing.
 */
export function lifecycleEvents(skuId: string, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  const subscription = state.subscriptions.get(skuId);
  if (!subscription) return [];
  const events: LedgerEvent[] = [];
  let current: Pick<SubscriptionState, 'status' | 'termEndsAt'> = subscription;
  for (
    let due = nextTransitionAt(current);
    due !== null && Date.parse(due) <= context.now.getTime();
    due = nextTransitionAt(current)
  ) {
    const status = NEXT_STEP[current.status]!.status;
    if (status === 'warning') events.push({ type: 'SubscriptionEnteredWarning', data: { skuId } });
    if (status === 'suspended') events.push({ type: 'SubscriptionSuspended', data: { skuId } });
    if (status === 'deleted')
      events.push(...licensesOfDeleted(skuId, state, context), { type: 'SubscriptionDeleted', data: { skuId } });
    current = { ...current, status };
  }
  return events;
}

function licensesOfDeleted(skuId: string, state: LedgerState, context: DecisionContext): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  for (const user of state.users.values()) {
    if (!user.licenses.has(skuId)) continue;
    const target: LicenseSet = new Map(user.licenses);
    target.delete(skuId);
    events.push(...licenseChangeEvents(user, target, 'subscriptionDeleted', state, context));
  }
  return events;
}

/** SL2: a new term end brings warning or suspended back to enabled; a deleted subscription stays deleted. */
export function renewEvents(subscription: SubscriptionState, termEndsAt: string): LedgerEvent[] {
  refuseIfDeleted(subscription);
  return [{ type: 'SubscriptionRenewed', data: { skuId: subscription.skuId, termEndsAt } }];
}

export function refuseIfDeleted(subscription: SubscriptionState): void {
  if (subscription.status === 'deleted') {
    throw new DomainError('SubscriptionDeleted', `Subscription ${subscription.skuId} is deleted`, {
      skuId: subscription.skuId,
    });
  }
}

/** SL1: a subscription in warning, suspended or deleted takes no new assignments (updates of held licenses stay allowed). */
export function notEnabledFailures(events: readonly LedgerEvent[], state: LedgerState): Failure[] {
  const failures: Failure[] = [];
  for (const event of events) {
    if (event.type !== 'LicenseAssigned') continue;
    const { userId, skuId } = event.data;
    const status = state.subscriptions.get(skuId)?.status;
    if (status && status !== 'enabled') {
      failures.push({
        code: 'SubscriptionNotEnabled',
        userId,
        skuId,
        message: `${skuId} is ${status} and takes no new assignments (user ${userId})`,
        details: { status },
      });
    }
  }
  return failures;
}
