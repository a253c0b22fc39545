export type MailboxStatus = 'active' | 'softDeleted' | 'purged';

export interface MailboxView {
  userId: string;
  userPrincipalName: string;
  status: MailboxStatus;
  provisionedAt: string;
  softDeletedAt: string | null;
  purgeAfter: string | null;
  purgedAt: string | null;
  contactsList: 'active' | 'deleted' | 'purged';
}

export interface MailboxRow {
  user_id: string;
  user_principal_name: string;
  status: MailboxStatus;
  provisioned_at: string;
  soft_deleted_at: string | null;
  purge_after: string | null;
  purged_at: string | null;
  contacts_list: MailboxView['contactsList'];
}

export function toMailboxView(row: MailboxRow): MailboxView {
  return {
    userId: row.user_id,
    userPrincipalName: row.user_principal_name,
    status: row.status,
    provisionedAt: row.provisioned_at,
    softDeletedAt: row.soft_deleted_at,
    purgeAfter: row.purge_after,
    purgedAt: row.purged_at,
    contactsList: row.contacts_list,
  };
}
