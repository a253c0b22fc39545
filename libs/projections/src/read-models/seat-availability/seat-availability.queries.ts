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

interface SubscriptionRow {
  sku_id: string;
  name: string;
  service_plans: string;
  valid: number;
  expired: number;
  assigned: number;
}

export function toSubscriptionView(row: SubscriptionRow): SubscriptionView {
  return {
    skuId: row.sku_id,
    name: row.name,
    servicePlans: JSON.parse(row.service_plans) as string[],
    valid: row.valid,
    expired: row.expired,
    assigned: row.assigned,
    available: Math.max(0, row.valid - row.assigned),
    overAssigned: Math.max(0, row.assigned - row.valid),
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
