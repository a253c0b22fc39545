import { Projection } from '../../projection';

/** How many seats each subscription has: valid, expired, assigned. */
export const seatAvailabilityProjection: Projection = {
  name: 'seatAvailability',
  version: 1,
  handles: ['SubscriptionAdded', 'SeatsPurchased', 'SeatsExpired', 'SeatsRenewed', 'LicenseAssigned', 'LicenseRemoved'],
  tables: ['subscriptions'],
  schema: `
    CREATE TABLE IF NOT EXISTS subscriptions (
      tenant_id TEXT NOT NULL,
      sku_id TEXT NOT NULL,
      name TEXT NOT NULL,
      service_plans TEXT NOT NULL,
      valid INTEGER NOT NULL,
      expired INTEGER NOT NULL,
      assigned INTEGER NOT NULL,
      PRIMARY KEY (tenant_id, sku_id)
    );`,
  bind(db) {
    const insert = db.prepare(
      `INSERT INTO subscriptions (tenant_id, sku_id, name, service_plans, valid, expired, assigned)
       VALUES (?, ?, ?, ?, ?, 0, 0)`,
    );
    const adjust = db.prepare(
      `UPDATE subscriptions SET valid = valid + ?, expired = expired + ?, assigned = assigned + ?
       WHERE tenant_id = ? AND sku_id = ?`,
    );
    return (event) => {
      const tenant = event.metadata.tenantId;
      switch (event.type) {
        case 'SubscriptionAdded': {
          const { skuId, name, servicePlans, seats } = event.data;
          insert.run(tenant, skuId, name, JSON.stringify(servicePlans), seats);
          return;
        }
        case 'SeatsPurchased':
          adjust.run(event.data.count, 0, 0, tenant, event.data.skuId);
          return;
        case 'SeatsExpired':
          adjust.run(-event.data.count, event.data.count, 0, tenant, event.data.skuId);
          return;
        case 'SeatsRenewed':
          adjust.run(event.data.count, -event.data.count, 0, tenant, event.data.skuId);
          return;
        case 'LicenseAssigned':
          adjust.run(0, 0, 1, tenant, event.data.skuId);
          return;
        case 'LicenseRemoved':
          adjust.run(0, 0, -1, tenant, event.data.skuId);
          return;
      }
    };
  },
};
