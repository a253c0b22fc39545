import { LedgerEvent, consequencesOf } from '@app/domain';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('Previews (?dryRun=true) and bulk: delete several users, remove, per-user reports', () => {
  let ledger: LedgerApp;
  let admin: Caller;
  let now: Date;

  beforeAll(async () => {
    ledger = await startLedgerApp();
    admin = ledger.as('user-admin');
    const owner = ledger.as('global-admin');
    await owner
      .post('/v1/subscriptions', {
        skuId: 'E3',
        name: 'E3',
        servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
        seats: 20,
      })
      .expect(201);
    await owner
      .post('/v1/subscriptions', { skuId: 'ONE_SEAT', name: 'One seat', servicePlans: ['OFFICE'], seats: 1 })
      .expect(201);
    now = new Date((await owner.get('/v1/clock').expect(200)).body.now);
  });
  afterAll(() => ledger.close());

  const purgeAfter = () => new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000).toISOString();

  /** A user in GB with E3 (so a mailbox) and one alias. */
  async function licensedUser(name: string): Promise<string> {
    const body = {
      userPrincipalName: `${name}@fabrikam.com`,
      displayName: name,
      usageLocation: 'GB',
      aliases: [`${name}.alias@fabrikam.com`],
    };
    const { userId } = (await admin.post('/v1/users', body).expect(201)).body;
    await admin
      .post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] })
      .expect(200);
    return userId;
  }

  /** Runs `send` and returns its answer, checking that it appended nothing. */
  async function appendsNothing(send: () => Promise<{ body: unknown }>): Promise<any> {
    const before = (await ledger.events()).length;
    const { body } = await send();
    expect((await ledger.events()).length).toBe(before);
    return body;
  }

  it('L3 assignLicense ?dryRun=true disabling EXCHANGE answers what would be lost and appends nothing', async () => {
    const ada = await licensedUser('preview-ada');
    const body = await appendsNothing(() =>
      admin
        .post(`/v1/users/${ada}/assignLicense?dryRun=true`, {
          addLicenses: [{ skuId: 'E3', disabledPlans: ['EXCHANGE'] }],
          removeLicenses: [],
        })
        .expect(200),
    );
    expect(body).toEqual({
      dryRun: true,
      ok: true,
      consequences: [
        {
          userId: ada,
          mailbox: 'softDeleted',
          purgeAfter: purgeAfter(),
          aliasesReleased: ['preview-ada.alias@fabrikam.com'],
          contactsList: 'deleted',
          licensesRemoved: [],
          licensesAssigned: [],
          aliasesNotRestored: [],
        },
      ],
    });
    expect((await admin.get(`/v1/users/${ada}`).expect(200)).body.mailbox.status).toBe('active');
  });

  it('S3 assignLicense ?dryRun=true that would be refused answers 200 ok: false with the error, and appends nothing', async () => {
    const [a, b] = [await licensedUser('preview-seat-a'), await licensedUser('preview-seat-b')];
    await admin
      .post(`/v1/users/${a}/assignLicense`, { addLicenses: [{ skuId: 'ONE_SEAT' }], removeLicenses: [] })
      .expect(200);
    const body = await appendsNothing(() =>
      admin
        .post(`/v1/users/${b}/assignLicense?dryRun=true`, { addLicenses: [{ skuId: 'ONE_SEAT' }], removeLicenses: [] })
        .expect(200),
    );
    expect(body).toEqual({
      dryRun: true,
      ok: false,
      consequences: [],
      error: {
        error: 'InsufficientSeats',
        message: expect.any(String),
        details: { seats: [{ skuId: 'ONE_SEAT', needed: 1, available: 0 }] },
      },
    });
    await admin.post(`/v1/users/${b}/assignLicense?dryRun=maybe`, { addLicenses: [], removeLicenses: [] }).expect(400);
  });

  it('U4 DELETE /v1/users/{id}?dryRun=true lists the licenses freed and the data put in its grace period; nothing appended', async () => {
    const bob = await licensedUser('preview-bob');
    const body = await appendsNothing(() => admin.delete(`/v1/users/${bob}?dryRun=true`).expect(200));
    expect(body.consequences).toEqual([
      {
        userId: bob,
        mailbox: 'softDeleted',
        purgeAfter: purgeAfter(),
        aliasesReleased: ['preview-bob.alias@fabrikam.com'],
        contactsList: 'deleted',
        licensesRemoved: ['E3'],
        licensesAssigned: [],
        aliasesNotRestored: [],
      },
    ]);
    expect((await admin.get(`/v1/users/${bob}`).expect(200)).body.status).toBe('active');
  });

  it('L8 reassign ?dryRun=true shows both users: one loses its mailbox, the other gets one', async () => {
    const from = await licensedUser('preview-from');
    const { userId: to } = (
      await admin
        .post('/v1/users', { userPrincipalName: 'preview-to@fabrikam.com', displayName: 'to', usageLocation: 'GB' })
        .expect(201)
    ).body;
    const body = await appendsNothing(() =>
      admin.post('/v1/licenses/reassign?dryRun=true', { skuId: 'E3', fromUserId: from, toUserId: to }).expect(200),
    );
    expect(body).toMatchObject({
      ok: true,
      consequences: [
        { userId: from, mailbox: 'softDeleted', licensesRemoved: ['E3'] },
        { userId: to, mailbox: 'provisioned', licensesRemoved: [], licensesAssigned: ['E3'] },
      ],
    });
  });

  it('U5 L4 restore ?dryRun=true previews what the restore then does (mailbox, contacts list, licenses back, aliases taken meanwhile); nothing appended', async () => {
    const cal = await licensedUser('preview-cal');
    await admin.post(`/v1/users/${cal}/aliases`, { alias: 'preview-cal.sales@fabrikam.com' }).expect(201);
    await admin.delete(`/v1/users/${cal}`).expect(200);
    // Someone takes one of the aliases the deletion released (U1), so the restore cannot give it back.
    await admin
      .post('/v1/users', {
        userPrincipalName: 'preview-cal-successor@fabrikam.com',
        displayName: 'successor',
        aliases: ['preview-cal.sales@fabrikam.com'],
      })
      .expect(201);

    const withoutLicenses = await appendsNothing(() =>
      admin.post(`/v1/users/${cal}/restore?dryRun=true`, { withLicenses: false }).expect(200),
    );
    expect(withoutLicenses.consequences).toEqual([
      expect.objectContaining({ userId: cal, mailbox: null, contactsList: null, licensesAssigned: [] }),
    ]);
    const preview = await appendsNothing(() => admin.post(`/v1/users/${cal}/restore?dryRun=true`, {}).expect(200));
    expect(preview).toEqual({
      dryRun: true,
      ok: true,
      consequences: [
        {
          userId: cal,
          mailbox: 'restored',
          purgeAfter: null,
          aliasesReleased: [],
          contactsList: 'restored',
          licensesRemoved: [],
          licensesAssigned: ['E3'],
          aliasesNotRestored: ['preview-cal.sales@fabrikam.com'],
        },
      ],
    });
    expect((await admin.get(`/v1/users/${cal}`).expect(200)).body).toMatchObject({ status: 'deleted', licenses: [] });

    const before = (await ledger.events()).length;
    const restored = (await admin.post(`/v1/users/${cal}/restore`, {}).expect(200)).body;
    const appended = (await ledger.events()).slice(before) as unknown as LedgerEvent[];
    expect(consequencesOf(appended)).toEqual(preview.consequences);
    expect(restored.aliasesNotRestored).toEqual(preview.consequences[0].aliasesNotRestored);
    expect(restored.user).toMatchObject({
      status: 'active',
      aliases: ['preview-cal.alias@fabrikam.com'],
      licenses: [expect.objectContaining({ skuId: 'E3' })],
      mailbox: expect.objectContaining({ status: 'active' }),
    });
  });

  it('U5 a restore that would be refused previews as 200 ok: false with the error (UserNotDeleted, InsufficientSeats); nothing appended', async () => {
    const active = await licensedUser('preview-active');
    expect(await appendsNothing(() => admin.post(`/v1/users/${active}/restore?dryRun=true`, {}).expect(200))).toEqual({
      dryRun: true,
      ok: false,
      consequences: [],
      error: { error: 'UserNotDeleted', message: expect.any(String), details: { userId: active } },
    });

    await ledger
      .as('global-admin')
      .post('/v1/subscriptions', { skuId: 'RESTORE_SEAT', name: 'One seat', servicePlans: ['OFFICE'], seats: 1 })
      .expect(201);
    const give = (userId: string) =>
      admin
        .post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'RESTORE_SEAT' }], removeLicenses: [] })
        .expect(200);
    const seated = await licensedUser('preview-seated');
    await give(seated);
    await admin.delete(`/v1/users/${seated}`).expect(200);
    // The seat the deletion freed goes to someone else, so the restore cannot give it back (U5).
    await give(await licensedUser('preview-seat-taker'));
    const short = await appendsNothing(() => admin.post(`/v1/users/${seated}/restore?dryRun=true`, {}).expect(200));
    expect(short).toMatchObject({
      ok: false,
      consequences: [],
      error: { error: 'InsufficientSeats', details: { seats: [{ skuId: 'RESTORE_SEAT', needed: 1, available: 0 }] } },
    });
    await admin.post(`/v1/users/${seated}/restore?dryRun=yes`, {}).expect(400);
  });

  it('U4 L3 POST /v1/users/delete deletes every listed user in one commit, each with L3', async () => {
    const users = [await licensedUser('many-a'), await licensedUser('many-b'), await licensedUser('many-c')];
    const before = await ledger.events();
    const answer = await admin.post('/v1/users/delete', { userIds: users }).expect(200);
    expect(answer.body).toMatchObject({ dryRun: false, applied: true, ok: true });
    expect(
      answer.body.users.map((user: { userId: string; status: string; mailbox: { status: string } }) => [
        user.userId,
        user.status,
        user.mailbox.status,
      ]),
    ).toEqual(users.map((userId) => [userId, 'deleted', 'softDeleted']));
    const appended = (await ledger.events()).slice(before.length);
    // One command, one append: every event carries the same causation, at consecutive positions.
    expect(new Set(appended.map((event) => (event.metadata as { causationId: string }).causationId)).size).toBe(1);
    expect(appended.map((event) => Number(event.position - appended[0].position))).toEqual(
      appended.map((_, index) => index),
    );
    for (const userId of users) {
      const own = appended
        .filter((event) => (event.data as { userId?: string }).userId === userId)
        .map((event) => event.type);
      expect(own).toEqual([
        'LicenseRemoved',
        'MailboxSoftDeleted',
        'AliasesReleased',
        'ContactsListDeleted',
        'UserDeleted',
      ]);
    }
    expect(String(answer.headers['x-ledger-position'])).toBe(String(appended[appended.length - 1].position));
  });

  it('U4 POST /v1/users/delete with one unknown and one already-deleted id deletes nobody and names both; its dry run answers 200 per user', async () => {
    const [kept, gone] = [await licensedUser('atomic-kept'), await licensedUser('atomic-gone')];
    await admin.delete(`/v1/users/${gone}`).expect(200);
    const refused = await appendsNothing(() =>
      admin.post('/v1/users/delete', { userIds: [kept, MISSING, gone] }).expect(404),
    );
    expect(refused.details.failures).toEqual([
      expect.objectContaining({ error: 'UserNotFound', userId: MISSING }),
      expect.objectContaining({ error: 'UserDeleted', userId: gone }),
    ]);
    expect((await admin.get(`/v1/users/${kept}`).expect(200)).body.status).toBe('active');

    const dry = await appendsNothing(() =>
      admin.post('/v1/users/delete', { userIds: [kept, MISSING, gone], dryRun: true }).expect(200),
    );
    expect(dry).toMatchObject({ dryRun: true, applied: false, ok: false });
    expect(
      dry.users.map((user: { userId: string; status?: string; failures: { error: string }[] }) => [
        user.userId,
        user.status,
        user.failures.map((failure) => failure.error),
      ]),
    ).toEqual([
      [kept, 'active', []],
      [MISSING, undefined, ['UserNotFound']],
      [gone, 'deleted', ['UserDeleted']],
    ]);

    const preview = await appendsNothing(() =>
      admin.post('/v1/users/delete', { userIds: [kept], dryRun: true }).expect(200),
    );
    expect(preview).toMatchObject({
      dryRun: true,
      applied: false,
      ok: true,
      users: [{ userId: kept, status: 'deleted' }],
    });
    await admin.post('/v1/users/delete', { userIds: [kept, kept] }).expect(400);
    await admin.post('/v1/users/delete', { userIds: [] }).expect(400);
  });

  it('L9 S3 a bulk dry run that fails answers 200: ok false, each user with its failures, and the seats that are short', async () => {
    const [a, b] = [await licensedUser('bulk-dry-a'), await licensedUser('bulk-dry-b')];
    const { userId: nowhere } = (
      await admin
        .post('/v1/users', { userPrincipalName: 'bulk-dry-nowhere@fabrikam.com', displayName: 'n' })
        .expect(201)
    ).body;
    const body = await appendsNothing(() =>
      admin
        .post('/v1/licenses/bulk', { userIds: [a, b, nowhere], skuIds: ['ONE_SEAT'], mode: 'add', dryRun: true })
        .expect(200),
    );
    expect(body).toMatchObject({
      dryRun: true,
      applied: false,
      ok: false,
      seats: [{ skuId: 'ONE_SEAT', needed: 2, available: 0 }],
    });
    expect(
      body.users.map((user: { userId: string; failures: { error: string }[] }) => [
        user.userId,
        user.failures.map((failure) => failure.error),
      ]),
    ).toEqual([
      [a, []],
      [b, []],
      [nowhere, ['UsageLocationRequired']],
    ]);
    // The same call for real is all or nothing: 409 (with the seats short) and nothing appended.
    await appendsNothing(() =>
      admin.post('/v1/licenses/bulk', { userIds: [a, b, nowhere], skuIds: ['ONE_SEAT'], mode: 'add' }).expect(409),
    );
  });

  it('L1 L9 bulk remove takes the listed SKUs from every listed user; a user without one fails the whole call', async () => {
    const [a, b] = [await licensedUser('bulk-remove-a'), await licensedUser('bulk-remove-b')];
    const { userId: none } = (
      await admin
        .post('/v1/users', {
          userPrincipalName: 'bulk-remove-none@fabrikam.com',
          displayName: 'n',
          usageLocation: 'GB',
        })
        .expect(201)
    ).body;
    const refused = await appendsNothing(() =>
      admin.post('/v1/licenses/bulk', { userIds: [a, none], skuIds: ['E3'], mode: 'remove' }).expect(409),
    );
    expect(refused).toMatchObject({ error: 'LicenseNotAssigned', details: { userId: none, skuIds: ['E3'] } });
    const removed = await admin
      .post('/v1/licenses/bulk', { userIds: [a, b], skuIds: ['E3'], mode: 'remove' })
      .expect(200);
    expect(removed.body.users).toEqual([
      { userId: a, added: [], removed: ['E3'], mailboxEntersGracePeriod: true },
      { userId: b, added: [], removed: ['E3'], mailboxEntersGracePeriod: true },
    ]);
    const reasons = (await ledger.events('LicenseRemoved'))
      .slice(-2)
      .map((event) => (event.data as { reason: string }).reason);
    expect(reasons).toEqual(['removed', 'removed']);
  });

  it('OpenAPI documents the new routes, the dryRun parameter, their answers and their error codes', async () => {
    const document = (await ledger.as('auditor').get('/docs-json').expect(200)).body;
    const bulkDelete = document.paths['/v1/users/delete'].post;
    expect(Object.keys(bulkDelete.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
    expect(bulkDelete.responses['409'].description).toContain('UserDeleted');
    const renew = document.paths['/v1/subscriptions/{skuId}/renew'].post;
    expect(renew.responses['409'].description).toContain('SubscriptionDeleted');
    const assign = document.paths['/v1/users/{userId}/assignLicense'].post;
    expect(assign.parameters.map((parameter: { name: string }) => parameter.name)).toContain('dryRun');
    expect(assign.responses['409'].description).toContain('SubscriptionNotEnabled');
    expect(assign.responses['200'].content['application/json'].schema.oneOf).toEqual([
      { $ref: '#/components/schemas/UserViewDoc' },
      { $ref: '#/components/schemas/DryRunResultDoc' },
    ]);
    expect(
      document.paths['/v1/licenses/reassign'].post.parameters.map((parameter: { name: string }) => parameter.name),
    ).toContain('dryRun');
    for (const route of [
      document.paths['/v1/users/{userId}'].delete,
      document.paths['/v1/users/{userId}/restore'].post,
    ])
      expect(route.parameters.map((parameter: { name: string }) => parameter.name)).toContain('dryRun');
    expect(Object.keys(document.components.schemas.SubscriptionViewDoc.properties)).toEqual(
      expect.arrayContaining(['status', 'termEndsAt', 'trial', 'nextTransitionAt']),
    );
    expect(document.components.schemas.BulkLicensesDto.properties.mode.enum).toEqual(['add', 'replace', 'remove']);
    expect(Object.keys(document.components.schemas.DryRunResultDoc.properties)).toEqual([
      'dryRun',
      'ok',
      'consequences',
      'error',
    ]);
  });
});
