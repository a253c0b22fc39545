import { LedgerState } from '@app/domain';
import { SubscriptionView, subscriptionView } from '@app/projections';

export interface AuditAssignment {
  userId: string;
  skuId: string;
  disabledPlans: string[];
}

/** GET /v1/audit/state: the seats and assignments of a tenant as they were at an instant (A2). */
export interface AuditStateView {
  at: string;
  subscriptions: SubscriptionView[];
  assignments: AuditAssignment[];
}

export interface FoldedAt {
  state: LedgerState;
  /** Global position of the last event folded in; null when none was. */
  position: bigint | null;
  /** Events this fold read and applied (those before its starting checkpoint not counted). */
  events: number;
}

/** The contract's view of a folded state: subscriptions by skuId, assignments by user then SKU. */
export function auditStateView(at: Date, state: LedgerState): AuditStateView {
  const subscriptions = [...state.subscriptions.values()]
    .sort((a, b) => compare(a.skuId, b.skuId))
    .map((subscription) => subscriptionView(subscription));
  const assignments: AuditAssignment[] = [];
  for (const user of state.users.values()) {
    for (const [skuId, disabledPlans] of user.licenses)
      assignments.push({ userId: user.userId, skuId, disabledPlans: [...disabledPlans] });
  }
  assignments.sort((a, b) => compare(a.userId, b.userId) || compare(a.skuId, b.skuId));
  return { at: at.toISOString(), subscriptions, assignments };
}

/** Code-unit order, like SQLite's BINARY collation for ASCII ids (the read models sort with it). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
