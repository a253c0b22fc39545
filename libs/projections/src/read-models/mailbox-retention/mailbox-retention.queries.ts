import { ReadModelDatabase } from '../../database';
import { Page, afterCursor, pageOf } from '../../paging';

export type MailboxStatus = 'active' | 'softDeleted' | 'purged';

export interface MailboxView {
  userId: string;
  /** Null once the user is purged (E1), and then `erased` is true. */
  userPrincipalName: string | null;
  erased?: true;
  status: MailboxStatus;
  provisionedAt: string;
  softDeletedAt: string | null;
  purgeAfter: string | null;
  purgedAt: string | null;
  contactsList: 'active' | 'deleted' | 'purged';
  /** H1: the owner is under a legal hold, so nothing of this mailbox is purged. */
  hold: boolean;
}

/** Selects a mailbox row's `hold` column: whether its owner is under a legal hold. */
export const MAILBOX_HOLD_SQL = `EXISTS (SELECT 1 FROM legal_holds h WHERE h.tenant_id = m.tenant_id AND h.user_id = m.user_id AND h.held = 1) AS hold`;

export interface MailboxRow {
  user_id: string;
  user_principal_name: string | null;
  status: MailboxStatus;
  provisioned_at: string;
  soft_deleted_at: string | null;
  purge_after: string | null;
  purged_at: string | null;
  contacts_list: MailboxView['contactsList'];
  hold: 0 | 1;
}

export function toMailboxView(row: MailboxRow): MailboxView {
  return {
    userId: row.user_id,
    userPrincipalName: row.user_principal_name,
    ...(row.user_principal_name === null ? { erased: true as const } : {}),
    status: row.status,
    provisionedAt: row.provisioned_at,
    softDeletedAt: row.soft_deleted_at,
    purgeAfter: row.purge_after,
    purgedAt: row.purged_at,
    contactsList: row.contacts_list,
    hold: row.hold === 1,
  };
}

export interface MailboxFilter {
  status?: MailboxStatus;
  /** Only mailboxes whose purgeAfter is strictly before this instant (ISO 8601, as toISOString() writes it). */
  purgeBefore?: string;
  limit: number;
  cursor?: string;
}

/** What the retention saga must purge: a soft-deleted mailbox or a deleted user whose grace period ended. */
export interface DuePurge {
  kind: 'mailbox' | 'user';
  tenantId: string;
  userId: string;
  purgeAfter: string;
  /** The MailboxSoftDeleted or UserDeleted event that started the grace period: the purge's causation. */
  causationId: string;
  /** The correlation of the request that started the grace period: the purge belongs to the same story. */
  correlationId: string;
}

/** Keyset position in the due order (purgeAfter, tenantId, userId): a pass never visits an item twice. */
export interface DueKey {
  purgeAfter: string;
  tenantId: string;
  userId: string;
}

/** A purge still to come for one user (the timeline's `scheduled`). */
export interface PendingPurge {
  at: string;
  action: 'purgeMailbox' | 'purgeUser';
}

interface DueRow {
  tenant_id: string;
  user_id: string;
  purge_after: string;
  event_id: string | null;
  correlation_id: string | null;
}

/** H1: held users are left out of the due range by a primary-key probe per row, never loaded one by one. */
const NOT_HELD =
  'NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.tenant_id = d.tenant_id AND h.user_id = d.user_id AND h.held = 1)';

/** Across tenants, in due order, a range of the (status, purge_after, tenant_id, user_id) index: O(due) per pass. */
export const DUE_MAILBOXES_SQL = `
  SELECT tenant_id, user_id, purge_after, soft_deleted_event_id AS event_id, soft_deleted_correlation_id AS correlation_id
  FROM mailboxes d
  WHERE status = 'softDeleted' AND purge_after <= @now
    AND (purge_after, tenant_id, user_id) > (@afterPurge, @afterTenant, @afterUser) AND ${NOT_HELD}
  ORDER BY purge_after, tenant_id, user_id LIMIT @limit`;

/** The same for deleted users (U4), on the deleted_users (status, purge_after, tenant_id, user_id) index. */
export const DUE_USERS_SQL = `
  SELECT tenant_id, user_id, purge_after, deleted_event_id AS event_id, deleted_correlation_id AS correlation_id
  FROM deleted_users d
  WHERE status = 'deleted' AND purge_after <= @now
    AND (purge_after, tenant_id, user_id) > (@afterPurge, @afterTenant, @afterUser) AND ${NOT_HELD}
  ORDER BY purge_after, tenant_id, user_id LIMIT @limit`;

