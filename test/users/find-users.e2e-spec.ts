import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';

interface Listed {
  userId: string;
  userPrincipalName: string;
  displayName: string;
}

/** Every page of GET /v1/users?<query>, following nextCursor; `between` runs after each page but the last. */
async function allPages(
  caller: Caller,
  query: string,
  between: (page: number) => Promise<void> = async () => {},
): Promise<Listed[]> {
  const seen: Listed[] = [];
  let cursor: string | null = null;
  for (let page = 0; ; page++) {
    const { body }: { body: { items: Listed[]; nextCursor: string | null } } = await caller
      .get(`/v1/users?${query}${cursor ? `&cursor=${cursor}` : ''}`)
      .expect(200);
    seen.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return seen;
    await between(page);
  }
}

describe('Finding users: UPN lookup, search, filters, order and keyset paging', () => {
  let ledger: LedgerApp;
  let admin: Caller;
  let tenant = 0;

  beforeAll(async () => {
    ledger = await startLedgerApp();
  });
  afterAll(() => ledger.close());
  beforeEach(() => {
    tenant += 1;
    admin = ledger.as('global-admin', { tenant: `find-${tenant}` });
  });

  const create = async (userPrincipalName: string, displayName: string, usageLocation = 'US'): Promise<Listed> =>
    (await admin.post('/v1/users', { userPrincipalName, displayName, usageLocation }).expect(201)).body;

  it('U1 a UPN in any case finds the user holding it, deleted-but-not-purged included; auditor and compliance may read', async () => {
    const ada = await create('Ada.Lovelace@contoso.com', 'Ada Lovelace');
    await admin.delete(`/v1/users/${ada.userId}`).expect(200);
    for (const role of ['auditor', 'compliance', 'user-admin'] as const) {
      const { body } = await ledger
        .as(role, { tenant: `find-${tenant}` })
        .get('/v1/users/ada.LOVELACE@Contoso.com')
        .expect(200);
      expect(body).toMatchObject({
        userId: ada.userId,
        userPrincipalName: 'Ada.Lovelace@contoso.com',
        status: 'deleted',
      });
    }
    const missing = await admin.get('/v1/users/grace@contoso.com').expect(404);
    expect(missing.body).toMatchObject({ error: 'UserNotFound', details: { userId: 'grace@contoso.com' } });
  });

  it('search is a case-insensitive prefix of the UPN or of the display name; usageLocation and status narrow it', async () => {
    const ada = await create('ada@contoso.com', 'Ada Lovelace', 'GB');
    const adam = await create('a.smith@contoso.com', 'ADAM Smith', 'US');
    await create('grace@contoso.com', 'Grace Hopper (ada fan)', 'US');
    const zed = await create('zed@contoso.com', 'Adalbert Zed', 'GB');
    await admin.delete(`/v1/users/${zed.userId}`).expect(200);

    const ids = async (query: string) =>
      (await admin.get(`/v1/users?${query}`).expect(200)).body.items.map((user: Listed) => user.userId);
    expect(await ids('search=ADA&orderBy=userPrincipalName')).toEqual([adam.userId, ada.userId, zed.userId]);
    expect(await ids('search=a.s')).toEqual([adam.userId]);
    expect(await ids('search=ada&usageLocation=GB')).toEqual([ada.userId, zed.userId]);
    expect(await ids('search=ada&usageLocation=GB&status=active')).toEqual([ada.userId]);
    expect(await ids('search=ada%20l')).toEqual([ada.userId]);
    expect(await ids('search=%25')).toEqual([]);
  });

  it('orderBy sorts by UPN, display name (case-insensitively) or creation, and pages keep that order', async () => {
    const c = await create('c@contoso.com', 'bravo');
    const a = await create('a@contoso.com', 'Charlie');
    const b = await create('B@contoso.com', 'alpha');
    const ids = (users: Listed[]) => users.map((user) => user.userId);
    expect(ids(await allPages(admin, 'orderBy=userPrincipalName&limit=1'))).toEqual([a.userId, b.userId, c.userId]);
    expect(ids(await allPages(admin, 'orderBy=displayName&limit=2'))).toEqual([b.userId, c.userId, a.userId]);
    expect(ids(await allPages(admin, 'orderBy=createdAt&limit=2'))).toEqual([c.userId, a.userId, b.userId]);
    expect(ids(await allPages(admin, 'limit=1'))).toEqual([c.userId, a.userId, b.userId]);
  });

  it.each(['createdAt', 'userPrincipalName', 'displayName'])(
    'keyset paging by %s: users created and deleted between pages shift no one; each earlier user appears exactly once',
    async (orderBy) => {
      const before: Listed[] = [];
      for (let i = 0; i < 12; i++)
        before.push(
          await create(`user${String(i).padStart(2, '0')}@contoso.com`, `Name ${String.fromCharCode(75 + i)}`),
        );
      let added = 0;
      // Between pages: delete two users already listed (status=active drops them, which moves every later row up
      // under offset paging) and create users that sort first and last.
      const seen = await allPages(admin, `status=active&orderBy=${orderBy}&limit=3`, async (page) => {
        if (page >= 4) return;
        await admin.delete(`/v1/users/${before[2 * page].userId}`).expect(200);
        await admin.delete(`/v1/users/${before[2 * page + 1].userId}`).expect(200);
        added += 1;
        await create(`aaa${added}@contoso.com`, `AAA ${added}`);
        await create(`zzz${added}@contoso.com`, `ZZZ ${added}`);
      });
      const counts = new Map<string, number>();
      for (const user of seen) counts.set(user.userId, (counts.get(user.userId) ?? 0) + 1);
      expect(before.map((user) => counts.get(user.userId) ?? 0)).toEqual(before.map(() => 1));
      expect(added).toBe(4);
    },
  );

  it.each(['createdAt', 'userPrincipalName', 'displayName'])(
    'H1 hold=true lists only the users under a legal hold (deleted ones included), hold=false the others; keyset pages by %s',
    async (orderBy) => {
      const users = [
        await create('d@contoso.com', 'Bea'),
        await create('a@contoso.com', 'Dan'),
        await create('c@contoso.com', 'Ann'),
        await create('b@contoso.com', 'Cid'),
        await create('f@contoso.com', 'Eve'),
        await create('e@contoso.com', 'Fay'),
        await create('g@contoso.com', 'Gus'),
      ];
      const hold = (user: Listed) =>
        admin.put(`/v1/users/${user.userId}/hold`, { reason: 'Litigation 2026-114' }).expect(200);
      for (const index of [0, 1, 3]) await hold(users[index]);
      await admin.delete(`/v1/users/${users[5].userId}`).expect(200);
      await hold(users[5]);
      await hold(users[4]);
      await admin.delete(`/v1/users/${users[4].userId}/hold`).expect(200);

      const heldInOrder: Record<string, number[]> = {
        createdAt: [0, 1, 3, 5],
        userPrincipalName: [1, 3, 0, 5],
        displayName: [0, 3, 1, 5],
      };
      const ids = (listed: Listed[]) => listed.map((user) => users.findIndex((one) => one.userId === user.userId));
      // A hold placed between pages on a user that sorts after the cursor shows on a later page.
      const held = await allPages(admin, `hold=true&orderBy=${orderBy}&limit=1`, async (page) => {
        if (page === 0) await hold(users[6]);
      });
      expect(ids(held)).toEqual([...heldInOrder[orderBy], 6]);
      expect(ids(await allPages(admin, `hold=false&orderBy=${orderBy}&limit=2`))).toEqual([2, 4]);
      expect(ids(await allPages(admin, `hold=true&status=deleted&orderBy=${orderBy}&limit=1`))).toEqual([5]);
      expect(ids(await allPages(admin, `hold=false&search=e&orderBy=${orderBy}&limit=1`))).toEqual([4]);
    },
  );

  it('hold takes only true or false: anything else is 400 ValidationFailed naming it', async () => {
    for (const value of ['yes', '1', 'TRUE', '', 'true,false']) {
      const answer = await admin.get(`/v1/users?hold=${value}`).expect(400);
      expect(answer.body).toMatchObject({ error: 'ValidationFailed' });
      expect(JSON.stringify(answer.body)).toContain('hold');
    }
    expect((await admin.get('/v1/users?hold=false').expect(200)).body.items).toEqual([]);
  });

  it('a cursor of another orderBy, a bad orderBy and an empty search are 400 ValidationFailed', async () => {
    await create('a@contoso.com', 'A');
    await create('b@contoso.com', 'B');
    const { body } = await admin.get('/v1/users?orderBy=displayName&limit=1').expect(200);
    for (const query of [
      `orderBy=userPrincipalName&cursor=${body.nextCursor}`,
      `cursor=${body.nextCursor}`,
      'orderBy=mail',
      'search=',
      'cursor=bm9wZQ',
      'usageLocation=gb',
    ]) {
      const answer = await admin.get(`/v1/users?${query}`).expect(400);
      expect(answer.body.error).toBe('ValidationFailed');
    }
  });
});
