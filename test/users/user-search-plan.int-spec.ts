import { READ_MODELS, USER_ORDERS, prefixRange, userListSql } from '@app/projections';
import Database from 'better-sqlite3';

/** EXPLAIN QUERY PLAN of the statements GET /v1/users runs, on the read models' real schema. */
describe('the users list reads its indexes', () => {
  const db = new Database(':memory:');
  for (const projection of READ_MODELS) db.exec(projection.schema);
  const plan = (sql: string, params: Record<string, unknown>) =>
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
  const keyset = (order: string) => (order === 'createdAt' ? { afterSeq: 7 } : { afterKey: 'k', afterSeq: 7 });
  const shape = { skuId: false, status: false, usageLocation: false };

  it.each(USER_ORDERS)(
    'search, ordered by %s: reads only the UPN and display-name prefix ranges of their indexes',
    (order) => {
      const sql = userListSql({ order, after: true, search: true, ...shape });
      const detail = plan(sql, { tenant: 't', limit: 11, ...keyset(order), ...prefixRange('Ada') });
      expect(detail).toContain('MULTI-INDEX OR');
      expect(detail).toContain('SEARCH u USING INDEX users_by_upn (tenant_id=? AND upn_key>? AND upn_key<?)');
      expect(detail).toContain('SEARCH u USING INDEX users_by_name (tenant_id=? AND name_key>? AND name_key<?)');
      expect(detail).not.toMatch(/SCAN/);
    },
  );

  it.each([
    ['createdAt', 'users_by_seq (tenant_id=? AND seq>?)'],
    ['userPrincipalName', 'users_by_upn (tenant_id=? AND (upn_key,seq)>(?,?))'],
    ['displayName', 'users_by_name (tenant_id=? AND (name_key,seq)>(?,?))'],
  ] as const)('a next page ordered by %s starts in its index at the cursor, with no sort', (order, index) => {
    const detail = plan(userListSql({ order, after: true, search: false, ...shape }), {
      tenant: 't',
      limit: 11,
      ...keyset(order),
    });
    expect(detail).toBe(`SEARCH u USING INDEX ${index}`);
  });

  it.each(USER_ORDERS)(
    'hold=true, ordered by %s: reads only the held users, from the partial index users_held',
    (order) => {
      const sql = userListSql({ order, after: true, search: false, ...shape, hold: true });
      const detail = plan(sql, { tenant: 't', limit: 11, ...keyset(order) });
      expect(detail).toMatch(/^SEARCH u USING INDEX users_held \(tenant_id=\?/);
      expect(detail).not.toMatch(/SCAN/);
    },
  );

  it('a prefix range holds exactly the keys that start with the prefix, in any case', () => {
    const { from, to } = prefixRange('AdA');
    const inRange = (key: string) => key >= from && key < to;
    expect(['ada', 'ada@contoso.com', 'adaz', 'ada\u{10ffff}'].every(inRange)).toBe(true);
    expect(['ad', 'adb', 'ac', 'adaa'.slice(0, 2), 'b'].some(inRange)).toBe(false);
  });
});
