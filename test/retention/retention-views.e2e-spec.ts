import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { DAY_MS, ledgerScript } from './support/ledger-script';

interface Entry {
  at: string;
  type: string;
  actor: { id: string; name: string | null };
  details: Record<string, unknown>;
}

/** A3 L5 L6: what compliance staff see: the mailbox list and each user's timeline. */
describe('Retention views', () => {
  let ledger: LedgerApp;
  let root: Caller;
  const advance = async (by: { days?: number; hours?: number; minutes?: number }) =>
    (await root.post('/v1/clock/advance', by).expect(200)).body.now as string;

  beforeAll(async () => {
    ledger = await startLedgerApp();
    root = ledger.as('global-admin', { actor: 'root' });
  });
  afterAll(() => ledger.close());

  it('A3 L6: every step of a user appears on the timeline, in order, with its time and actor, and the purge while pending', async () => {
    const tenant = 'timeline';
    const alice = ledger.as('user-admin', { actor: 'alice', name: 'Alice Admin', tenant });
    const bob = ledger.as('user-admin', { actor: 'bob', tenant });
    const carol = ledger.as('user-admin', { actor: 'carol', tenant });
    const dave = ledger.as('user-admin', { actor: 'dave', tenant });
    const compliance = ledger.as('compliance', { actor: 'cora', tenant });
    await ledgerScript(ledger.as('global-admin', { tenant })).subscription('E3');

    const t0 = (await root.get('/v1/clock').expect(200)).body.now as string;
    const fay = await ledgerScript(alice).user('fay', ['fay.alias@contoso.com']);
    await ledgerScript(alice).assign(fay, 'E3');
    await advance({ days: 2 });
    const removed = (await ledgerScript(bob).remove(fay, 'E3')).body.mailbox;
    const t1 = removed.softDeletedAt as string;

    const pending = (await compliance.get(`/v1/retention/users/${fay}/timeline`).expect(200)).body;
    expect(pending.userId).toBe(fay);
    expect(pending.scheduled).toEqual([{ at: removed.purgeAfter, action: 'purgeMailbox' }]);

    const t2 = await advance({ days: 30 });
    await ledgerScript(carol).assign(fay, 'E3');
    await advance({ days: 1 });
    const t3 = (await dave.delete(`/v1/users/${fay}`).expect(200)).body.mailbox.softDeletedAt as string;
    const whileDeleted = (await compliance.get(`/v1/retention/users/${fay}/timeline`).expect(200)).body.scheduled;
    const t4 = new Date(Date.parse(t3) + 30 * DAY_MS).toISOString();
    expect(whileDeleted).toEqual([
      { at: t4, action: 'purgeMailbox' },
      { at: t4, action: 'purgeUser' },
    ]);
    await advance({ days: 30 });

    const { body } = await compliance.get(`/v1/retention/users/${fay}/timeline`).expect(200);
    const retention = { id: 'system:retention', name: 'Retention saga' };
    const who = (id: string, name: string | null = null) => ({ id, name });
    const steps = (body.entries as Entry[]).map((entry) => [entry.type, entry.actor, entry.at]);
    expect(steps).toEqual([
      ['UserCreated', who('alice', 'Alice Admin'), t0],
      ['LicenseAssigned', who('alice', 'Alice Admin'), t0],
      ['MailboxProvisioned', who('alice', 'Alice Admin'), t0],
      ['LicenseRemoved', who('bob'), t1],
      ['SharePointDocumentsRetained', who('bob'), t1],
      ['MailboxSoftDeleted', who('bob'), t1],
      ['AliasesReleased', who('bob'), t1],
      ['ContactsListDeleted', who('bob'), t1],
      ['MailboxPurged', retention, t2],
      ['ContactsListPurged', retention, t2],
      ['SharePointDocumentsRetained', retention, t2],
      ['LicenseAssigned', who('carol'), t2],
      ['MailboxProvisioned', who('carol'), t2],
      ['LicenseRemoved', who('dave'), t3],
      ['SharePointDocumentsRetained', who('dave'), t3],
      ['MailboxSoftDeleted', who('dave'), t3],
      ['ContactsListDeleted', who('dave'), t3],
      ['UserDeleted', who('dave'), t3],
      ['MailboxPurged', retention, t4],
      ['ContactsListPurged', retention, t4],
      ['SharePointDocumentsRetained', retention, t4],
      ['UserPurged', retention, t4],
    ]);
    const details = (type: string) =>
      (body.entries as Entry[]).filter((entry) => entry.type === type).map((entry) => entry.details);
    expect(details('LicenseRemoved')).toEqual([
      { skuId: 'E3', reason: 'removed' },
      { skuId: 'E3', reason: 'userDeleted' },
    ]);
    expect(details('MailboxSoftDeleted')).toEqual([{ purgeAfter: removed.purgeAfter }, { purgeAfter: t4 }]);
    // E2: after the purge the timeline keeps the steps, with the personal fields erased.
    expect(details('AliasesReleased')).toEqual([{ aliases: null, erased: true }]);
    expect(details('UserDeleted')).toEqual([{ purgeAfter: t4 }]);
    expect(details('UserPurged')).toEqual([{ userPrincipalName: null, erased: true }]);
    expect(details('SharePointDocumentsRetained')).toEqual([
      { servicePlan: 'SHAREPOINT', removedBy: 'LicenseRemoved' },
      { servicePlan: 'SHAREPOINT', removedBy: 'MailboxPurged' },
      { servicePlan: 'SHAREPOINT', removedBy: 'LicenseRemoved' },
      { servicePlan: 'SHAREPOINT', removedBy: 'MailboxPurged' },
    ]);
    expect(body.scheduled).toEqual([]);
  });

  it('L6: removing a SharePoint-only license purges nothing and the timeline says the documents were retained', async () => {
    const tenant = 'sharepoint-only';
    const admin = ledger.as('global-admin', { tenant });
    await admin
      .post('/v1/subscriptions', { skuId: 'SP1', name: 'SharePoint Plan 1', servicePlans: ['SHAREPOINT'], seats: 1 })
      .expect(201);
    const userId = await ledgerScript(admin).user('sharer');
    await ledgerScript(admin).assign(userId, 'SP1');
    const removed = await ledgerScript(admin).remove(userId, 'SP1');
    expect(removed.body.mailbox).toBeNull();
    const { entries } = (
      await ledger.as('compliance', { tenant }).get(`/v1/retention/users/${userId}/timeline`).expect(200)
    ).body;
    expect((entries as Entry[]).slice(-2).map((entry) => [entry.type, entry.details])).toEqual([
      ['LicenseRemoved', { skuId: 'SP1', reason: 'removed' }],
      ['SharePointDocumentsRetained', { servicePlan: 'SHAREPOINT', removedBy: 'LicenseRemoved' }],
    ]);
  });

  it('L6: two removals at the same instant with the same request and correlation ids are two entries, not one', async () => {
    const tenant = 'same-headers';
    const admin = ledger.as('global-admin', { tenant });
    const script = ledgerScript(admin);
    await script.subscription();
    const userId = await script.user('twice');
    const sameHeaders = { 'X-Request-Id': 'r-1', 'X-Correlation-Id': 'c-1' };
    for (let i = 0; i < 2; i++) {
      await script.assign(userId);
      await admin
        .post(`/v1/users/${userId}/assignLicense`, { addLicenses: [], removeLicenses: ['O365_BP'] })
        .set(sameHeaders)
        .expect(200);
    }
    const { entries } = (
      await ledger.as('compliance', { tenant }).get(`/v1/retention/users/${userId}/timeline`).expect(200)
    ).body;
    expect(entries.filter((entry: Entry) => entry.type === 'SharePointDocumentsRetained')).toHaveLength(2);
  });

  it('A3: the timeline is for compliance (and global-admin) only, per tenant; an unknown user is 404 UserNotFound', async () => {
    const tenant = 'timeline-access';
    const userId = await ledgerScript(ledger.as('user-admin', { tenant })).user('gil');
    await ledger.as('compliance', { tenant }).get(`/v1/retention/users/${userId}/timeline`).expect(200);
    await ledger.as('global-admin', { tenant }).get(`/v1/retention/users/${userId}/timeline`).expect(200);
    await ledger.as('user-admin', { tenant }).get(`/v1/retention/users/${userId}/timeline`).expect(403);
    await ledger.as('auditor', { tenant }).get(`/v1/retention/users/${userId}/timeline`).expect(403);
    for (const [caller, id] of [
      [ledger.as('compliance', { tenant }), 'no-such-user'],
      [ledger.as('compliance', { tenant: 'another' }), userId],
    ] as const) {
      const missing = await caller.get(`/v1/retention/users/${id}/timeline`).expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        error: 'UserNotFound',
        message: expect.any(String),
        details: { userId: id },
      });
    }
  });

  describe('GET /v1/retention/mailboxes', () => {
    const tenant = 'mailboxes';
    let compliance: Caller;
    let ids: Record<string, string>;
    let t0: number;
    const list = async (query: string) => (await compliance.get(`/v1/retention/mailboxes${query}`).expect(200)).body;
    const names = (page: { items: { userPrincipalName: string }[] }) =>
      page.items.map((item) => item.userPrincipalName.split('@')[0]);
    const at = (days: number) => new Date(t0 + days * DAY_MS).toISOString();

    beforeAll(async () => {
      compliance = ledger.as('compliance', { tenant });
      const admin = ledger.as('global-admin', { tenant });
      const script = ledgerScript(admin);
      await script.subscription();
      ids = {};
      for (const name of ['u1', 'u2', 'u3', 'u4', 'u5']) {
        ids[name] = await script.user(name);
        await script.assign(ids[name]);
      }
      t0 = Date.parse((await admin.get('/v1/clock').expect(200)).body.now as string);
      await script.remove(ids.u1);
      await script.remove(ids.u2);
      await advance({ days: 10 });
      await script.remove(ids.u3); // purgeAfter t0 + 40 days
      await advance({ days: 20 }); // u1, u2 purged
      await script.remove(ids.u4); // purgeAfter t0 + 60 days
      // Another tenant's mailboxes never show.
      const other = ledgerScript(ledger.as('global-admin', { tenant: 'mailboxes-other' }));
      await other.subscription();
      await other.assign(await other.user('zed'));
    });

    it('lists every mailbox of the tenant in provisioning order with the mailbox view', async () => {
      const page = await list('');
      expect(names(page)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
      expect(page.nextCursor).toBeNull();
      expect(page.items[0]).toEqual({
        userId: ids.u1,
        userPrincipalName: 'u1@contoso.com',
        status: 'purged',
        provisionedAt: at(0),
        softDeletedAt: at(0),
        purgeAfter: at(30),
        purgedAt: at(30),
        contactsList: 'purged',
        hold: false,
      });
      expect(page.items[2]).toMatchObject({
        status: 'softDeleted',
        softDeletedAt: at(10),
        purgeAfter: at(40),
        purgedAt: null,
        contactsList: 'deleted',
      });
      expect(page.items[4]).toMatchObject({
        status: 'active',
        softDeletedAt: null,
        purgeAfter: null,
        purgedAt: null,
        contactsList: 'active',
      });
    });

    it('filters by status and by purgeBefore (strictly before, any ISO 8601 form with a zone)', async () => {
      expect(names(await list('?status=softDeleted'))).toEqual(['u3', 'u4']);
      expect(names(await list('?status=purged'))).toEqual(['u1', 'u2']);
      expect(names(await list('?status=active'))).toEqual(['u5']);
      expect(names(await list(`?status=softDeleted&purgeBefore=${encodeURIComponent(at(50))}`))).toEqual(['u3']);
      expect(names(await list(`?status=softDeleted&purgeBefore=${encodeURIComponent(at(40))}`))).toEqual([]);
      expect(names(await list(`?purgeBefore=${encodeURIComponent(at(40))}`))).toEqual(['u1', 'u2']);
      const plusTwo = new Date(t0 + 61 * DAY_MS + 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+02:00');
      expect(names(await list(`?purgeBefore=${encodeURIComponent(plusTwo)}`))).toEqual(['u1', 'u2', 'u3', 'u4']);
      expect(names(await list('?purgeBefore=2000-01-01'))).toEqual([]);
    });

    it('pages with limit and an opaque cursor, without gaps or repeats', async () => {
      const first = await list('?limit=2');
      expect(names(first)).toEqual(['u1', 'u2']);
      const second = await list(`?limit=2&cursor=${first.nextCursor}`);
      expect(names(second)).toEqual(['u3', 'u4']);
      const third = await list(`?limit=2&cursor=${second.nextCursor}`);
      expect(names(third)).toEqual(['u5']);
      expect(third.nextCursor).toBeNull();
      const filtered = await list('?status=softDeleted&limit=1');
      expect(names(filtered)).toEqual(['u3']);
      expect(names(await list(`?status=softDeleted&limit=1&cursor=${filtered.nextCursor}`))).toEqual(['u4']);
    });

    it('refuses bad query parameters with 400 ValidationFailed naming each field', async () => {
      for (const [query, field] of [
        ['?status=deleted', 'status'],
        ['?purgeBefore=tomorrow', 'purgeBefore'],
        ['?purgeBefore=2030-01-01T00:00:00', 'purgeBefore'],
        ['?purgeBefore=2030-02-30T00:00:00Z', 'purgeBefore'],
        ['?limit=0', 'limit'],
        ['?limit=1001', 'limit'],
        ['?limit=ten', 'limit'],
        ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
        ['?sort=purgeAfter', 'sort'],
      ]) {
        const res = await compliance.get(`/v1/retention/mailboxes${query}`).expect(400);
        expect(res.body).toMatchObject({
          statusCode: 400,
          error: 'ValidationFailed',
          details: { fields: { [field]: expect.any(Array) } },
        });
      }
    });

    it('is for compliance and global-admin only', async () => {
      await ledger.as('global-admin', { tenant }).get('/v1/retention/mailboxes').expect(200);
      await ledger.as('user-admin', { tenant }).get('/v1/retention/mailboxes').expect(403);
      await ledger.as('auditor', { tenant }).get('/v1/retention/mailboxes').expect(403);
    });
  });
});
