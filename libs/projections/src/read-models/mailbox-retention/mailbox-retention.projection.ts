import { IGNORED, ProjectedEvent, defineProjection } from '../../projection';

/**
 * Each user's mailbox and contacts list through their lifecycle, and each deleted user's grace
 * period (U4). Both are indexed by (status, purgeAfter), so the retention saga finds what is due in
 * O(due), not O(all mailboxes). Every update is guarded by the event's position: delivering an
 * event twice changes nothing.
 */
export const mailboxRetentionProjection = defineProjection({
  name: 'mailboxRetention',
  // 2: seq for paging, the soft-delete's event id and correlation (the purge's causation), deleted users.
  // 3: each mailbox keeps its owner's UPN, so a purged user's mailbox still shows whose it was.
  // 4: legal holds (H1, H2) keep their users out of the due queries; a restored user (U5) is no longer due;
  // 5: a purged user's UPN is erased from the mailbox (E1): null, and the view says `erased`.
  version: 5,
  tables: ['mailboxes', 'mailbox_owners', 'deleted_users', 'legal_holds'],
  schema: `
    CREATE TABLE IF NOT EXISTS mailbox_owners (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      user_principal_name TEXT,
      PRIMARY KEY (tenant_id, user_id)
    );
    CREATE TABLE IF NOT EXISTS mailboxes (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      user_principal_name TEXT, -- null once the user is purged (E1)
      seq INTEGER NOT NULL,
      position INTEGER NOT NULL,
      status TEXT NOT NULL,
      provisioned_at TEXT NOT NULL,
      soft_deleted_at TEXT,
      purge_after TEXT,
      purged_at TEXT,
      contacts_list TEXT NOT NULL,
      soft_deleted_event_id TEXT,
      soft_deleted_correlation_id TEXT,
      PRIMARY KEY (tenant_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS mailboxes_due ON mailboxes (status, purge_after, tenant_id, user_id);
    CREATE INDEX IF NOT EXISTS mailboxes_by_seq ON mailboxes (tenant_id, seq);
    CREATE TABLE IF NOT EXISTS deleted_users (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      status TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      purge_after TEXT NOT NULL,
      purged_at TEXT,
      deleted_event_id TEXT NOT NULL,
      deleted_correlation_id TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS deleted_users_due ON deleted_users (status, purge_after, tenant_id, user_id);
    CREATE TABLE IF NOT EXISTS legal_holds (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      held INTEGER NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    );`,
  prepare(db) {
    // A purged mailbox is replaced by a new, empty one (L5): the row starts over but keeps its place (seq).
    const provision = db.prepare(
      `INSERT INTO mailboxes (tenant_id, user_id, user_principal_name, seq, position, status, provisioned_at, contacts_list)
       VALUES (@tenant, @userId,
         (SELECT user_principal_name FROM mailbox_owners WHERE tenant_id = @tenant AND user_id = @userId),
         @position, @position, 'active', @at, 'active')
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET position = excluded.position, status = 'active',
         provisioned_at = excluded.provisioned_at, soft_deleted_at = NULL, purge_after = NULL, purged_at = NULL,
         contacts_list = 'active', soft_deleted_event_id = NULL, soft_deleted_correlation_id = NULL
       WHERE mailboxes.position < excluded.position`,
    );
    const softDelete = db.prepare(
      `UPDATE mailboxes SET position = @position, status = 'softDeleted', soft_deleted_at = @at, purge_after = @purgeAfter,
         soft_deleted_event_id = @eventId, soft_deleted_correlation_id = @correlationId
       WHERE tenant_id = @tenant AND user_id = @userId AND position < @position`,
    );
    const restore = db.prepare(
      `UPDATE mailboxes SET position = @position, status = 'active', soft_deleted_at = NULL, purge_after = NULL,
         soft_deleted_event_id = NULL, soft_deleted_correlation_id = NULL
       WHERE tenant_id = @tenant AND user_id = @userId AND position < @position`,
    );
    const purge = db.prepare(
      `UPDATE mailboxes SET position = @position, status = 'purged', purged_at = @at, contacts_list = 'purged'
       WHERE tenant_id = @tenant AND user_id = @userId AND position < @position`,
    );
    const contacts = db.prepare(
      `UPDATE mailboxes SET position = @position, contacts_list = @contactsList
       WHERE tenant_id = @tenant AND user_id = @userId AND position < @position`,
    );
    const own = db.prepare(
      `INSERT INTO mailbox_owners (tenant_id, user_id, user_principal_name) VALUES (@tenant, @userId, @upn)
       ON CONFLICT (tenant_id, user_id) DO NOTHING`,
    );
    const deleteUser = db.prepare(
      `INSERT INTO deleted_users (tenant_id, user_id, position, status, deleted_at, purge_after, deleted_event_id, deleted_correlation_id)
       VALUES (@tenant, @userId, @position, 'deleted', @at, @purgeAfter, @eventId, @correlationId)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET position = excluded.position, status = 'deleted', deleted_at = excluded.deleted_at,
         purge_after = excluded.purge_after, purged_at = NULL, deleted_event_id = excluded.deleted_event_id,
         deleted_correlation_id = excluded.deleted_correlation_id
       WHERE deleted_users.position < excluded.position`,
    );
    const purgeUser = db.prepare(
      `UPDATE deleted_users SET position = @position, status = 'purged', purged_at = @at
       WHERE tenant_id = @tenant AND user_id = @userId AND position < @position`,
    );
    const eraseOwner = db.prepare(
      'UPDATE mailbox_owners SET user_principal_name = NULL WHERE tenant_id = @tenant AND user_id = @userId',
    );
    const eraseMailbox = db.prepare(
      'UPDATE mailboxes SET user_principal_name = NULL WHERE tenant_id = @tenant AND user_id = @userId',
    );
    // A restored user keeps its row (status 'restored'), so its position still guards against an older event redelivered.
    const restoreUser = db.prepare(
      `UPDATE deleted_users SET position = @position, status = 'restored'
       WHERE tenant_id = @tenant AND user_id = @userId AND position < @position`,
    );
    // A released hold keeps its row (held = 0), so its position still guards against an older event redelivered.
    const hold = db.prepare(
      `INSERT INTO legal_holds (tenant_id, user_id, position, held) VALUES (@tenant, @userId, @position, @held)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET position = excluded.position, held = excluded.held
       WHERE legal_holds.position < excluded.position`,
    );
    // H2: what fell due under the hold starts a new grace period.
    const rescheduleMailbox = db.prepare(
      `UPDATE mailboxes SET position = @position, purge_after = @purgeAfter
       WHERE tenant_id = @tenant AND user_id = @userId AND status = 'softDeleted' AND position < @position`,
    );
    const rescheduleUser = db.prepare(
      `UPDATE deleted_users SET position = @position, purge_after = @purgeAfter
       WHERE tenant_id = @tenant AND user_id = @userId AND status = 'deleted' AND position < @position`,
    );
    return {
      provision,
      softDelete,
      restore,
      purge,
      contacts,
      own,
      deleteUser,
      purgeUser,
      eraseOwner,
      eraseMailbox,
      restoreUser,
      hold,
      rescheduleMailbox,
      rescheduleUser,
    };
  },
  ignores: ['subscription', 'license', 'alerting'],
  on: {
    UserCreated: ({ own }, event) =>
      own.run({ tenant: event.metadata.tenantId, userId: event.data.userId, upn: event.data.userPrincipalName }),
    MailboxProvisioned: ({ provision }, event) => provision.run(rowOf(event)),
    MailboxSoftDeleted: ({ softDelete }, event) =>
      softDelete.run({
        ...rowOf(event),
        purgeAfter: event.data.purgeAfter,
        eventId: event.eventId,
        correlationId: event.metadata.correlationId,
      }),
    MailboxRestored: ({ restore }, event) => {
      const { tenant, userId, position } = rowOf(event);
      restore.run({ tenant, userId, position });
    },
    MailboxPurged: ({ purge }, event) => purge.run(rowOf(event)),
    ContactsListDeleted: ({ contacts }, event) => {
      const { tenant, userId, position } = rowOf(event);
      contacts.run({ tenant, userId, position, contactsList: 'deleted' });
    },
    ContactsListRestored: ({ contacts }, event) => {
      const { tenant, userId, position } = rowOf(event);
      contacts.run({ tenant, userId, position, contactsList: 'active' });
    },
    UserDeleted: ({ deleteUser }, event) =>
      deleteUser.run({
        ...rowOf(event),
        purgeAfter: event.data.purgeAfter,
        eventId: event.eventId,
        correlationId: event.metadata.correlationId,
      }),
    UserPurged: ({ purgeUser, eraseOwner, eraseMailbox }, event) => {
      purgeUser.run(rowOf(event));
      eraseOwner.run(rowOf(event));
      eraseMailbox.run(rowOf(event));
    },
    UserRestored: ({ restoreUser }, event) => {
      const { tenant, userId, position } = rowOf(event);
      restoreUser.run({ tenant, userId, position });
    },
    LegalHoldPlaced: ({ hold }, event) => {
      const { tenant, userId, position } = rowOf(event);
      hold.run({ tenant, userId, position, held: 1 });
    },
    LegalHoldReleased: ({ hold, rescheduleMailbox, rescheduleUser }, event) => {
      const { tenant, userId, position } = rowOf(event);
      hold.run({ tenant, userId, position, held: 0 });
      const { mailboxPurgeAfter, userPurgeAfter } = event.data;
      if (mailboxPurgeAfter !== null)
        rescheduleMailbox.run({ tenant, userId, position, purgeAfter: mailboxPurgeAfter });
      if (userPurgeAfter !== null) rescheduleUser.run({ tenant, userId, position, purgeAfter: userPurgeAfter });
    },
    UserUpdated: IGNORED,
    AliasAdded: IGNORED,
    AliasesReleased: IGNORED,
    // A notice changes no purge: the alerts read model raises PurgeDueSoon from it.
    MailboxPurgeDueSoonNoticed: IGNORED,
  },
});

/** The parameters every statement here shares: each event it handles is about one user. */
function rowOf(
  event: ProjectedEvent<
    | 'UserCreated'
    | 'UserDeleted'
    | 'UserPurged'
    | 'UserRestored'
    | 'LegalHoldPlaced'
    | 'LegalHoldReleased'
    | 'MailboxProvisioned'
    | 'MailboxSoftDeleted'
    | 'MailboxRestored'
    | 'MailboxPurged'
    | 'ContactsListDeleted'
    | 'ContactsListRestored'
  >,
) {
  return {
    tenant: event.metadata.tenantId,
    userId: event.data.userId,
    position: event.position,
    at: event.metadata.occurredAt,
  };
}
