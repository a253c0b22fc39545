import { Projection } from '../../projection';

/**
 * Each user's mailbox and contacts list through their lifecycle, indexed by purgeAfter so the
 * retention saga finds what is due in O(due), not O(all mailboxes).
 */
export const mailboxRetentionProjection: Projection = {
  name: 'mailboxRetention',
  version: 1,
  handles: [
    'MailboxProvisioned',
    'MailboxSoftDeleted',
    'MailboxRestored',
    'MailboxPurged',
    'ContactsListDeleted',
    'ContactsListRestored',
  ],
  tables: ['mailboxes'],
  schema: `
    CREATE TABLE IF NOT EXISTS mailboxes (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      status TEXT NOT NULL,
      provisioned_at TEXT NOT NULL,
      soft_deleted_at TEXT,
      purge_after TEXT,
      purged_at TEXT,
      contacts_list TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS mailboxes_by_purge_after ON mailboxes (status, purge_after);`,
  bind(db) {
    // A purged mailbox is replaced by a new, empty one (L5): the row starts over.
    const provision = db.prepare(
      `INSERT INTO mailboxes (tenant_id, user_id, status, provisioned_at, contacts_list)
       VALUES (?, ?, 'active', ?, 'active')
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET status = 'active', provisioned_at = excluded.provisioned_at,
         soft_deleted_at = NULL, purge_after = NULL, purged_at = NULL, contacts_list = 'active'`,
    );
    const softDelete = db.prepare(
      `UPDATE mailboxes SET status = 'softDeleted', soft_deleted_at = ?, purge_after = ?
       WHERE tenant_id = ? AND user_id = ?`,
    );
    const restore = db.prepare(
      `UPDATE mailboxes SET status = 'active', soft_deleted_at = NULL, purge_after = NULL
       WHERE tenant_id = ? AND user_id = ?`,
    );
    const purge = db.prepare(
      `UPDATE mailboxes SET status = 'purged', purged_at = ?, contacts_list = 'purged'
       WHERE tenant_id = ? AND user_id = ?`,
    );
    const contacts = db.prepare('UPDATE mailboxes SET contacts_list = ? WHERE tenant_id = ? AND user_id = ?');
    return (event) => {
      const { tenantId: tenant, occurredAt } = event.metadata;
      switch (event.type) {
        case 'MailboxProvisioned':
          provision.run(tenant, event.data.userId, occurredAt);
          return;
        case 'MailboxSoftDeleted':
          softDelete.run(occurredAt, event.data.purgeAfter, tenant, event.data.userId);
          return;
        case 'MailboxRestored':
          restore.run(tenant, event.data.userId);
          return;
        case 'MailboxPurged':
          purge.run(occurredAt, tenant, event.data.userId);
          return;
        case 'ContactsListDeleted':
          contacts.run('deleted', tenant, event.data.userId);
          return;
        case 'ContactsListRestored':
          contacts.run('active', tenant, event.data.userId);
          return;
      }
    };
  },
};
