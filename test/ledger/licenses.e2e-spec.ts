import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';

describe('Licenses over HTTP: bulk, delete, disabled plans', () => {
  let ledger: LedgerApp;
  let admin: Caller;

  beforeAll(async () => {
    ledger = await startLedgerApp();
    admin = ledger.as('user-admin');
    const owner = ledger.as('global-admin');
    await owner
      .post('/v1/subscriptions', {
        skuId: 'E3',
        name: 'E3',
        servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
        seats: 3,
      })
      .expect(201);
    await owner
      .post('/v1/subscriptions', { skuId: 'SP_ONLY', name: 'SharePoint', servicePlans: ['SHAREPOINT'], seats: 10 })
      .expect(201);
  });
  afterAll(() => ledger.close());

  async function newUser(name: string, usageLocation: string | null = 'US'): Promise<string> {
    const body = {
      userPrincipalName: `${name}@fabrikam.com`,
      displayName: name,
      ...(usageLocation ? { usageLocation } : {}),
    };
    return (await admin.post('/v1/users', body).expect(201)).body.userId;
  }

  it('L9 bulk add gives every listed user every listed SKU and keeps their others', async () => {
    const [a, b] = [await newUser('bulk-a'), await newUser('bulk-b')];
    await admin
      .post(`/v1/users/${a}/assignLicense`, { addLicenses: [{ skuId: 'SP_ONLY' }], removeLicenses: [] })
      .expect(200);
    const result = await admin.post('/v1/licenses/bulk', { userIds: [a, b], skuIds: ['E3'], mode: 'add' }).expect(200);
    expect(result.body).toEqual({
      dryRun: false,
      applied: true,
      ok: true,
      users: [
        { userId: a, added: ['E3'], removed: [], mailboxEntersGracePeriod: false },
        { userId: b, added: ['E3'], removed: [], mailboxEntersGracePeriod: false },
      ],
      seats: [{ skuId: 'E3', needed: 2, available: 3 }],
    });
    const held = (await admin.get(`/v1/users/${a}`).expect(200)).body.licenses.map(
      (license: { skuId: string }) => license.skuId,
    );
    expect(held).toEqual(['E3', 'SP_ONLY']);

    // L9 replace leaves exactly the listed SKUs; losing E3 puts the mailbox in its grace period.
    const replaced = await admin
      .post('/v1/licenses/bulk', { userIds: [a, b], skuIds: ['SP_ONLY'], mode: 'replace' })
      .expect(200);
    expect(replaced.body.users).toEqual([
      { userId: a, added: [], removed: ['E3'], mailboxEntersGracePeriod: true },
      { userId: b, added: ['SP_ONLY'], removed: ['E3'], mailboxEntersGracePeriod: true },
    ]);
    const users = (await admin.get('/v1/users?skuId=SP_ONLY').expect(200)).body.items.map(
      (user: { userId: string }) => user.userId,
    );
    expect(users).toEqual(expect.arrayContaining([a, b]));
    expect((await admin.get('/v1/subscriptions/E3').expect(200)).body.assigned).toBe(0);
  });

  it('L9 S3 a bulk call is all or nothing and names every failing user and SKU; dryRun applies nothing', async () => {
    const ok = await newUser('bulk-ok');
    const noLocation = await newUser('bulk-nowhere', null);
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = (await ledger.events()).length;

    const unknown = await admin
      .post('/v1/licenses/bulk', { userIds: [ok, missing], skuIds: ['E3', 'NOPE'], mode: 'add' })
      .expect(404);
    expect(unknown.body.details.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ error: 'SubscriptionNotFound', skuId: 'NOPE' }),
        expect.objectContaining({ error: 'UserNotFound', userId: missing }),
      ]),
    );
    const unfit = await admin
      .post('/v1/licenses/bulk', { userIds: [ok, noLocation], skuIds: ['E3'], mode: 'add' })
      .expect(409);
    expect(unfit.body).toMatchObject({ error: 'UsageLocationRequired', details: { userId: noLocation } });
    expect((await ledger.events()).length).toBe(before);

    const dry = await admin
      .post('/v1/licenses/bulk', { userIds: [ok], skuIds: ['E3'], mode: 'add', dryRun: true })
      .expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, users: [{ userId: ok, added: ['E3'] }] });
    expect((await ledger.events()).length).toBe(before);
    expect((await admin.get(`/v1/users/${ok}`).expect(200)).body.licenses).toEqual([]);
  });

  it('U4 deleting a user frees every license at once and the user gets no more', async () => {
    const leaver = await newUser('leaver');
    await admin
      .post(`/v1/users/${leaver}/assignLicense`, {
        addLicenses: [{ skuId: 'E3' }, { skuId: 'SP_ONLY' }],
        removeLicenses: [],
      })
      .expect(200);
    const seatsBefore = (await admin.get('/v1/subscriptions/E3').expect(200)).body.assigned;
    const deleted = await admin.delete(`/v1/users/${leaver}`).expect(200);
    expect(deleted.body).toMatchObject({ status: 'deleted', licenses: [], mailbox: { status: 'softDeleted' } });
    expect((await admin.get('/v1/subscriptions/E3').expect(200)).body.assigned).toBe(seatsBefore - 1);
    const events = await ledger.events();
    const deletion = events.filter(
      (event) => event.position > BigInt(deleted.headers['x-ledger-position']) - 10n && event.data.userId === leaver,
    );
    // One commit: the removals, the mailbox consequences and the deletion share one occurredAt and correlation.
    const last = deletion.slice(-5);
    expect(last.map((event) => event.type)).toEqual([
      'LicenseRemoved',
      'LicenseRemoved',
      'MailboxSoftDeleted',
      'ContactsListDeleted',
      'UserDeleted',
    ]);
    expect(new Set(last.map((event) => event.metadata.correlationId)).size).toBe(1);
    const again = await admin
      .post(`/v1/users/${leaver}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] })
      .expect(409);
    expect(again.body.error).toBe('UserDeleted');
    await admin.delete(`/v1/users/${leaver}`).expect(409);
  });

  it('L1 L3 U3 disabling Exchange counts as losing it; an unavailable plan must be disabled', async () => {
    const user = await newUser('traveller', 'CN');
    const refused = await admin
      .post(`/v1/users/${user}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] })
      .expect(409);
    expect(refused.body).toMatchObject({
      error: 'ServiceNotAvailableInLocation',
      details: { servicePlans: ['LYNC'], usageLocation: 'CN' },
    });
    const assigned = await admin
      .post(`/v1/users/${user}/assignLicense`, {
        addLicenses: [{ skuId: 'E3', disabledPlans: ['LYNC'] }],
        removeLicenses: [],
      })
      .expect(200);
    expect(assigned.body.mailbox.status).toBe('active');
    const disabled = await admin
      .post(`/v1/users/${user}/assignLicense`, {
        addLicenses: [{ skuId: 'E3', disabledPlans: ['LYNC', 'EXCHANGE'] }],
        removeLicenses: [],
      })
      .expect(200);
    expect(disabled.body.licenses).toEqual([
      expect.objectContaining({ skuId: 'E3', disabledPlans: ['EXCHANGE', 'LYNC'] }),
    ]);
    expect(disabled.body.mailbox.status).toBe('softDeleted');
    const both = await admin
      .post(`/v1/users/${user}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: ['E3'] })
      .expect(400);
    expect(both.body.error).toBe('ValidationFailed');
    const notHeld = await admin
      .post(`/v1/users/${user}/assignLicense`, { addLicenses: [], removeLicenses: ['SP_ONLY'] })
      .expect(409);
    expect(notHeld.body.error).toBe('LicenseNotAssigned');
  });

  it('U3 L1 several broken rules of one kind keep the contract details of that kind, merged, and are each listed', async () => {
    const owner = ledger.as('global-admin');
    await owner
      .post('/v1/subscriptions', { skuId: 'LYNC_ONLY', name: 'Lync', servicePlans: ['LYNC'], seats: 5 })
      .expect(201);
    const user = await newUser('far-away', 'CN');
    const refused = await admin
      .post(`/v1/users/${user}/assignLicense`, {
        addLicenses: [{ skuId: 'E3' }, { skuId: 'LYNC_ONLY' }],
        removeLicenses: [],
      })
      .expect(409);
    expect(refused.body.error).toBe('ServiceNotAvailableInLocation');
    expect(refused.body.details).toMatchObject({ userId: user, servicePlans: ['LYNC'], usageLocation: 'CN' });
    expect(refused.body.details.failures.map((failure: { skuId: string }) => failure.skuId).sort()).toEqual([
      'E3',
      'LYNC_ONLY',
    ]);
  });

  it('lists users by SKU and status with cursor paging', async () => {
    const page1 = await admin.get('/v1/users?limit=2').expect(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await admin.get(`/v1/users?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
    const ids1 = page1.body.items.map((user: { userId: string }) => user.userId);
    expect(page2.body.items.map((user: { userId: string }) => user.userId)).not.toEqual(expect.arrayContaining(ids1));
    const deleted = await admin.get('/v1/users?status=deleted').expect(200);
    expect(deleted.body.items.every((user: { status: string }) => user.status === 'deleted')).toBe(true);
    expect(deleted.body.items.length).toBeGreaterThan(0);
    await admin.get('/v1/users?cursor=not-a-cursor').expect(400);
  });
});
