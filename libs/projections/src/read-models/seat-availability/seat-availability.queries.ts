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
}

export function toSubscriptionView(row: SubscriptionRow): SubscriptionView {
  return subscriptionView({
    skuId: row.sku_id,
    name: row.name,
    servicePlans: JSON.parse(row.service_plans) as string[],
    valid: row.valid,
    expired: row.expired,
    assigned: row.assigned,
  });
}

/** The view from seat counts, whether read from this table or folded from the events (audit point-in-time state). */
export function subscriptionView(seats: Omit<SubscriptionView, 'available' | 'overAssigned'>): SubscriptionView {
  const { skuId, name, servicePlans, valid, expired, assigned } = seats;
  return {
    skuId,
    name,
    servicePlans: [...servicePlans],
    valid,
    expired,
    assigned,
    available: Math.max(0, valid - assigned),
    overAssigned: Math.max(0, assigned - valid),
  };
}

export class SeatAvailabilityQueries {
  private readonly one;
  private readonly all;

  constructor(db: ReadModelDatabase) {
    this.one = db.prepare<[string, string], SubscriptionRow>('SELECT * FROM subscriptions WHERE tenant_id = ? AND sku_id = ?');
    this.all = db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE tenant_id = ? ORDER BY sku_id');
  }

  get(tenantId: string, skuId: string): SubscriptionView | undefined {
    const row = this.one.get(tenantId, skuId);
    return row && toSubscriptionView(row);
  }

  list(tenantId: string): SubscriptionView[] {
    return this.all.all(tenantId).map(toSubscriptionView);
  }
}
