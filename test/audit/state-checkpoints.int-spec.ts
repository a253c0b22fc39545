import { EventLoopTurns, StateCheckpoints, auditStateView } from '@app/application';
import { LedgerState, ledgerStreamId } from '@app/domain';
import { EsdbEventStore, EventData, EventStore, SqliteEventStore } from '@app/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbTestServer, startEsdbTestServer } from '../esdb-test-server';
import { storedLedgerEvent } from '../support/ledger-events';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const MINUTE = 60_000;
const at = (minute: number) => new Date(T0 + minute * MINUTE);
const view = (minute: number, state: LedgerState) => auditStateView(at(minute), state);

const event = (type: string, data: object, minute: number): EventData =>
  storedLedgerEvent('cp', type, data, at(minute));

/** 1 + 249 events, one a minute: SeatsPurchased of 1 seat each, so the state at minute m has m + 10 seats. */
function history(): EventData[] {
  const events = [event('SubscriptionAdded', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 10 }, 0)];
  for (let minute = 1; minute < 250; minute++) events.push(event('SeatsPurchased', { skuId: 'E3', count: 1 }, minute));
  return events;
}

const stores: [string, () => Promise<{ store: EventStore; close: () => Promise<void> }>][] = [
  [
    'SQLite',
    async () => {
      const store = SqliteEventStore.open(join(mkdtempSync(join(tmpdir(), 'ledger-checkpoints-')), 'events.sqlite'));
      return { store, close: () => store.close() };
    },
  ],
  [
    'EventStoreDB (wire test server)',
    async () => {
      const server: EsdbTestServer = await startEsdbTestServer();
      const store = new EsdbEventStore(server.connectionString);
      return {
        store,
        close: async () => {
          await store.close();
          await server.stop();
        },
      };
    },
  ],
];

/** A2 in bounded time: point-in-time folds start from the nearest checkpoint and equal a replay from the start. */
describe.each(stores)('StateCheckpoints on %s', (_name, open) => {
  let store: EventStore;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await open());
    await store.appendToStream(ledgerStreamId('cp'), history());
  });
  afterAll(() => close());

  it('A2: later folds start from the nearest checkpoint (fold count) and answer exactly as a replay from the start', async () => {
    const checkpoints = new StateCheckpoints(store, 50);
    const first = await checkpoints.foldAt('cp', at(249));
    expect(first.events).toBe(250);

    for (const minute of [249, 230, 120, 49, 3]) {
      const folded = await checkpoints.foldAt('cp', at(minute));
      // Checkpoints after events 50, 100, …, 250: never more than 49 events past one.
      expect(folded.events).toBe((minute + 1) % 50);
      const replayed = await new StateCheckpoints(store, 50).foldAt('cp', at(minute));
      expect(replayed.events).toBe(minute + 1);
      expect(view(minute, folded.state)).toEqual(view(minute, replayed.state));
      expect(folded.position).toBe(replayed.position);
      expect(view(minute, folded.state).subscriptions[0].valid).toBe(minute + 10);
    }
  });

  it('A2: a fold never changes the checkpoint it started from', async () => {
    const checkpoints = new StateCheckpoints(store, 50);
    await checkpoints.foldAt('cp', at(249));
    await checkpoints.foldAt('cp', at(120));
    const again = await checkpoints.foldAt('cp', at(110));
    expect(view(110, again.state).subscriptions[0].valid).toBe(120);
  });

  it('A2: past 64 checkpoints their spacing doubles, evenly, so every tail stays short', async () => {
    // Every 2 events would be 125 checkpoints: spacing 4 keeps 62 of them.
    const checkpoints = new StateCheckpoints(store, 2);
    await checkpoints.foldAt('cp', at(249));
    for (const minute of [10, 120, 248]) {
      const folded = await checkpoints.foldAt('cp', at(minute));
      expect(folded.events).toBe((minute + 1) % 4);
      expect(view(minute, folded.state).subscriptions[0].valid).toBe(minute + 10);
    }
  });

  it('A2: parallel folds take turns, and the event loop runs between two turns (counted, not timed)', async () => {
    // A zero-length slice: every 64 events folded end a turn.
    const turns = new EventLoopTurns(0);
    const checkpoints = new StateCheckpoints(store, 50, turns);
    let loopTurns = 0;
    let running = true;
    const heartbeat = () => {
      loopTurns++;
      if (running) setImmediate(heartbeat);
    };
    setImmediate(heartbeat);
    const folds = await Promise.all([0, 1, 2].map(() => checkpoints.foldAt('cp', at(249))));
    running = false;

    for (const folded of folds) expect(view(249, folded.state).subscriptions[0].valid).toBe(259);
    // A turn ends every 64 units (but a fold's last one, which may be shorter); the loop ran after each.
    const events = folds.reduce((sum, folded) => sum + folded.events, 0);
    expect(turns.passes).toBeGreaterThanOrEqual(Math.floor(events / 64) - folds.length);
    expect(loopTurns).toBeGreaterThanOrEqual(turns.passes);
  });

  it('E1: a forget() during a fold is honoured: the fold under way remembers nothing for later folds', async () => {
    const turns = new EventLoopTurns(0);
    const checkpoints = new StateCheckpoints(store, 50, turns);
    const underWay = checkpoints.foldAt('cp', at(249));
    let done = false;
    void underWay.then(() => (done = true));
    // Once the fold has passed its first turn (and remembered the state after 50 events), before it finishes.
    while (turns.passes === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    checkpoints.forget('cp');
    expect((await underWay).events).toBe(250);

    expect((await checkpoints.foldAt('cp', at(249))).events).toBe(250);
  });

  it('a tenant without events folds to the empty state', async () => {
    await expect(new StateCheckpoints(store).foldAt('nobody', at(1))).resolves.toMatchObject({
      position: null,
      events: 0,
    });
  });
});
