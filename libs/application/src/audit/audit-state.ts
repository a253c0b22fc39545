import { LedgerState, evolve, initialState } from '@app/domain';
import { EventStore } from '@app/event-store';
import { SubscriptionView, subscriptionView } from '@app/projections';
import { readLedger } from '../ledger/ledger-history';

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
  events: number;
}

/**
 * Folds the tenant's stream up to `at`, from the events themselves rather than any read model.
 * The instant is matched against each event's metadata.occurredAt (the ledger's clock, which may be
 * the manual one), not the store's created time. The result is a prefix of the stream: replay stops
 * at the first event after `at`, so the state is one the ledger really was in, even if clocks of
 * several processes disagreed slightly.
 */
export async function foldLedgerAt(store: EventStore, tenantId: string, at: Date): Promise<FoldedAt> {
  const state = initialState();
  const limit = at.getTime();
  let position: bigint | null = null;
  let events = 0;
  for await (const { event, metadata, recorded } of readLedger(store, tenantId)) {
    if (Date.parse(metadata.occurredAt) > limit) break;
    evolve(state, event);
    position = recorded.position;
    events++;
  }
  return { state, position, events };
}

/** The contract's view of a folded state: subscriptions by skuId, assignments by user then SKU. */
export function auditStateView(at: Date, state: LedgerState): AuditStateView {
  const subscriptions = [...state.subscriptions.values()]
    .sort((a, b) => compare(a.skuId, b.skuId))
    .map((subscription) => subscriptionView(subscription));
  const assignments: AuditAssignment[] = [];
  for (const user of state.users.values()) {
    for (const [skuId, disabledPlans] of user.licenses) assignments.push({ userId: user.userId, skuId, disabledPlans: [...disabledPlans] });
  }
  assignments.sort((a, b) => compare(a.userId, b.userId) || compare(a.skuId, b.skuId));
  return { at: at.toISOString(), subscriptions, assignments };
}

/** Code-unit order, like SQLite's BINARY collation for ASCII ids (the read models sort with it). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
