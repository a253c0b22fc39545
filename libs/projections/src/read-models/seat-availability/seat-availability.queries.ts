import { SubscriptionStatus, nextTransitionAt } from '@app/domain';
import { ReadModelDatabase } from '../../database';

export interface SubscriptionView {
  skuId: string;
  name: string;
  servicePlans: string[];
  valid: number;
  expired: number;
  assigned: number;
  available: number;
  overAssigned: number;
  status: SubscriptionStatus;
  termEndsAt: string | null;
  trial: boolean;
  /** When it next changes state unless renewed (SL1); null without a term or once deleted. */
  nextTransitionAt: string | null;
}

/** GET /v1/subscriptions. */
export interface SubscriptionList {
  items: SubscriptionView[];
}

interface SubscriptionRow {
  sku_id: string;
  name: string;
  service_plans: string;
  valid: number;
  expired: number;
  assigned: number;
  status: SubscriptionStatus;
  term_ends_at: string | null;
  trial: number;
}

export function toSubscriptionView(row: SubscriptionRow): SubscriptionView {
  return subscriptionView({
    skuId: row.sku_id,
    name: row.name,
    servicePlans: JSON.parse(row.service_plans) as string[],
    valid: row.valid,
    expired: row.expired,
    assigned: row.assigned,
    status: row.status,
    termEndsAt: row.term_ends_at,
    trial: row.trial === 1,
  });
}

/** The view from seat counts, whether read from this table or folded from the events (audit point-in-time state). */
export function subscriptionView(
  seats: Omit<SubscriptionView, 'available' | 'overAssigned' | 'nextTransitionAt'>,
): SubscriptionView {
  const { skuId, name, servicePlans, valid, expired, assigned, status, termEndsAt, trial } = seats;
  return {
    skuId,
    name,
    servicePlans: [...servicePlans],
    valid,
    expired,
    assigned,
    available: Math.max(0, valid - assigned),
    overAssigned: Math.max(0, assigned - valid),
    status,
    termEndsAt,
    trial,
    nextTransitionAt: nextTransitionAt({ status, termEndsAt }),
  };
}

/** A subscription whose next lifecycle step is due (SL3): the retention saga sends it one AdvanceSubscriptionLifecycle. */
export interface DueTransition {
  tenantId: string;
  skuId: string;
  nextTransitionAt: string;
  /** The event that set this schedule (added, renewed or the previous step): the step's causation. */
  causationId: string;
  correlationId: string;
}

/** Keyset position in the due order (nextTransitionAt, tenantId, skuId): a pass never visits a subscription twice. */
export interface DueTransitionKey {
  nextTransitionAt: string;
  tenantId: string;
  skuId: string;
}

/** Across tenants, in due order, a range of the subscriptions_due index: O(due) per pass. */
export const DUE_TRANSITIONS_SQL = `
  SELECT tenant_id, sku_id, next_transition_at, schedule_event_id, schedule_correlation_id FROM subscriptions
  WHERE next_transition_at IS NOT NULL AND next_transition_at <= @now
    AND (next_transition_at, tenant_id, sku_id) > (@afterAt, @afterTenant, @afterSku)
  ORDER BY next_transition_at, tenant_id, sku_id LIMIT @limit`;

interface DueTransitionRow {
  tenant_id: string;
  sku_id: string;
  next_transition_at: string;
  schedule_event_id: string;
  schedule_correlation_id: string;
}

export class SeatAvailabilityQueries {
  private readonly one;
  private readonly all;
  private readonly due;

  constructor(db: ReadModelDatabase) {
    this.due = db.prepare<
      { now: string; afterAt: string; afterTenant: string; afterSku: string; limit: number },
      DueTransitionRow
    >(DUE_TRANSITIONS_SQL);
    this.one = db.prepare<[string, string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE tenant_id = ? AND sku_id = ?',
    );
    this.all = db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE tenant_id = ? ORDER BY sku_id');
  }

  get(tenantId: string, skuId: string): SubscriptionView | undefined {
    const row = this.one.get(tenantId, skuId);
    return row && toSubscriptionView(row);
  }

  list(tenantId: string): SubscriptionView[] {
    return this.all.all(tenantId).map(toSubscriptionView);
  }

  /** Subscriptions whose next lifecycle step is due by `now`, after `after` in due order, at most `limit`. */
  dueTransitions(now: string, after: DueTransitionKey | null, limit: number): DueTransition[] {
    // '' sorts before every ISO time and id, so the first batch starts at the beginning.
    return this.due
      .all({
        now,
        afterAt: after?.nextTransitionAt ?? '',
        afterTenant: after?.tenantId ?? '',
        afterSku: after?.skuId ?? '',
        limit,
      })
      .map((row) => ({
        tenantId: row.tenant_id,
        skuId: row.sku_id,
        nextTransitionAt: row.next_transition_at,
        causationId: row.schedule_event_id,
        correlationId: row.schedule_correlation_id,
      }));
  }
}
