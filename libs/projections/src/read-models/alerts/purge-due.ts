import { ReadModelDatabase } from '../../database';
import { ProjectedEvent } from '../../projection';

/**
 * N1, PurgeDueSoon: each soft-deleted mailbox with the instant from which its purge is "due soon"
 * (`notice_at` = purgeAfter − the tenant's purgeDueWithinDays), null while there is no window, the
 * owner is held (H1: nothing is purged) or the notice was given. The retention saga reads the due
 * ones from the partial index and sends NoticePurgeDueSoon; the decider, on ledger state, accepts one per purgeAfter.
 */
export const PURGE_DUE_SCHEMA = `
    CREATE TABLE IF NOT EXISTS alert_purges (
      tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, purge_after TEXT NOT NULL, noticed INTEGER NOT NULL,
      notice_at TEXT, event_id TEXT NOT NULL, correlation_id TEXT NOT NULL, PRIMARY KEY (tenant_id, user_id));
    CREATE INDEX IF NOT EXISTS alert_purges_due ON alert_purges (notice_at, tenant_id, user_id) WHERE notice_at IS NOT NULL;
    CREATE TABLE IF NOT EXISTS alert_holds (tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (tenant_id, user_id));`;

export const PURGE_DUE_TABLES = ['alert_purges', 'alert_holds'];

/** notice_at as the rules and holds have it now; `%f` keeps milliseconds, so it compares as text with toISOString(). */
const NOTICE_AT = `CASE WHEN p.noticed = 0
    AND NOT EXISTS (SELECT 1 FROM alert_holds h WHERE h.tenant_id = p.tenant_id AND h.user_id = p.user_id)
  THEN (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', p.purge_after, '-' || r.purge_due_within_days || ' days')
        FROM alert_rules r WHERE r.tenant_id = p.tenant_id AND r.purge_due_within_days IS NOT NULL) END`;

export function preparePurgeDue(db: ReadModelDatabase) {
  return {
    softDeleted: db.prepare(
      `INSERT INTO alert_purges (tenant_id, user_id, purge_after, noticed, event_id, correlation_id)
       VALUES (@tenant, @userId, @purgeAfter, 0, @eventId, @correlationId)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET purge_after = excluded.purge_after, noticed = 0,
         event_id = excluded.event_id, correlation_id = excluded.correlation_id`,
    ),
    gone: db.prepare('DELETE FROM alert_purges WHERE tenant_id = ? AND user_id = ?'),
    rescheduled: db.prepare('UPDATE alert_purges SET purge_after = ?, noticed = 0 WHERE tenant_id = ? AND user_id = ?'),
    noticed: db.prepare('UPDATE alert_purges SET noticed = 1 WHERE tenant_id = ? AND user_id = ?'),
    hold: db.prepare('INSERT OR IGNORE INTO alert_holds (tenant_id, user_id) VALUES (?, ?)'),
    release: db.prepare('DELETE FROM alert_holds WHERE tenant_id = ? AND user_id = ?'),
    refreshUser: db.prepare(
      `UPDATE alert_purges AS p SET notice_at = ${NOTICE_AT} WHERE p.tenant_id = ? AND p.user_id = ?`,
    ),
    refreshTenant: db.prepare(`UPDATE alert_purges AS p SET notice_at = ${NOTICE_AT} WHERE p.tenant_id = ?`),
  };
}

type PurgeDueStatements = ReturnType<typeof preparePurgeDue>;

/** Recomputes one user's notice_at after its row or hold changed. */
function refresh(s: PurgeDueStatements, event: ProjectedEvent & { data: { userId: string } }): void {
  s.refreshUser.run(event.metadata.tenantId, event.data.userId);
}

/** The alerts projection's handlers of mailbox and hold events; the notice itself raises the alert there. */
export const purgeDueHandlers = {
  MailboxSoftDeleted: (s: PurgeDueStatements, event: ProjectedEvent<'MailboxSoftDeleted'>): void => {
    const { tenantId: tenant, correlationId } = event.metadata;
    const { userId, purgeAfter } = event.data;
    s.softDeleted.run({ tenant, userId, purgeAfter, eventId: event.eventId, correlationId });
    refresh(s, event);
  },
  // Restored or purged: no purge left to tell about.
  MailboxRestored: (s: PurgeDueStatements, event: ProjectedEvent<'MailboxRestored'>): void => {
    s.gone.run(event.metadata.tenantId, event.data.userId);
  },
  MailboxPurged: (s: PurgeDueStatements, event: ProjectedEvent<'MailboxPurged'>): void => {
    s.gone.run(event.metadata.tenantId, event.data.userId);
  },
  LegalHoldPlaced: (s: PurgeDueStatements, event: ProjectedEvent<'LegalHoldPlaced'>): void => {
    s.hold.run(event.metadata.tenantId, event.data.userId);
    refresh(s, event);
  },
  // H2: a new purgeAfter is a new deadline, which may be noticed again.
  LegalHoldReleased: (s: PurgeDueStatements, event: ProjectedEvent<'LegalHoldReleased'>): void => {
    const { userId, mailboxPurgeAfter } = event.data;
    s.release.run(event.metadata.tenantId, userId);
    if (mailboxPurgeAfter !== null) s.rescheduled.run(mailboxPurgeAfter, event.metadata.tenantId, userId);
    refresh(s, event);
  },
};

/** The notice was given (its alert is raised by the caller): this purgeAfter is not due for another. */
export function purgeDueNoticed(s: PurgeDueStatements, event: ProjectedEvent<'MailboxPurgeDueSoonNoticed'>): void {
  s.noticed.run(event.metadata.tenantId, event.data.userId);
  refresh(s, event);
}

/** A new window (or none) moves every soft-deleted mailbox's notice_at in the tenant. */
export function purgeDueRulesSet(s: PurgeDueStatements, tenant: string): void {
  s.refreshTenant.run(tenant);
}
