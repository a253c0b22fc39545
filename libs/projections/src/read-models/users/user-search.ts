import { invalid } from '@app/domain';

/** How GET /v1/users may be ordered; createdAt is the order users were created in (their UserCreated position). */
export const USER_ORDERS = ['createdAt', 'userPrincipalName', 'displayName'] as const;
export type UserOrder = (typeof USER_ORDERS)[number];

/** The indexed column each order walks (createdAt walks seq alone). */
const ORDER_KEY: Record<UserOrder, 'upn_key' | 'name_key' | null> = {
  createdAt: null,
  userPrincipalName: 'upn_key',
  displayName: 'name_key',
};

/** UPNs and display names are compared case-insensitively, as the domain compares UPNs (U1). */
export function searchKey(text: string): string {
  return text.toLowerCase();
}

/** Where a page resumes: after the last row's sort key, seq breaking ties, so rows written meanwhile never shift it. */
export interface UserKeyset {
  key: string | null;
  seq: number;
}

export interface UserListShape {
  order: UserOrder;
  after: boolean;
  search: boolean;
  skuId: boolean;
  status: boolean;
  usageLocation: boolean;
  /** true: only users under a legal hold (H1); false: only those not held; absent: both. */
  hold?: boolean;
}

/**
 * The statement for one combination of filters: only the filters given appear, so SQLite can walk the
 * order's index or the two search indexes (a prefix is a range of the lower-cased key).
 */
export function userListSql(shape: UserListShape): string {
  const key = ORDER_KEY[shape.order];
  // With a search, `+` keeps SQLite from walking the order's index from the cursor to the tenant's end: it reads
  // the two prefix ranges instead and sorts the matches. Held users are few too: hold=true reads the partial index
  // users_held (in creation order already) and sorts them by UPN or display name.
  const unordered = shape.search || (shape.hold === true && key !== null);
  const column = (name: string) => (unordered ? `+u.${name}` : `u.${name}`);
  const where = ['u.tenant_id = @tenant'];
  if (shape.after)
    where.push(key ? `(${column(key)}, ${column('seq')}) > (@afterKey, @afterSeq)` : `${column('seq')} > @afterSeq`);
  if (shape.search)
    where.push('((u.upn_key >= @from AND u.upn_key < @to) OR (u.name_key >= @from AND u.name_key < @to))');
  if (shape.status) where.push('u.status = @status');
  if (shape.usageLocation) where.push('u.usage_location = @usageLocation');
  // Written as the partial index's own WHERE, so that SQLite may use it.
  if (shape.hold !== undefined) where.push(shape.hold ? 'u.hold_since IS NOT NULL' : 'u.hold_since IS NULL');
  if (shape.skuId) {
    where.push(
      'EXISTS (SELECT 1 FROM user_licenses l WHERE l.tenant_id = u.tenant_id AND l.user_id = u.user_id AND l.sku_id = @sku)',
    );
  }
  return `SELECT u.* FROM users u WHERE ${where.join(' AND ')} ORDER BY ${key ? `${column(key)}, ` : ''}${column('seq')} LIMIT @limit`;
}

/** The keys sharing a prefix are [prefix, prefix with its last character one higher). */
export function prefixRange(search: string): { from: string; to: string } {
  const from = searchKey(search);
  const chars = [...from];
  const last = chars.pop() as string;
  return { from, to: chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1) };
}

export function sortKeyOf(order: UserOrder, row: { upn_key: string; name_key: string }): string | null {
  const key = ORDER_KEY[order];
  return key && row[key];
}

/** Opaque to clients: the order, the last row's sort key and seq, base64url-encoded JSON. */
export function encodeUserCursor(order: UserOrder, keyset: UserKeyset): string {
  return Buffer.from(JSON.stringify([order, keyset.key, keyset.seq])).toString('base64url');
}

export function decodeUserCursor(order: UserOrder, cursor: string): UserKeyset {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || !Number.isSafeInteger(decoded[2])) {
    throw invalid('cursor', 'cursor is not a cursor this API returned');
  }
  const [cursorOrder, key, seq] = decoded as [unknown, unknown, number];
  if (cursorOrder !== order || (ORDER_KEY[order] ? typeof key !== 'string' : key !== null)) {
    throw invalid('cursor', `cursor was returned for another orderBy than ${order}`);
  }
  return { key: key as string | null, seq };
}
