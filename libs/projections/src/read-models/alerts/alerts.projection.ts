import { AlertType, SeatsBelowRule } from '@app/domain';
import { createHash } from 'node:crypto';
import { ReadModelDatabase } from '../../database';
import { IGNORED, ProjectedEvent, defineProjection } from '../../projection';
import {
  PURGE_DUE_SCHEMA,
  PURGE_DUE_TABLES,
  preparePurgeDue,
  purgeDueHandlers,
  purgeDueNoticed,
  purgeDueRulesSet,
} from './purge-due';

interface SeatRow {
  valid: number;
  assigned: number;
  low: number;
  over: number;
}

function prepare(db: ReadModelDatabase) {
  return {
    seats: db.prepare<[string, string], SeatRow>(
      'SELECT valid, assigned, low, over FROM alert_seats WHERE tenant_id = ? AND sku_id = ?',
    ),
    skusOf: db.prepare<[string], { sku_id: string }>('SELECT sku_id FROM alert_seats WHERE tenant_id = ?'),
    saveSeats: db.prepare(
      `INSERT INTO alert_seats (tenant_id, sku_id, valid, assigned, low, over) VALUES (@tenant, @skuId, @valid, @assigned, @low, @over)
       ON CONFLICT (tenant_id, sku_id) DO UPDATE SET valid = excluded.valid, assigned = excluded.assigned, low = excluded.low, over = excluded.over`,
    ),
    rules: db.prepare<[string], { seats_below: string }>('SELECT seats_below FROM alert_rules WHERE tenant_id = ?'),
    saveRules: db.prepare(
      `INSERT INTO alert_rules (tenant_id, seats_below, purge_due_within_days) VALUES (?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET seats_below = excluded.seats_below, purge_due_within_days = excluded.purge_due_within_days`,
    ),
    addWebhook: db.prepare(
      'INSERT OR REPLACE INTO alert_webhooks (tenant_id, webhook_id, url, events, registered_at) VALUES (?, ?, ?, ?, ?)',
    ),
    removeWebhook: db.prepare('DELETE FROM alert_webhooks WHERE tenant_id = ? AND webhook_id = ?'),
    removeDeliveries: db.prepare('DELETE FROM alert_deliveries WHERE tenant_id = ? AND webhook_id = ?'),
    // In registration order (rowid), so deliveries of one alert are queued in the order webhooks were registered.
    webhooksOf: db.prepare<[string], { webhook_id: string; events: string }>(
      'SELECT webhook_id, events FROM alert_webhooks WHERE tenant_id = ? ORDER BY rowid',
    ),
    addAlert: db.prepare(
      'INSERT OR IGNORE INTO alerts (alert_id, tenant_id, type, raised_at, data) VALUES (@alertId, @tenant, @type, @raisedAt, @data)',
    ),
    status: db.prepare<[string, string], { status: string }>(
      'SELECT status FROM alert_subscription_status WHERE tenant_id = ? AND sku_id = ?',
    ),
    saveStatus: db.prepare(
      `INSERT INTO alert_subscription_status (tenant_id, sku_id, status) VALUES (?, ?, ?)
       ON CONFLICT (tenant_id, sku_id) DO UPDATE SET status = excluded.status`,
    ),
    addDelivery: db.prepare(
      'INSERT OR IGNORE INTO alert_deliveries (tenant_id, webhook_id, alert_id) VALUES (?, ?, ?)',
    ),
    ...preparePurgeDue(db),
  };
}

type Statements = ReturnType<typeof prepare>;

/**
 * N1: decides each alert once per crossing (a condition going from false to true, never once per
 * command) and writes it with one delivery per subscribed webhook, the outbox the delivery worker
 * reads, in the projector's transaction that moves its checkpoint: a crash neither loses nor repeats
 * one. Alert ids derive from the event that crossed, so every node keeping this read model raises
 * the same alerts. It keeps its own seat counts: read models do not read each other's tables.
 */
