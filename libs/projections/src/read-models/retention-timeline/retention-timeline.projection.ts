import { LedgerEventType } from '@app/domain';
import { ReadModelDatabase } from '../../database';
import { erasePersonalFields } from '../../erase-personal-fields';
import { IGNORED, ProjectedEvent, defineProjection } from '../../projection';

/** Entry types that are not stored events: what the timeline derives from them (A3, L5, L6). */
export const CONTACTS_LIST_PURGED = 'ContactsListPurged';
export const SHAREPOINT_DOCUMENTS_RETAINED = 'SharePointDocumentsRetained';

/**
 * Events that take a license or data away: each commit holding one says, once, that SharePoint
 * documents were kept (L6), whichever license went (a SharePoint-only one included).
 */
const REMOVES_DATA: readonly LedgerEventType[] = [
  'LicenseRemoved',
  'MailboxSoftDeleted',
  'MailboxPurged',
  'UserDeleted',
  'UserPurged',
];

interface Entry {
  type: string;
  details: Record<string, unknown>;
}

/**
 * Per user, every step of the license and data lifecycle with its time and actor, in store order
 * (A3): what was soft-deleted when, what was restored, purged or retained. Keyed by (position, sub),
 * so delivering an event twice adds nothing.
 */
export const retentionTimelineProjection = defineProjection({
  name: 'retentionTimeline',
  // 2: a license removal says SharePoint documents were retained, not only a mailbox change.
  // 3: restores (U5) and legal holds (H1, H2) are steps too; 4: a purged user's personal fields are erased (E1).
  version: 4,
  tables: ['retention_timeline'],
  schema: `
    CREATE TABLE IF NOT EXISTS retention_timeline (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      sub INTEGER NOT NULL,
      at TEXT NOT NULL,
      type TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT,
      details TEXT NOT NULL,
      commit_key TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id, position, sub)
    );
    CREATE UNIQUE INDEX IF NOT EXISTS retention_timeline_retained_once
      ON retention_timeline (tenant_id, user_id, commit_key) WHERE type = '${SHAREPOINT_DOCUMENTS_RETAINED}';`,
  // OR IGNORE: a redelivered event hits its primary key; a second retained entry of one commit hits the unique index.
  prepare: (db: ReadModelDatabase) => ({
    insert: db.prepare(
      `INSERT OR IGNORE INTO retention_timeline
         (tenant_id, user_id, position, sub, at, type, actor_id, actor_name, details, commit_key)
       VALUES (@tenant, @userId, @position, @sub, @at, @type, @actorId, @actorName, @details, @commitKey)`,
    ),
    erase: erasePersonalFields(db, 'retention_timeline', 'details'),
  }),
  // Seats and profile edits are no step of a user's license and data lifecycle; every other event is.
  ignores: ['subscription', 'alerting'],
  on: {
    UserCreated: step,
    UserDeleted: step,
    UserPurged: (statements, event) => {
      step(statements, event);
      statements.erase.run(event.metadata.tenantId, event.data.userId);
    },
    UserRestored: step,
    LegalHoldPlaced: step,
    LegalHoldReleased: step,
    LicenseAssigned: step,
    LicenseUpdated: step,
    LicenseRemoved: step,
    MailboxProvisioned: step,
    MailboxSoftDeleted: step,
    MailboxRestored: step,
    MailboxPurged: step,
    // The tenant was told the purge is near (N1): part of the story compliance staff read (A3).
    MailboxPurgeDueSoonNoticed: step,
    AliasesReleased: step,
    ContactsListDeleted: step,
    ContactsListRestored: step,
    UserUpdated: IGNORED,
    AliasAdded: IGNORED,
  },
});

/** The event types whose data names the user they are about: only these can be a step of a user's timeline. */
type UserEvent = ProjectedEvent & { data: { userId: string } };

/** Writes the event's entries on its user's timeline. */
function step({ insert }: { insert: { run(row: Record<string, unknown>): unknown } }, event: UserEvent): void {
  const { tenantId: tenant, occurredAt: at, actor, correlationId, causationId } = event.metadata;
  // The events of one append share their metadata: together they name the commit.
  const commitKey = `${at}|${correlationId}|${causationId}`;
  entriesOf(event).forEach((entry, sub) =>
    insert.run({
      tenant,
      userId: event.data.userId,
      position: event.position,
      sub,
      at,
      type: entry.type,
      actorId: actor.id,
      actorName: actor.name ?? null,
      details: JSON.stringify(entry.details),
      commitKey,
    }),
  );
}

function entriesOf(event: UserEvent): Entry[] {
  const entries: Entry[] = [{ type: event.type, details: detailsOf(event) }];
  if (event.type === 'MailboxPurged') entries.push({ type: CONTACTS_LIST_PURGED, details: {} });
  if (REMOVES_DATA.includes(event.type)) {
    entries.push({
      type: SHAREPOINT_DOCUMENTS_RETAINED,
      details: { servicePlan: 'SHAREPOINT', removedBy: event.type },
    });
  }
  return entries;
}

/** What the entry shows besides type, time and actor; the user id is the timeline's own. */
function detailsOf(event: UserEvent): Record<string, unknown> {
  const { userId: _userId, ...rest } = event.data as { userId: string } & Record<string, unknown>;
  return rest;
}
