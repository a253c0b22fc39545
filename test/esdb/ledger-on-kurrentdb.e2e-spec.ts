import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { rmSync } from 'node:fs';
import { type Caller, type LedgerApp, startLedgerApp } from '../support/ledger-app';
import { EsdbServerProcess } from './support/esdb-server-process';

/** Generated protobuf classes register under one global namespace; the last client loaded wins it. */
const protobufLoadedBeforeTheClient = (globalThis as { proto?: unknown }).proto !== undefined;

/**
 * The whole API with LEDGER_EVENT_STORE=kurrentdb: @kurrent/kurrentdb-client (kurrentdb://, reads
 * through its native bridge) to the wire test server in another process (see kurrentdb-event-store.int-spec.ts for why).
 */
describe('The ledger on the successor client (LEDGER_EVENT_STORE=kurrentdb)', () => {
  let server: EsdbServerProcess;
  let ledger: LedgerApp;
  let store: EventStore;
  let admin: Caller;

  beforeAll(async () => {
    server = await EsdbServerProcess.start();
    ledger = await startLedgerApp({
      LEDGER_EVENT_STORE: 'kurrentdb',
      EVENTSTORE_CONNECTION_STRING: server.kurrentDbConnectionString,
    });
    store = ledger.app.get<EventStore>(EVENT_STORE);
    admin = ledger.as('global-admin', { tenant: 'kurrent-e2e', name: 'Alice' });
  }, 60_000);
  afterAll(async () => {
    await ledger?.close();
    if (ledger) rmSync(ledger.config.dataDir, { recursive: true, force: true });
    await server?.stop();
  });

  it('loads no other protobuf classes before its own', () => {
    expect(protobufLoadedBeforeTheClient).toBe(false);
  });

  it('S3: commands append through the client, and the queries answer from views its subscription fed', async () => {
    const created = await admin
      .post('/v1/subscriptions', { skuId: 'E3', name: 'Office 365 E3', servicePlans: ['EXCHANGE'], seats: 1 })
      .expect(201);
    const stored: RecordedEvent[] = [];
    for await (const event of store.readStream('ledger-kurrent-e2e')) stored.push(event);
    expect(stored).toMatchObject([
      { type: 'SubscriptionAdded', revision: 0n, position: BigInt(created.headers['x-ledger-position']) },
    ]);
    expect((await admin.get('/v1/subscriptions').expect(200)).body.items).toEqual([created.body]);

    const user = async (name: string) =>
      (
        await admin
          .post('/v1/users', { userPrincipalName: `${name}@contoso.com`, displayName: name, usageLocation: 'GB' })
          .expect(201)
      ).body.userId as string;
    const [ada, bob] = [await user('ada'), await user('bob')];
    await admin
      .post(`/v1/users/${ada}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] })
      .expect(200);
    const refused = await admin
      .post(`/v1/users/${bob}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] })
      .expect(409);
    expect(refused.body).toMatchObject({ error: 'InsufficientSeats' });
    expect((await admin.get('/v1/subscriptions/E3').expect(200)).body).toMatchObject({ assigned: 1, available: 0 });
    expect((await admin.get(`/v1/users/${ada}`).expect(200)).body.licenses).toMatchObject([{ skuId: 'E3' }]);
  });
});
