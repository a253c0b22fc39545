import type { Statement } from 'better-sqlite3';
import { erasePersonalFields } from '../../erase-personal-fields';
import { defineProjection, everyEvent } from '../../projection';

/**
 * The audit trail (A1, A2): one row per ledger event, never deleted; updated only to erase a purged user's personal fields (E1). The global position
 * is the key, so an event delivered twice is stored once. Every index starts with the tenant and,
 * being on a rowid table, ends with the position: each filter reads its matches already in store order.
 */
export const auditProjection = defineProjection({
  name: 'audit',
  version: 1,
  tables: ['audit_events'],
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
      causation_id TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS audit_events_by_tenant ON audit_events (tenant_id);
    CREATE INDEX IF NOT EXISTS audit_events_by_user ON audit_events (tenant_id, user_id);
    CREATE INDEX IF NOT EXISTS audit_events_by_sku ON audit_events (tenant_id, sku_id);
    CREATE INDEX IF NOT EXISTS audit_events_by_actor ON audit_events (tenant_id, actor_id);
    CREATE INDEX IF NOT EXISTS audit_events_by_type ON audit_events (tenant_id, type);
    CREATE INDEX IF NOT EXISTS audit_events_by_time ON audit_events (tenant_id, occurred_at);`,
  prepare: (db) => ({
    insert: db.prepare(
      `INSERT OR IGNORE INTO audit_events
         (position, tenant_id, event_id, type, occurred_at, actor_id, actor_name, user_id, sku_id, data, correlation_id, causation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // The one update of the trail: E1 erases a purged user's personal fields from its earlier entries.
    erase: erasePersonalFields(db, 'audit_events', 'data'),
  }),
  // The trail records every event: a new type is in it without a decision.
  on: everyEvent(({ insert, erase }: { insert: Statement; erase: Statement<[string, string]> }, event) => {
      const { tenantId, occurredAt, actor, correlationId, causationId } = event.metadata;
      const data = event.data as { userId?: unknown; skuId?: unknown };
      insert.run(
        event.position,
        tenantId,
        event.eventId,
        event.type,
        occurredAt,
        actor.id,
        actor.name ?? null,
        typeof data.userId === 'string' ? data.userId : null,
        typeof data.skuId === 'string' ? data.skuId : null,
        JSON.stringify(event.data),
        correlationId,
        causationId,
      );
      if (event.type === 'UserPurged') erase.run(tenantId, event.data.userId);
  }),
});