type DueParams = { now: string; afterPurge: string; afterTenant: string; afterUser: string; limit: number };

/** The mailboxRetention read model's questions: the compliance list, the saga's due work, a user's pending purges. */
export class MailboxRetentionQueries {
  private readonly page;
  private readonly dueMailboxes;
  private readonly dueUsers;
  private readonly pendingMailbox;
  private readonly pendingUser;

  constructor(db: ReadModelDatabase) {
    // One statement for every filter combination: a NULL parameter switches its filter off.
    this.page = db.prepare<
      { tenant: string; status: string | null; before: string | null; after: number; limit: number },
      MailboxRow & { seq: number }
    >(
      `SELECT m.*, ${MAILBOX_HOLD_SQL} FROM mailboxes m
       WHERE m.tenant_id = @tenant AND m.seq > @after
         AND (@status IS NULL OR m.status = @status)
         AND (@before IS NULL OR m.purge_after < @before)
       ORDER BY m.seq LIMIT @limit`,
    );
    this.dueMailboxes = db.prepare<DueParams, DueRow>(DUE_MAILBOXES_SQL);
    this.dueUsers = db.prepare<DueParams, DueRow>(DUE_USERS_SQL);
    this.pendingMailbox = db.prepare<[string, string], { purge_after: string }>(
      `SELECT purge_after FROM mailboxes d WHERE tenant_id = ? AND user_id = ? AND status = 'softDeleted' AND ${NOT_HELD}`,
    );
    this.pendingUser = db.prepare<[string, string], { purge_after: string }>(
      `SELECT purge_after FROM deleted_users d WHERE tenant_id = ? AND user_id = ? AND status = 'deleted' AND ${NOT_HELD}`,
    );
  }

  list(tenantId: string, filter: MailboxFilter): Page<MailboxView> {
    const rows = this.page.all({
      tenant: tenantId,
      status: filter.status ?? null,
      before: filter.purgeBefore ?? null,
      after: afterCursor(filter.cursor),
      limit: filter.limit + 1,
    });
    return pageOf(rows, filter.limit, (row) => row.seq, toMailboxView);
  }

  /** Soft-deleted mailboxes whose purgeAfter <= now, after `after` in due order, at most `limit`. */
  dueMailboxPurges(now: string, after: DueKey | null, limit: number): DuePurge[] {
    return this.dueMailboxes.all(dueParams(now, after, limit)).map((row) => toDue('mailbox', row));
  }

  /** Deleted users whose grace period ended by `now` (U4), after `after` in due order, at most `limit`. */
  dueUserPurges(now: string, after: DueKey | null, limit: number): DuePurge[] {
    return this.dueUsers.all(dueParams(now, after, limit)).map((row) => toDue('user', row));
  }

  /** The purges still to come for one user, earliest first (overdue ones included until the saga runs; none while held). */
  pendingPurges(tenantId: string, userId: string): PendingPurge[] {
    const pending: PendingPurge[] = [];
    const mailbox = this.pendingMailbox.get(tenantId, userId);
    if (mailbox) pending.push({ at: mailbox.purge_after, action: 'purgeMailbox' });
    const user = this.pendingUser.get(tenantId, userId);
    if (user) pending.push({ at: user.purge_after, action: 'purgeUser' });
    return pending.sort((a, b) => a.at.localeCompare(b.at) || a.action.localeCompare(b.action));
  }
}

function dueParams(now: string, after: DueKey | null, limit: number): DueParams {
  // '' sorts before every ISO time and id, so the first batch starts at the beginning.
  return {
    now,
    afterPurge: after?.purgeAfter ?? '',
    afterTenant: after?.tenantId ?? '',
    afterUser: after?.userId ?? '',
    limit,
  };
}

function toDue(kind: DuePurge['kind'], row: DueRow): DuePurge {
  return {
    kind,
    tenantId: row.tenant_id,
    userId: row.user_id,
    purgeAfter: row.purge_after,
    causationId: row.event_id ?? '',
    correlationId: row.correlation_id ?? '',
  };
}