export const alertsProjection = defineProjection({
  name: 'alerts',
  // 3: soft-deleted mailboxes and legal holds, for PurgeDueSoon.
  version: 3,
  tables: [
    'alert_seats',
    'alert_subscription_status',
    'alert_rules',
    'alert_webhooks',
    'alerts',
    'alert_deliveries',
    ...PURGE_DUE_TABLES,
  ],
  schema: `
    CREATE TABLE IF NOT EXISTS alert_seats (
      tenant_id TEXT NOT NULL, sku_id TEXT NOT NULL, valid INTEGER NOT NULL, assigned INTEGER NOT NULL,
      low INTEGER NOT NULL, over INTEGER NOT NULL, PRIMARY KEY (tenant_id, sku_id));
    CREATE TABLE IF NOT EXISTS alert_subscription_status (
      tenant_id TEXT NOT NULL, sku_id TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (tenant_id, sku_id));
    CREATE TABLE IF NOT EXISTS alert_rules (
      tenant_id TEXT PRIMARY KEY, seats_below TEXT NOT NULL, purge_due_within_days INTEGER);
    CREATE TABLE IF NOT EXISTS alert_webhooks (
      tenant_id TEXT NOT NULL, webhook_id TEXT NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL, registered_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, webhook_id));
    CREATE TABLE IF NOT EXISTS alerts (
      seq INTEGER PRIMARY KEY, alert_id TEXT NOT NULL UNIQUE, tenant_id TEXT NOT NULL, type TEXT NOT NULL,
      raised_at TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS alerts_by_tenant ON alerts (tenant_id, seq);
    CREATE TABLE IF NOT EXISTS alert_deliveries (
      seq INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, webhook_id TEXT NOT NULL, alert_id TEXT NOT NULL,
      UNIQUE (alert_id, webhook_id));
    CREATE INDEX IF NOT EXISTS alert_deliveries_by_tenant ON alert_deliveries (tenant_id, seq);
    CREATE INDEX IF NOT EXISTS alert_deliveries_by_webhook ON alert_deliveries (tenant_id, webhook_id, seq);
    ${PURGE_DUE_SCHEMA}`,
  prepare,
  on: {
    SubscriptionAdded: (s, event) =>
      seatsChanged(s, event, event.data.skuId, (row) => ({ ...row, valid: event.data.seats })),
    SeatsPurchased: (s, event) =>
      seatsChanged(s, event, event.data.skuId, (row) => ({ ...row, valid: row.valid + event.data.count })),
    SeatsRenewed: (s, event) =>
      seatsChanged(s, event, event.data.skuId, (row) => ({ ...row, valid: row.valid + event.data.count })),
    SeatsExpired: (s, event) =>
      seatsChanged(s, event, event.data.skuId, (row) => ({ ...row, valid: row.valid - event.data.count })),
    LicenseAssigned: (s, event) =>
      seatsChanged(s, event, event.data.skuId, (row) => ({ ...row, assigned: row.assigned + 1 })),
    LicenseRemoved: (s, event) =>
      seatsChanged(s, event, event.data.skuId, (row) => ({ ...row, assigned: row.assigned - 1 })),
    LicenseUpdated: IGNORED,
    SubscriptionEnteredWarning: (s, event) => statusChanged(s, event, event.data.skuId, 'warning'),
    SubscriptionSuspended: (s, event) => statusChanged(s, event, event.data.skuId, 'suspended'),
    SubscriptionDeleted: (s, event) => statusChanged(s, event, event.data.skuId, 'deleted'),
    SubscriptionRenewed: (s, event) => statusChanged(s, event, event.data.skuId, 'enabled'),
    AlertRulesSet: (s, event) => {
      const tenant = event.metadata.tenantId;
      s.saveRules.run(tenant, JSON.stringify(event.data.seatsBelow), event.data.purgeDueWithinDays);
      // A new threshold the SKU is already below is a crossing too.
      for (const { sku_id } of s.skusOf.all(tenant)) seatsChanged(s, event, sku_id, (row) => row);
      purgeDueRulesSet(s, tenant);
    },
    WebhookRegistered: (s, event) =>
      s.addWebhook.run(
        event.metadata.tenantId,
        event.data.webhookId,
        event.data.url,
        JSON.stringify(event.data.events),
        event.metadata.occurredAt,
      ),
    WebhookRemoved: (s, event) => {
      s.removeWebhook.run(event.metadata.tenantId, event.data.webhookId);
      s.removeDeliveries.run(event.metadata.tenantId, event.data.webhookId);
    },
    ...purgeDueHandlers,
    MailboxPurgeDueSoonNoticed: (s, event) => {
      purgeDueNoticed(s, event);
      const { userId, purgeAfter, withinDays } = event.data;
      raise(s, event, 'PurgeDueSoon', userId, { userId, purgeAfter, withinDays });
    },
    // Seats and purges are all it watches: a provisioned mailbox has no purge, profiles and aliases change neither.
    MailboxProvisioned: IGNORED,
    ContactsListDeleted: IGNORED,
    ContactsListRestored: IGNORED,
    UserCreated: IGNORED,
    UserUpdated: IGNORED,
    AliasAdded: IGNORED,
    AliasesReleased: IGNORED,
    // A deletion's and a restore's mailbox changes come as their own events; a purged user's mailbox was purged first.
    UserDeleted: IGNORED,
    UserRestored: IGNORED,
    UserPurged: IGNORED,
  },
});

