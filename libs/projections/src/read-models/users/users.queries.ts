import { ReadModelDatabase } from '../../database';
import { MAILBOX_HOLD_SQL, MailboxRow, MailboxView, toMailboxView } from '../mailbox-retention/mailbox-retention.queries';
import { Page, afterCursor, pageOf } from '../../paging';

export interface LicenseView {
  skuId: string;
  disabledPlans: string[];
  assignedAt: string;
  assignedBy: string;
}

export interface UserView {
  userId: string;
  userPrincipalName: string;
  displayName: string;
  usageLocation: string | null;
  status: 'active' | 'deleted';
  aliases: string[];
  licenses: LicenseView[];
  mailbox: MailboxView | null;
  createdAt: string;
  /** Set while deleted (U4, U5). */
  deletedAt: string | null;
  /** Set while deleted: until when it can be restored, and when it is purged unless held (H2 may move it). */
  purgeAfter: string | null;
  /** H1: who placed the legal hold, when and why; null when none stands. */
  hold: LegalHoldView | null;
}

export interface LegalHoldView {
  since: string;
  by: { id: string; name: string | null };
  reason: string;
}

export interface UserFilter {
  skuId?: string;
  status?: 'active' | 'deleted';
  limit: number;
  cursor?: string;
}

export interface UserRow {
  user_id: string;
  seq: number;
  user_principal_name: string;
  display_name: string;
  usage_location: string | null;
  status: 'active' | 'deleted';
  aliases: string;
  created_at: string;
  deleted_at: string | null;
  purge_after: string | null;
  hold_since: string | null;
  hold_by_id: string | null;
  hold_by_name: string | null;
  hold_reason: string | null;
}

export interface LicenseRow {
  sku_id: string;
  disabled_plans: string;
  assigned_at: string;
  assigned_by: string;
}

export class UserQueries {
  private readonly one;
  private readonly licenses;
  private readonly mailbox;
  private readonly page;

  constructor(db: ReadModelDatabase) {
    this.one = db.prepare<[string, string], UserRow>('SELECT * FROM users WHERE tenant_id = ? AND user_id = ?');
    this.licenses = db.prepare<[string, string], LicenseRow>(
      'SELECT * FROM user_licenses WHERE tenant_id = ? AND user_id = ? ORDER BY sku_id',
    );
    this.mailbox = db.prepare<[string, string], MailboxRow>(
      `SELECT m.*, ${MAILBOX_HOLD_SQL} FROM mailboxes m
       WHERE m.tenant_id = ? AND m.user_id = ?`,
    );
    // One statement for every filter combination: a NULL parameter switches its filter off.
    this.page = db.prepare<{ tenant: string; status: string | null; sku: string | null; after: number; limit: number }, UserRow>(
      `SELECT u.* FROM users u
       WHERE u.tenant_id = @tenant AND u.seq > @after
         AND (@status IS NULL OR u.status = @status)
         AND (@sku IS NULL OR EXISTS (SELECT 1 FROM user_licenses l
              WHERE l.tenant_id = u.tenant_id AND l.user_id = u.user_id AND l.sku_id = @sku))
       ORDER BY u.seq LIMIT @limit`,
    );
  }

  get(tenantId: string, userId: string): UserView | undefined {
    const row = this.one.get(tenantId, userId);
    return row && this.toView(tenantId, row);
  }

  list(tenantId: string, filter: UserFilter): Page<UserView> {
    const rows = this.page.all({
      tenant: tenantId,
      status: filter.status ?? null,
      sku: filter.skuId ?? null,
      after: afterCursor(filter.cursor),
      limit: filter.limit + 1,
    });
    return pageOf(rows, filter.limit, (row) => row.seq, (row) => this.toView(tenantId, row));
  }

  private toView(tenantId: string, row: UserRow): UserView {
    return toUserView(row, this.licenses.all(tenantId, row.user_id), this.mailbox.get(tenantId, row.user_id));
  }
}

export function toUserView(row: UserRow, licenses: LicenseRow[], mailbox: MailboxRow | undefined): UserView {
  return {
    userId: row.user_id,
    userPrincipalName: row.user_principal_name,
    displayName: row.display_name,
    usageLocation: row.usage_location,
    status: row.status,
    aliases: JSON.parse(row.aliases) as string[],
    licenses: licenses.map(toLicenseView),
    mailbox: mailbox ? toMailboxView(mailbox) : null,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
    purgeAfter: row.purge_after,
    hold:
      row.hold_since !== null
        ? { since: row.hold_since, by: { id: row.hold_by_id ?? '', name: row.hold_by_name }, reason: row.hold_reason ?? '' }
        : null,
  };
}

export function toLicenseView(row: LicenseRow): LicenseView {
  return {
    skuId: row.sku_id,
    disabledPlans: JSON.parse(row.disabled_plans) as string[],
    assignedAt: row.assigned_at,
    assignedBy: row.assigned_by,
  };
}
