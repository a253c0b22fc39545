import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { DAY_MS, ledgerScript } from '../retention/support/ledger-script';

/** U5, H1, H2, E3 and the compliance role through the real API, store, read models and saga, on the manual clock. */
describe('Legal hold, restore and audit entries that need no join', () => {
  let ledger: LedgerApp;
  let admin: Caller;
  let compliance: Caller;
  let script: ReturnType<typeof ledgerScript>;
  const now = async () => (await admin.get('/v1/clock').expect(200)).body.now as string;
  const advance = (by: { days?: number; minutes?: number }) => admin.post('/v1/clock/advance', by).expect(200);
  const eventsOf = async (userId: string, type: string) =>
    (await ledger.events(type)).filter((event) => (event.data as { userId?: string }).userId === userId);

  beforeAll(async () => {
    ledger = await startLedgerApp();
    admin = ledger.as('global-admin', { actor: 'alice', name: 'Alice' });
    compliance = ledger.as('compliance', { actor: 'carol', name: 'Carol' });
    script = ledgerScript(admin);
    await script.subscription('O365_BP', 50);
  });
  afterAll(() => ledger.close());

  it('H1: compliance places a hold (user view, mailbox, timeline, audit); a new reason replaces it; bad reasons and other roles are refused', async () => {
    const ann = await script.user('ann');
    await script.assign(ann);
    await ledger.as('user-admin').put(`/v1/users/${ann}/hold`, { reason: 'x' }).expect(403);
    await compliance.put(`/v1/users/${ann}/hold`, { reason: '' }).expect(400);
    await compliance.put(`/v1/users/${ann}/hold`, { reason: 'x'.repeat(501) }).expect(400);
    await compliance
      .delete(`/v1/users/${ann}/hold`)
      .expect(409)
      .expect(({ body }) => expect(body.error).toBe('NoHold'));

    const since = await now();
    const held = (await compliance.put(`/v1/users/${ann}/hold`, { reason: 'Litigation A' }).expect(200)).body;
    expect(held.hold).toEqual({ since, by: { id: 'carol', name: 'Carol' }, reason: 'Litigation A' });
    expect(held.mailbox.hold).toBe(true);
    const replaced = (await compliance.put(`/v1/users/${ann}/hold`, { reason: 'Litigation B' }).expect(200)).body;
    expect(replaced.hold).toMatchObject({ reason: 'Litigation B' });
    // Compliance reads users, and finds the hold in the list too.
    const listed = (await compliance.get('/v1/users?limit=1000').expect(200)).body.items;
    expect(listed.find((user: { userId: string }) => user.userId === ann).hold).toMatchObject({
      reason: 'Litigation B',
    });
    expect((await compliance.get(`/v1/retention/mailboxes?limit=1000`).expect(200)).body.items).toContainEqual(
      expect.objectContaining({ userId: ann, hold: true }),
    );

    const timeline = (await compliance.get(`/v1/retention/users/${ann}/timeline`).expect(200)).body.entries;
    expect(
      timeline
        .filter((entry: { type: string }) => entry.type === 'LegalHoldPlaced')
        .map((entry: { details: unknown }) => entry.details),
    ).toEqual([{ reason: 'Litigation A' }, { reason: 'Litigation B' }]);
    const audit = (await compliance.get(`/v1/audit/events?userId=ANN@contoso.com&type=LegalHoldPlaced`).expect(200))
      .body.items;
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ userId: ann, userPrincipalName: 'ann@contoso.com', actor: { id: 'carol' } });
  });

  it('H1 H2: a deleted, held user is never purged; the release gives 30 more days, then mailbox and user are purged once', async () => {
    const bob = await script.user('bob', ['bob.alias@contoso.com']);
    await script.assign(bob);
    await compliance.put(`/v1/users/${bob}/hold`, { reason: 'Audit 7' }).expect(200);
    const deleted = (await admin.delete(`/v1/users/${bob}`).expect(200)).body;
    expect(deleted).toMatchObject({
      status: 'deleted',
      deletedAt: await now(),
      hold: { reason: 'Audit 7' },
      mailbox: { status: 'softDeleted', hold: true },
    });
    expect(Date.parse(deleted.purgeAfter) - Date.parse(deleted.deletedAt)).toBe(30 * DAY_MS);
    // While held, nothing is scheduled.
    expect((await compliance.get(`/v1/retention/users/${bob}/timeline`).expect(200)).body.scheduled).toEqual([]);

    await advance({ days: 400 });
    expect(await eventsOf(bob, 'MailboxPurged')).toHaveLength(0);
    expect(await eventsOf(bob, 'UserPurged')).toHaveLength(0);

    const releasedAt = await now();
    const purgeAfter = new Date(Date.parse(releasedAt) + 30 * DAY_MS).toISOString();
    const released = (await compliance.delete(`/v1/users/${bob}/hold`).expect(200)).body;
    expect(released).toMatchObject({
      hold: null,
      status: 'deleted',
      purgeAfter,
      mailbox: { status: 'softDeleted', purgeAfter, hold: false },
    });
    const timeline = (await compliance.get(`/v1/retention/users/${bob}/timeline`).expect(200)).body;
    expect(timeline.entries).toContainEqual(
      expect.objectContaining({
        type: 'LegalHoldReleased',
        at: releasedAt,
        details: { mailboxPurgeAfter: purgeAfter, userPurgeAfter: purgeAfter },
      }),
    );
    expect(timeline.scheduled).toEqual([
      { at: purgeAfter, action: 'purgeMailbox' },
      { at: purgeAfter, action: 'purgeUser' },
    ]);

    await advance({ days: 29 });
    expect(await eventsOf(bob, 'UserPurged')).toHaveLength(0);
    await advance({ days: 1 });
    await advance({ days: 1 });
    expect(await eventsOf(bob, 'MailboxPurged')).toHaveLength(1);
    expect(await eventsOf(bob, 'UserPurged')).toHaveLength(1);
  });

  it('U5 L4: a restore brings back the licenses with their disabledPlans, the same mailbox and contacts list, and the aliases no one took', async () => {
    const cat = await script.user('cat', ['cat.one@contoso.com', 'cat.two@contoso.com']);
    await admin
      .post(`/v1/users/${cat}/assignLicense`, {
        addLicenses: [{ skuId: 'O365_BP', disabledPlans: ['LYNC'] }],
        removeLicenses: [],
      })
      .expect(200);
    const before = (await admin.get(`/v1/users/${cat}`).expect(200)).body;
    const deleted = (await admin.delete(`/v1/users/${cat}`).expect(200)).body;
    // UPN conflict: names the deleted user and until when it holds the UPN.
    const taken = (
      await admin.post('/v1/users', { userPrincipalName: 'CAT@contoso.com', displayName: 'x' }).expect(409)
    ).body;
    expect(taken).toMatchObject({
      error: 'UserPrincipalNameTaken',
      message: `CAT@contoso.com belongs to deleted user ${cat} until ${deleted.purgeAfter}`,
      details: { deletedUserId: cat, purgeAfter: deleted.purgeAfter, legalHold: false },
    });
    // Someone takes one alias meanwhile.
    await script.user('dan', ['CAT.TWO@contoso.com']);

    await advance({ days: 29 });
    await admin.post(`/v1/users/${before.userId}/restore`, { withLicenses: 'yes' }).expect(400);
    const restored = (await ledger.as('user-admin').post(`/v1/users/${cat}/restore`, {}).expect(200)).body;
    expect(restored.aliasesNotRestored).toEqual(['cat.two@contoso.com']);
    expect(restored.user).toMatchObject({
      status: 'active',
      deletedAt: null,
      purgeAfter: null,
      createdAt: before.createdAt,
      aliases: ['cat.one@contoso.com'],
      licenses: [{ skuId: 'O365_BP', disabledPlans: ['LYNC'] }],
      mailbox: {
        status: 'active',
        provisionedAt: before.mailbox.provisionedAt,
        softDeletedAt: null,
        contactsList: 'active',
      },
    });
    expect(await eventsOf(cat, 'MailboxProvisioned')).toHaveLength(1);
    const [event] = await eventsOf(cat, 'UserRestored');
    expect(event.data).toEqual({ userId: cat, withLicenses: true, aliasesNotRestored: ['cat.two@contoso.com'] });
    await admin
      .post(`/v1/users/${cat}/restore`, {})
      .expect(409)
      .expect(({ body }) => expect(body.error).toBe('UserNotDeleted'));

    // E3: the license entries say before and after, and name the UPN; ?userId= takes the UPN in any case.
    const audit = (
      await admin.get(`/v1/audit/events?userId=Cat@Contoso.com&type=LicenseAssigned&type=LicenseRemoved`).expect(200)
    ).body.items;
    expect(
      audit.map((entry: Record<string, unknown>) => [entry.type, entry.userPrincipalName, entry.before, entry.after]),
    ).toEqual([
      ['LicenseAssigned', 'cat@contoso.com', null, { skuId: 'O365_BP', disabledPlans: ['LYNC'] }],
      ['LicenseRemoved', 'cat@contoso.com', { skuId: 'O365_BP', disabledPlans: ['LYNC'] }, null],
      ['LicenseAssigned', 'cat@contoso.com', null, { skuId: 'O365_BP', disabledPlans: ['LYNC'] }],
    ]);
  });

  it('U5: without licenses the user comes back with its mailbox still soft-deleted; once purged, RestoreWindowClosed (its ?dryRun=true preview too)', async () => {
    const eve = await script.user('eve');
    await script.assign(eve);
    await admin.delete(`/v1/users/${eve}`).expect(200);
    const back = (await admin.post(`/v1/users/${eve}/restore`, { withLicenses: false }).expect(200)).body;
    expect(back).toEqual({
      user: expect.objectContaining({
        status: 'active',
        licenses: [],
        mailbox: expect.objectContaining({ status: 'softDeleted' }),
      }),
      aliasesNotRestored: [],
    });

    const fay = await script.user('fay');
    await admin.delete(`/v1/users/${fay}`).expect(200);
    await advance({ days: 30 });
    expect(await eventsOf(fay, 'UserPurged')).toHaveLength(1);
    const closed = (await admin.post(`/v1/users/${fay}/restore`, {}).expect(409)).body;
    expect(closed).toMatchObject({ error: 'RestoreWindowClosed', details: { userId: fay } });
    const appended = (await ledger.events()).length;
    const preview = (await admin.post(`/v1/users/${fay}/restore?dryRun=true`, {}).expect(200)).body;
    expect(preview).toEqual({
      dryRun: true,
      ok: false,
      consequences: [],
      error: { error: 'RestoreWindowClosed', message: closed.message, details: closed.details },
    });
    expect((await ledger.events()).length).toBe(appended);
  });
});
