import { LedgerEventType } from '@app/domain';
import { ReadModelDatabase } from '../../database';
import { erasePersonalFields } from '../../erase-personal-fields';
import { defineProjection, everyEvent, ProjectedEvent } from '../../projection';

/** The event types that change one user's license of one SKU: their entries say before and after (E3). */
export function isLicenseChange(type: LedgerEventType): boolean {
  return type === 'LicenseAssigned' || type === 'LicenseUpdated' || type === 'LicenseRemoved';
}

/** A license as an audit entry shows it before and after a change (E3). */
export interface AuditLicense {
  skuId: string;
  disabledPlans: string[];
}

/**
 * The audit trail (A1, A2): one row per ledger event, never updated or deleted. The global position
 * is the key, so an event delivered twice is stored once. Every index starts with the tenant and,
 * being on a rowid table, ends with the position: each filter reads its matches already in store order.
 * E3: each row names its user's UPN and, for a license change, the license before and after, from two
 * small tables of each user's current UPN and licenses kept beside the trail, so no reader needs a join.
 * E1: the one update of the trail erases a purged user's personal fields from its earlier entries.
 */
export const auditProjection = defineProjection({
  name: 'audit',
  // 2: userPrincipalName, before and after (E3); 3: erasure (E1).
  version: 3,
  tables: ['audit_events', 'audit_user_names', 'audit_user_licenses'],
  schema: `
    CREATE TABLE IF NOT EXISTS audit_events (
      position INTEGER PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT,
      user_id TEXT,
      sku_id TEXT,
      data TEXT NOT NULL,
      correlation_id TEXT NOT NULL,
      causation_id TEXT NOT NULL,
      user_principal_name TEXT,
      before TEXT,
      after TEXT
    );
    CREATE INDEX IF NOT EXISTS audit_events_by_tenant ON audit_events (tenant_id);
    CREATE INDEX IF NOT EXISTS audit_events_by_user ON audit_events (tenant_id, user_id);
    CREATE INDEX IF NOT EXISTS audit_events_by_upn ON audit_events (tenant_id, user_principal_name COLLATE NOCASE);
    CREATE INDEX IF NOT EXISTS audit_events_by_sku ON audit_events (tenant_id, sku_id);
    CREATE INDEX IF NOT EXISTS audit_events_by_actor ON audit_events (tenant_id, actor_id);
    CREATE INDEX IF NOT EXISTS audit_events_by_type ON audit_events (tenant_id, type);
    CREATE INDEX IF NOT EXISTS audit_events_by_time ON audit_events (tenant_id, occurred_at);
    CREATE TABLE IF NOT EXISTS audit_user_names (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      user_principal_name TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    );
    CREATE TABLE IF NOT EXISTS audit_user_licenses (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      sku_id TEXT NOT NULL,
      disabled_plans TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id, sku_id)
    );`,
  prepare: prepareAudit,
  // The trail records every event: a new type is in it without a decision.
  on: everyEvent((statements: AuditStatements, event) => {
    const { tenantId, occurredAt, actor, correlationId, causationId } = event.metadata;
    const data = event.data as { userId?: unknown; skuId?: unknown };
    const userId = typeof data.userId === 'string' ? data.userId : null;
    // A UserCreated read back after its user's purge carries no UPN (E1): nothing to remember.
    if (event.type === 'UserCreated' && event.data.userPrincipalName !== null)
      statements.nameUser.run(tenantId, event.data.userId, event.data.userPrincipalName);
    const upn = userId !== null ? (statements.name.get(tenantId, userId)?.user_principal_name ?? null) : null;
    const change = isLicenseChange(event.type) ? licenseChange(statements, event) : null;
    statements.insert.run(
      event.position,
      tenantId,
      event.eventId,
      event.type,
      occurredAt,
      actor.id,
      actor.name ?? null,
      userId,
      typeof data.skuId === 'string' ? data.skuId : null,
      JSON.stringify(event.data),
      correlationId,
      causationId,
      upn,
      change && JSON.stringify(change.before),
      change && JSON.stringify(change.after),
    );
    if (event.type === 'UserPurged') {
      statements.erase.run(tenantId, event.data.userId);
      statements.eraseName.run(tenantId, event.data.userId);
      statements.forgetName.run(tenantId, event.data.userId);
    }
  }),
});

function prepareAudit(db: ReadModelDatabase) {
  return {
    insert: db.prepare(
      `INSERT OR IGNORE INTO audit_events
         (position, tenant_id, event_id, type, occurred_at, actor_id, actor_name, user_id, sku_id, data, correlation_id, causation_id,
          user_principal_name, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    name: db.prepare<[string, string], { user_principal_name: string }>(
      'SELECT user_principal_name FROM audit_user_names WHERE tenant_id = ? AND user_id = ?',
    ),
    nameUser: db.prepare(
      'INSERT OR IGNORE INTO audit_user_names (tenant_id, user_id, user_principal_name) VALUES (?, ?, ?)',
    ),
    license: db.prepare<[string, string, string], { disabled_plans: string }>(
      'SELECT disabled_plans FROM audit_user_licenses WHERE tenant_id = ? AND user_id = ? AND sku_id = ?',
    ),
    setLicense: db.prepare(
      `INSERT INTO audit_user_licenses (tenant_id, user_id, sku_id, disabled_plans) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id, user_id, sku_id) DO UPDATE SET disabled_plans = excluded.disabled_plans`,
    ),
    dropLicense: db.prepare('DELETE FROM audit_user_licenses WHERE tenant_id = ? AND user_id = ? AND sku_id = ?'),
    erase: erasePersonalFields(db, 'audit_events', 'data'),
    eraseName: db.prepare('UPDATE audit_events SET user_principal_name = NULL WHERE tenant_id = ? AND user_id = ?'),
    forgetName: db.prepare('DELETE FROM audit_user_names WHERE tenant_id = ? AND user_id = ?'),
  };
}

type AuditStatements = ReturnType<typeof prepareAudit>;

/** The user's license of that SKU before and after the event, keeping the licenses table current. */
function licenseChange(
  statements: AuditStatements,
  event: ProjectedEvent,
): { before: AuditLicense | null; after: AuditLicense | null } {
  const { tenantId } = event.metadata;
  const { userId, skuId, disabledPlans } = event.data as { userId: string; skuId: string; disabledPlans?: string[] };
  const held = statements.license.get(tenantId, userId, skuId);
  const before = held ? { skuId, disabledPlans: JSON.parse(held.disabled_plans) as string[] } : null;
  if (event.type === 'LicenseRemoved') {
    statements.dropLicense.run(tenantId, userId, skuId);
    return { before, after: null };
  }
  const after = { skuId, disabledPlans: disabledPlans ?? [] };
  statements.setLicense.run(tenantId, userId, skuId, JSON.stringify(after.disabledPlans));
  return { before, after };
}
