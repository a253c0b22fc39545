import {
  AuditStateWorker,
  EventStoreConfig,
  StateCheckpoints,
  auditStateView,
  createEventStore,
} from '@app/application';
import { ledgerStreamId } from '@app/domain';
import { EventData } from '@app/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbTestServer, startEsdbTestServer } from '../esdb-test-server';
import { storedLedgerEvent } from '../support/ledger-events';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const at = (minute: number) => new Date(T0 + minute * 60_000);
const USERS = 40;
/** More than STATE_CHECKPOINT_INTERVAL (2,000) events, so the worker keeps a checkpoint. */
const EVENTS = 2100;

const event = (type: string, data: object, minute: number): EventData =>
  storedLedgerEvent('pit', type, data, at(minute));

/** A subscription, USERS licensed users (one of them deleted and purged: E1), then seat purchases up to EVENTS. */
function history(): EventData[] {
  const events = [event('SubscriptionAdded', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 100 }, 0)];
  for (let i = 0; i < USERS; i++) {
    const userId = `00000000-0000-4000-8000-${String((i * 7) % USERS).padStart(12, '0')}`;
    events.push(
      event(
        'UserCreated',
        { userId, userPrincipalName: `u${i}@x.test`, displayName: `U${i}`, usageLocation: 'US', aliases: [] },
        1,
      ),
      event('LicenseAssigned', { userId, skuId: 'E3', disabledPlans: [] }, 2),
    );
  }
  const purged = `00000000-0000-4000-8000-${String(0).padStart(12, '0')}`;
  events.push(
    event('LicenseRemoved', { userId: purged, skuId: 'E3' }, 3),
    event('UserDeleted', { userId: purged, purgeAfter: at(4).toISOString() }, 3),
    event('UserPurged', { userId: purged, userPrincipalName: 'u0@x.test' }, 4),
  );
  for (let minute = 5; events.length < EVENTS; minute++)
    events.push(event('SeatsPurchased', { skuId: 'E3', count: 1 }, minute));
  return events;
}

const stores: [string, () => Promise<{ config: EventStoreConfig; stop: () => Promise<void> }>][] = [
  [
    'SQLite',
    async () => ({
      config: { eventStore: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'ledger-pit-worker-')) },
      stop: async () => undefined,
    }),
  ],
  [
    'EventStoreDB (wire test server)',
    async () => {
      const server: EsdbTestServer = await startEsdbTestServer();
      return {
        config: { eventStore: 'esdb', eventStoreConnectionString: server.connectionString, dataDir: tmpdir() },
        stop: () => server.stop(),
      };
    },
  ],
];

/** GET /v1/audit/state's worker thread (A2, issue 9): its answers are the in-process fold's, byte for byte. */
describe.each(stores)('AuditStateWorker on %s', (_name, open) => {
  let config: EventStoreConfig;
  let stop: () => Promise<void>;
  let worker: AuditStateWorker;
  const store = () => createEventStore(config);

  beforeAll(async () => {
    ({ config, stop } = await open());
    const writer = store();
    // Through crypto-shredding, as the API writes: personal fields sealed, the purged user's key destroyed.
    for (let start = 0, all = history(); start < all.length; start += 500)
      await writer.appendToStream(ledgerStreamId('pit'), all.slice(start, start + 500));
    await writer.close();
    worker = new AuditStateWorker(config);
  });
  afterAll(async () => {
    await worker.close();
    await stop();
  });

  it('A2: answers the JSON of the in-process fold, at instants before, across and after its checkpoint', async () => {
    const reader = store();
    for (const minute of [0, 2, 3, 4, 1000, 2099, 5000]) {
      const { json } = await worker.answer('pit', at(minute));
      const { state } = await new StateCheckpoints(reader).foldAt('pit', at(minute));
      const expected = auditStateView(at(minute), state);
      expect(new TextDecoder().decode(json)).toBe(JSON.stringify(expected));
    }
    expect(JSON.parse(new TextDecoder().decode((await worker.answer('pit', at(5000))).json))).toMatchObject({
      subscriptions: [{ skuId: 'E3', valid: 100 + EVENTS - (1 + 2 * USERS + 3), assigned: USERS - 1 }],
    });
    await reader.close();
  });

  it('A2, E1: folds from its checkpoint, and forget() after a purge drops the checkpoints in the thread', async () => {
    const first = await worker.answer('pit', at(5000));
    const again = await worker.answer('pit', at(5000));
    expect(again.events).toBe(EVENTS % 2000);
    expect(new TextDecoder().decode(again.json)).toBe(new TextDecoder().decode(first.json));

    worker.forget('pit', `00000000-0000-4000-8000-${String(0).padStart(12, '0')}`);
    expect((await worker.answer('pit', at(5000))).events).toBe(EVENTS);
  });

  it('a closed thread is started again by the next query; a tenant without events answers empty lists', async () => {
    await worker.close();
    const { json, events } = await worker.answer('nobody', at(1));
    expect(events).toBe(0);
    expect(JSON.parse(new TextDecoder().decode(json))).toEqual({
      at: at(1).toISOString(),
      subscriptions: [],
      assignments: [],
    });
  });
});
