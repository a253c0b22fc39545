import type { Statement } from 'better-sqlite3';
import { ReadModelDatabase } from '../../database';
import {
  MAILBOX_HOLD_SQL,
  MailboxRow,
  MailboxView,
  toMailboxView,
} from '../mailbox-retention/mailbox-retention.queries';
import { Page } from '../../paging';
import {
  UserOrder,
  decodeUserCursor,
  encodeUserCursor,
  prefixRange,
  searchKey,
  sortKeyOf,
  userListSql,
} from './user-search';

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
  /** A case-insensitive prefix of the UPN or the display name. */
  search?: string;
  skuId?: string;
  status?: 'active' | 'deleted';
  usageLocation?: string;
  /** true: only users under a legal hold (H1); false: only those not held. */
  hold?: boolean;
  orderBy?: UserOrder;
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
  upn_key: string;
  name_key: string;
}

export interface LicenseRow {
  sku_id: string;
  disabled_plans: string;
  assigned_at: string;
  assigned_by: string;
}

export class UserQueries {
  private readonly one;
  private readonly byPrincipalName;
  private readonly licenses;
  private readonly mailbox;
  /** One prepared statement per combination of filters, prepared on first use. */
  private readonly pages = new Map<string, Statement<Record<string, unknown>, UserRow>>();

  constructor(private readonly db: ReadModelDatabase) {
    this.one = db.prepare<[string, string], UserRow>('SELECT * FROM users WHERE tenant_id = ? AND user_id = ?');
    // The user created last holds the UPN now: one deleted before it was purged keeps its UPN until then (U1).
    this.byPrincipalName = db.prepare<[string, string], UserRow>(
      'SELECT * FROM users WHERE tenant_id = ? AND upn_key = ? ORDER BY seq DESC LIMIT 1',
    );
    this.licenses = db.prepare<[string, string], LicenseRow>(
      'SELECT * FROM user_licenses WHERE tenant_id = ? AND user_id = ? ORDER BY sku_id',
    );
    this.mailbox = db.prepare<[string, string], MailboxRow>(
      `SELECT m.*, ${MAILBOX_HOLD_SQL} FROM mailboxes m
       WHERE m.tenant_id = ? AND m.user_id = ?`,
    );
  }

  get(tenantId: string, userId: string): UserView | undefined {
    const row = this.one.get(tenantId, userId);
    return row && this.toView(tenantId, row);
  }

  /** A userId, or a UPN in any case. */
  find(tenantId: string, userIdOrUpn: string): UserView | undefined {
    const row = userIdOrUpn.includes('@')
      ? this.byPrincipalName.get(tenantId, searchKey(userIdOrUpn))
      : this.one.get(tenantId, userIdOrUpn);
    return row && this.toView(tenantId, row);
  }

  list(tenantId: string, filter: UserFilter): Page<UserView> {
    const order = filter.orderBy ?? 'createdAt';
    const after = filter.cursor === undefined ? undefined : decodeUserCursor(order, filter.cursor);
    const sql = userListSql({
      order,
      after: after !== undefined,
      search: filter.search !== undefined,
      skuId: filter.skuId !== undefined,
      status: filter.status !== undefined,
      usageLocation: filter.usageLocation !== undefined,
      hold: filter.hold,
    });
    const rows = this.statement(sql).all({
      tenant: tenantId,
      limit: filter.limit + 1,
      ...(after ? { afterKey: after.key, afterSeq: after.seq } : {}),
      ...(filter.search !== undefined ? prefixRange(filter.search) : {}),
      ...(filter.skuId !== undefined ? { sku: filter.skuId } : {}),
      ...(filter.status !== undefined ? { status: filter.status } : {}),
      ...(filter.usageLocation !== undefined ? { usageLocation: filter.usageLocation } : {}),
    });
    const kept = rows.slice(0, filter.limit);
    const last = kept[kept.length - 1];
    return {
      items: kept.map((row) => this.toView(tenantId, row)),
      nextCursor:
        rows.length > filter.limit ? encodeUserCursor(order, { key: sortKeyOf(order, last), seq: last.seq }) : null,
    };
  }

  private statement(sql: string): Statement<Record<string, unknown>, UserRow> {
    let statement = this.pages.get(sql);
    if (!statement) {
      statement = this.db.prepare<Record<string, unknown>, UserRow>(sql);
      this.pages.set(sql, statement);
    }
    return statement;
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
        ? {
            since: row.hold_since,
            by: { id: row.hold_by_id ?? '', name: row.hold_by_name },
            reason: row.hold_reason ?? '',
          }
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
