import { IGNORED, defineProjection } from '../../projection';

/** How many seats each subscription has: valid, expired, assigned. */
export const seatAvailabilityProjection = defineProjection({
  name: 'seatAvailability',
  version: 1,
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
  prepare: (db) => ({
    insert: db.prepare(
      `INSERT INTO subscriptions (tenant_id, sku_id, name, service_plans, valid, expired, assigned)
       VALUES (?, ?, ?, ?, ?, 0, 0)`,
    ),
    adjust: db.prepare(
      `UPDATE subscriptions SET valid = valid + ?, expired = expired + ?, assigned = assigned + ?
       WHERE tenant_id = ? AND sku_id = ?`,
    ),
  }),
  ignores: ['user', 'mailbox', 'alerting'],
  on: {
    SubscriptionAdded: ({ insert }, { metadata, data }) =>
      insert.run(metadata.tenantId, data.skuId, data.name, JSON.stringify(data.servicePlans), data.seats),
    SeatsPurchased: ({ adjust }, { metadata, data }) => adjust.run(data.count, 0, 0, metadata.tenantId, data.skuId),
    SeatsExpired: ({ adjust }, { metadata, data }) => adjust.run(-data.count, data.count, 0, metadata.tenantId, data.skuId),
    SeatsRenewed: ({ adjust }, { metadata, data }) => adjust.run(data.count, -data.count, 0, metadata.tenantId, data.skuId),
    LicenseAssigned: ({ adjust }, { metadata, data }) => adjust.run(0, 0, 1, metadata.tenantId, data.skuId),
    LicenseRemoved: ({ adjust }, { metadata, data }) => adjust.run(0, 0, -1, metadata.tenantId, data.skuId),
    LicenseUpdated: IGNORED,
  },
});
