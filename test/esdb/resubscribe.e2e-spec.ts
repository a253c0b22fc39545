import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { rmSync } from 'node:fs';
import { startEsdbTestServer, type EsdbTestServer } from '../esdb-test-server';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { eventually, tenantEvents, withTestServer } from './support/esdb-target';

const TENANT = 'default';

/**
 * The projector follows $all (system events excluded) from the checkpoint kept in the local
 * read-model database. A dropped subscription resubscribes from there, and a restarted process
 * starts from there: the read models end with every stored event applied exactly once. The seat
 * view is a counter (valid += count, assigned += 1), so an event applied twice or skipped shows.
 */
withTestServer('Resubscribing from the checkpoint (test server: drops subscriptions)', () => {
  let server: EsdbTestServer;
  const apps: LedgerApp[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const ledger = await startLedgerApp({
      LEDGER_EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: server.connectionString,
      ...env,
    });
    apps.push(ledger);
    return ledger;
  };
  const close = async (ledger: LedgerApp) => {
    apps.splice(apps.indexOf(ledger), 1);
    await ledger.close();
  };

  beforeAll(async () => {
    server = await startEsdbTestServer();
  });
  afterAll(async () => {
    const dataDirs = apps.map((ledger) => ledger.config.dataDir);
    for (const ledger of apps.splice(0)) await ledger.close();
    await server?.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('subscriptions dropped while commands flow: every event reaches the read models exactly once', async () => {
    const ledger = await start();
    const admin = ledger.as('global-admin');
    await admin
      .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE', 'OFFICE'], seats: 2 })
      .expect(201);
    const users: string[] = [];
    for (let i = 0; i < 6; i++) {
      users.push(
        (
          await admin
            .post('/v1/users', { userPrincipalName: `drop${i}@contoso.com`, displayName: `D${i}`, usageLocation: 'US' })
            .expect(201)
        ).body.userId,
      );
    }

    let drops = 0;
    for (let round = 0; round < 5; round++) {
      // Concurrent commands; the projector's subscription is dropped as soon as the first is answered, with the rest in flight.
      let dropped = false;
      const dropOnce = <T>(response: T): T => {
        if (!dropped) {
          dropped = true;
          drops += server.dropSubscriptions();
        }
        return response;
      };
      const commands = [
        ...[1, 2, 3].map(() =>
          admin.post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 1 }).then(dropOnce),
        ),
        ...users.map((userId, i) =>
          admin
            .post(
              `/v1/users/${userId}/assignLicense`,
              (round + i) % 2 === 0
                ? { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] }
                : { addLicenses: [], removeLicenses: ['E3'] },
            )
            .then(dropOnce),
        ),
      ];
      for (const response of await Promise.all(commands)) expect([200, 409]).toContain(response.status);
    }
    // Also dropped while idle: the next command must still see its own change.
    drops += server.dropSubscriptions();
    const last = await admin.post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 1 }).expect(200);
    expect(drops).toBeGreaterThanOrEqual(6);

    await expectReadModelsMatchStore(ledger, admin, BigInt(last.headers['x-ledger-position']));
  });

  it('a restarted process resumes from the checkpoint in its read-model database and applies what others wrote meanwhile, once', async () => {
    const first = await start();
    const dataDir = first.config.dataDir;
    const admin = first.as('global-admin');
    await admin
      .post('/v1/subscriptions', { skuId: 'P2', name: 'P2', servicePlans: ['SHAREPOINT'], seats: 4 })
      .expect(201);
    const userId = (
      await admin
        .post('/v1/users', { userPrincipalName: 'restart@contoso.com', displayName: 'R', usageLocation: 'US' })
        .expect(201)
    ).body.userId;
    await admin
      .post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'P2' }], removeLicenses: [] })
      .expect(200);
    await close(first);

    // Another process (its own read-model folder) writes while the first is down.
    const other = await start();
    const otherAdmin = other.as('global-admin');
    await otherAdmin.post('/v1/subscriptions/P2/seats', { action: 'purchase', count: 3 }).expect(200);
    await otherAdmin.post(`/v1/users/${userId}/assignLicense`, { addLicenses: [], removeLicenses: ['P2'] }).expect(200);
    const written = await otherAdmin
      .post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'P2' }], removeLicenses: [] })
      .expect(200);

    const restarted = await start({ LEDGER_DATA_DIR: dataDir });
    await expectReadModelsMatchStore(
      restarted,
      restarted.as('global-admin'),
      BigInt(written.headers['x-ledger-position']),
    );
    expect((await restarted.as('global-admin').get('/v1/subscriptions/P2').expect(200)).body).toMatchObject({
      valid: 7,
      assigned: 1,
    });
  });
});

/** Waits (bounded) until the app's read models reach `position`, then compares them with a fold of the stored events. */
async function expectReadModelsMatchStore(ledger: LedgerApp, admin: Caller, position: bigint): Promise<void> {
  await eventually(`the read models to reach position ${position}`, async () => {
    const ready = await admin.get('/health/ready');
    return ready.status === 200 && BigInt(ready.body.info.readModels.checkpoint) >= position ? true : undefined;
  });
  const events = await tenantEvents(ledger.app.get<EventStore>(EVENT_STORE), TENANT);
  const expected = fold(events);

  for (const [skuId, seats] of expected.seats) {
    expect((await admin.get(`/v1/subscriptions/${skuId}`).expect(200)).body).toMatchObject({
      skuId,
      valid: seats.valid,
      assigned: seats.assigned,
    });
  }
  const users = (await admin.get('/v1/users?limit=1000').expect(200)).body.items as {
    userId: string;
    licenses: { skuId: string }[];
  }[];
  expect(users.map((user) => user.userId).sort()).toEqual([...expected.licenses.keys()].sort());
  for (const user of users)
    expect(user.licenses.map((license) => license.skuId).sort()).toEqual(
      [...expected.licenses.get(user.userId)!].sort(),
    );

  // The audit read model holds one row per event: each stored event exactly once.
  const audited: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: { eventId: string }[]; nextCursor: string | null } } = await admin
      .get(`/v1/audit/events?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      .expect(200);
    audited.push(...page.body.items.map((entry) => entry.eventId));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(audited.sort()).toEqual(events.map((event) => event.id).sort());
}

/** What the seat and user views must say, computed from the stored events alone. */
function fold(events: readonly RecordedEvent[]) {
  const seats = new Map<string, { valid: number; assigned: number }>();
  const licenses = new Map<string, Set<string>>();
  for (const { type, data } of events) {
    const skuId = data.skuId as string;
    const userId = data.userId as string;
    if (type === 'SubscriptionAdded') seats.set(skuId, { valid: data.seats as number, assigned: 0 });
    if (type === 'SeatsPurchased') seats.get(skuId)!.valid += data.count as number;
    if (type === 'UserCreated') licenses.set(userId, new Set());
    if (type === 'LicenseAssigned') {
      seats.get(skuId)!.assigned++;
      licenses.get(userId)!.add(skuId);
    }
    if (type === 'LicenseRemoved') {
      seats.get(skuId)!.assigned--;
      licenses.get(userId)!.delete(skuId);
    }
  }
  return { seats, licenses };
}