/** N1, SL1: one SubscriptionStateChanged per change of state (a renewal of an enabled subscription changes none). */
function statusChanged(s: Statements, event: ProjectedEvent, skuId: string, status: string): void {
  const tenant = event.metadata.tenantId;
  const before = s.status.get(tenant, skuId)?.status ?? 'enabled';
  if (before === status) return;
  s.saveStatus.run(tenant, skuId, status);
  raise(s, event, 'SubscriptionStateChanged', skuId, { skuId, status, previousStatus: before });
}

/** Applies a change to a SKU's counts and raises what it newly crossed (SeatsLow, SeatsOverAssigned). */
function seatsChanged(s: Statements, event: ProjectedEvent, skuId: string, change: (row: SeatRow) => SeatRow): void {
  const tenant = event.metadata.tenantId;
  const before = s.seats.get(tenant, skuId) ?? { valid: 0, assigned: 0, low: 0, over: 0 };
  const after = change(before);
  const available = Math.max(0, after.valid - after.assigned);
  const threshold = thresholdOf(s, tenant, skuId);
  const low = threshold !== undefined && available < threshold ? 1 : 0;
  const over = after.assigned > after.valid ? 1 : 0;
  if (low && !before.low) raise(s, event, 'SeatsLow', skuId, { skuId, available, threshold });
  if (over && !before.over)
    raise(s, event, 'SeatsOverAssigned', skuId, { skuId, assigned: after.assigned, valid: after.valid });
  s.saveSeats.run({ tenant, skuId, valid: after.valid, assigned: after.assigned, low, over });
}

function thresholdOf(s: Statements, tenant: string, skuId: string): number | undefined {
  const row = s.rules.get(tenant);
  return row && (JSON.parse(row.seats_below) as SeatsBelowRule[]).find((rule) => rule.skuId === skuId)?.available;
}

/** The alert about `subject` (a SKU or a user) and its deliveries, one per webhook of the tenant that asked for its type. */
function raise(
  s: Statements,
  event: ProjectedEvent,
  type: AlertType,
  subject: string,
  data: Record<string, unknown>,
): void {
  const tenant = event.metadata.tenantId;
  const alertId = alertIdOf(event.eventId, type, subject);
  s.addAlert.run({ alertId, tenant, type, raisedAt: event.metadata.occurredAt, data: JSON.stringify(data) });
  for (const webhook of s.webhooksOf.all(tenant)) {
    if ((JSON.parse(webhook.events) as AlertType[]).includes(type))
      s.addDelivery.run(tenant, webhook.webhook_id, alertId);
  }
}

/** The same on every node: a UUID-shaped digest of the event that crossed, the type and what it is about. */
function alertIdOf(eventId: string, type: AlertType, subject: string): string {
  const hex = createHash('sha256').update(`${eventId}|${type}|${subject}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
