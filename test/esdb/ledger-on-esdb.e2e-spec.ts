import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { rmSync } from 'node:fs';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { EsdbTarget, REAL_ESDB, esdbTarget, tenantEvents, uniqueTenant } from './support/esdb-target';

const DAY_MS = 24 * 60 * 60 * 1000;
const ASSIGN_E3 = { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] };
const REMOVE_E3 = { addLicenses: [], removeLicenses: ['E3'] };

/**
 * The whole API (AppModule, the real configureApp) with LEDGER_EVENT_STORE=esdb: the real
 * @eventstore/db-client over gRPC to the wire test server, or to a real EventStoreDB when
 * EVENTSTORE_CONNECTION_STRING is set (one tenant per run, so reruns on a shared server never collide).
 */
describe(`The ledger on EventStoreDB (${REAL_ESDB ? 'real EventStoreDB' : 'wire test server'})`, () => {
  let target: EsdbTarget;
  let ledger: LedgerApp;
  let store: EventStore;
  let admin: Caller;
  const tenant = uniqueTenant('e2e');

  beforeAll(async () => {
    target = await esdbTarget();
    ledger = await startLedgerApp(target.env);
    store = ledger.app.get<EventStore>(EVENT_STORE);
    admin = ledger.as('global-admin', { tenant, name: 'Alice' });
  });
  afterAll(async () => {
    await ledger?.close();
    if (ledger) rmSync(ledger.config.dataDir, { recursive: true, force: true });
    await target?.stop();
  });

  const events = () => tenantEvents(store, tenant);
  const position = (response: { headers: Record<string, string> }) => BigInt(response.headers['x-ledger-position']);
  const newUser = async (name: string) =>
    (
      await admin
        .post('/v1/users', {
          userPrincipalName: `${name}@contoso.com`,
          displayName: name,
          usageLocation: 'GB',
          aliases: [`${name}.alias@contoso.com`],
        })
        .expect(201)
    ).body.userId as string;

  it('S3 L3 L4 L8 L9: commands append to EventStoreDB, and every answer and view already reflects them', async () => {
    const created = await admin
      .post('/v1/subscriptions', {
        skuId: 'E3',
        name: 'Office 365 E3',
        servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
        seats: 2,
      })
      .expect(201);
    expect(created.body).toEqual({
      skuId: 'E3',
      name: 'Office 365 E3',
      servicePlans: ['EXCHANGE', 'LYNC', 'OFFICE', 'SHAREPOINT'],
      valid: 2,
      expired: 0,
      assigned: 0,
      available: 2,
      overAssigned: 0,
      status: 'enabled',
      termEndsAt: null,
      trial: false,
      nextTransitionAt: null,
    });
    expect(created.headers['x-ledger-position']).toMatch(/^\d+$/);
    const [first] = await events();
    // The answer names the store position of its event: the one EventStoreDB gave it.
    expect(first).toMatchObject({
      type: 'SubscriptionAdded',
      streamId: `ledger-${tenant}`,
      revision: 0n,
      position: position(created),
    });
    expect(first.metadata).toMatchObject({ actor: { id: 'alice', name: 'Alice' }, tenantId: tenant });
    expect((await admin.get('/v1/subscriptions').expect(200)).body.items).toEqual([created.body]);

    const [ada, bob, cy] = [await newUser('ada'), await newUser('bob'), await newUser('cy')];
    expect(
      (await admin.get('/v1/users').expect(200)).body.items.map((user: { userId: string }) => user.userId).sort(),
    ).toEqual([ada, bob, cy].sort());

    // S3: two seats, the third assignment is refused and appends nothing.
    const assigned = await admin.post(`/v1/users/${ada}/assignLicense`, ASSIGN_E3).expect(200);
    expect(assigned.body).toMatchObject({
      userId: ada,
      licenses: [{ skuId: 'E3', disabledPlans: [], assignedBy: 'alice' }],
      mailbox: { status: 'active' },
    });
    expect((await admin.get('/v1/subscriptions/E3').expect(200)).body).toMatchObject({ assigned: 1, available: 1 });
    const second = await admin.post(`/v1/users/${bob}/assignLicense`, ASSIGN_E3).expect(200);
    expect((await admin.get('/v1/subscriptions/E3').expect(200)).body).toMatchObject({ assigned: 2, available: 0 });
    const stored = (await events()).length;
    const refused = await admin.post(`/v1/users/${cy}/assignLicense`, ASSIGN_E3).expect(409);
    expect(refused.body).toMatchObject({
      error: 'InsufficientSeats',
      details: { seats: [{ skuId: 'E3', needed: 1, available: 0 }] },
    });
    expect(refused.headers['x-ledger-position']).toBeUndefined();
    expect(await events()).toHaveLength(stored);

    // L3: removing the Exchange-bearing license soft-deletes the mailbox and releases the aliases, in one append.
    const removed = await admin.post(`/v1/users/${ada}/assignLicense`, REMOVE_E3).expect(200);
    expect(position(removed)).toBeGreaterThan(position(second));
    expect(removed.body).toMatchObject({
      licenses: [],
      aliases: [],
      mailbox: { status: 'softDeleted', contactsList: 'deleted' },
    });
    expect(Date.parse(removed.body.mailbox.purgeAfter) - Date.parse(removed.body.mailbox.softDeletedAt)).toBe(
      30 * DAY_MS,
    );
    const removal = (await events()).slice(stored);
    expect(removal.map((event) => event.type)).toEqual(
      expect.arrayContaining(['LicenseRemoved', 'MailboxSoftDeleted', 'AliasesReleased']),
    );
    expect(new Set(removal.map((event) => event.metadata.correlationId)).size).toBe(1);
    expect(removal[removal.length - 1].position).toBe(position(removed));
    expect((await admin.get(`/v1/users/${ada}`).expect(200)).body.mailbox.status).toBe('softDeleted');
    const softDeleted = await admin.get('/v1/retention/mailboxes?status=softDeleted').expect(200);
    expect(softDeleted.body.items.map((mailbox: { userId: string }) => mailbox.userId)).toEqual([ada]);

    // L8 L4: reassigning bob's seat to ada restores her mailbox within the grace period.
    const moved = await admin
      .post('/v1/licenses/reassign', { skuId: 'E3', fromUserId: bob, toUserId: ada })
      .expect(200);
    expect(moved.body.to).toMatchObject({
      userId: ada,
      licenses: [{ skuId: 'E3' }],
      mailbox: { status: 'active', softDeletedAt: null, purgeAfter: null },
    });
    expect(moved.body.from).toMatchObject({ userId: bob, licenses: [], mailbox: { status: 'softDeleted' } });
    expect((await admin.get(`/v1/users/${ada}`).expect(200)).body.mailbox.status).toBe('active');
    expect((await admin.get('/v1/subscriptions/E3').expect(200)).body).toMatchObject({ assigned: 1, available: 1 });

    // L9: a bulk call within the seats applies to every user at once; beyond them it applies nothing.
    await admin.post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 1 }).expect(200);
    const beforeBulk = (await events()).length;
    const bulk = (
      await admin.post('/v1/licenses/bulk', { userIds: [bob, cy], skuIds: ['E3'], mode: 'add' }).expect(200)
    ).body;
    expect(bulk).toMatchObject({ dryRun: false, applied: true, seats: [{ skuId: 'E3', needed: 2, available: 2 }] });
    expect((await events()).length).toBeGreaterThan(beforeBulk);
    const seats = (await admin.get('/v1/subscriptions/E3').expect(200)).body;
    expect(seats).toMatchObject({ valid: 3, assigned: 3, available: 0 });
    const overflow = await admin
      .post('/v1/licenses/bulk', { userIds: [await newUser('dee'), await newUser('eve')], skuIds: ['E3'], mode: 'add' })
      .expect(409);
    expect(overflow.body.error).toBe('InsufficientSeats');
    expect((await admin.get('/v1/subscriptions/E3').expect(200)).body).toEqual(seats);

    // The read models hold exactly what the tenant's stream says, in the stream's order.
    const all = await events();
    expect(all.map((event) => event.revision)).toEqual(all.map((_, i) => BigInt(i)));
    expect(countOf(all, 'LicenseAssigned') - countOf(all, 'LicenseRemoved')).toBe(seats.assigned);
  });

  it('L5: a removed mailbox is purged once its 30 days pass (manual clock); exactly one MailboxPurged is stored', async () => {
    await admin
      .post('/v1/subscriptions', { skuId: 'EXO', name: 'Exchange Online', servicePlans: ['EXCHANGE'], seats: 5 })
      .expect(201);
    const leaver = await newUser('leaver');
    await admin
      .post(`/v1/users/${leaver}/assignLicense`, { addLicenses: [{ skuId: 'EXO' }], removeLicenses: [] })
      .expect(200);
    const removed = await admin
      .post(`/v1/users/${leaver}/assignLicense`, { addLicenses: [], removeLicenses: ['EXO'] })
      .expect(200);
    expect(removed.body.mailbox).toMatchObject({ status: 'softDeleted' });

    // 29 days: still in its grace period.
    await admin.post('/v1/clock/advance', { days: 29 }).expect(200);
    expect((await admin.get(`/v1/users/${leaver}`).expect(200)).body.mailbox.status).toBe('softDeleted');
    expect(purgesOf(await events(), leaver)).toHaveLength(0);

    // The answer comes after one retention pass at the new time: the purge is stored and projected.
    const advanced = await admin.post('/v1/clock/advance', { days: 1 }).expect(200);
    expect(Date.parse(advanced.body.now)).toBeGreaterThanOrEqual(Date.parse(removed.body.mailbox.purgeAfter));
    const purged = (await admin.get(`/v1/users/${leaver}`).expect(200)).body.mailbox;
    expect(purged).toMatchObject({ status: 'purged', purgedAt: expect.any(String), contactsList: 'purged' });
    const listed = await admin.get('/v1/retention/mailboxes?status=purged').expect(200);
    expect(listed.body.items.map((mailbox: { userId: string }) => mailbox.userId)).toContain(leaver);

    // Another pass (another advance) finds nothing left to do for this mailbox.
    await admin.post('/v1/clock/advance', { days: 1 }).expect(200);
    const purges = purgesOf(await events(), leaver);
    expect(purges).toHaveLength(1);
    expect(purges[0].metadata).toMatchObject({ actor: { id: 'system:retention' }, tenantId: tenant });
  });
});

function countOf(events: readonly RecordedEvent[], type: string): number {
  return events.filter((event) => event.type === type).length;
}

function purgesOf(events: readonly RecordedEvent[], userId: string): RecordedEvent[] {
  return events.filter((event) => event.type === 'MailboxPurged' && event.data.userId === userId);
}
