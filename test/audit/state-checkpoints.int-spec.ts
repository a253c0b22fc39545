import { StateCheckpoints, auditStateView } from '@app/application';
import { ledgerStreamId } from '@app/domain';
import { EventData, SqliteEventStore } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const MINUTE = 60_000;
const at = (minute: number) => new Date(T0 + minute * MINUTE);

/** A2 in bounded time: point-in-time folds start from the nearest checkpoint and equal a replay from the start. */
describe('StateCheckpoints', () => {
  const store = SqliteEventStore.open(join(mkdtempSync(join(tmpdir(), 'ledger-checkpoints-')), 'events.sqlite'));
  const event = (type: string, data: object, minute: number): EventData => ({
    id: randomUUID(),
    type,
    data: data as EventData['data'],
    metadata: {
      actor: { id: 'alice' },
      tenantId: 'cp',
      occurredAt: at(minute).toISOString(),
      correlationId: 'c',
      causationId: 'c',
    },
  });

  beforeAll(async () => {
    // 1 + 249 events, one a minute: SeatsPurchased of 1 seat each, so the state at minute m has m + 10 seats.
    const events = [event('SubscriptionAdded', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 10 }, 0)];
    for (let minute = 1; minute < 250; minute++)
      events.push(event('SeatsPurchased', { skuId: 'E3', count: 1 }, minute));
    await store.appendToStream(ledgerStreamId('cp'), events);
  });

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
      expect(auditStateView(at(minute), folded.state)).toEqual(auditStateView(at(minute), replayed.state));
      expect(folded.position).toBe(replayed.position);
      expect(auditStateView(at(minute), folded.state).subscriptions[0].valid).toBe(minute + 10);
    }
  });

  it('A2: a fold never changes the checkpoint it started from', async () => {
    const checkpoints = new StateCheckpoints(store, 50);
    await checkpoints.foldAt('cp', at(249));
    await checkpoints.foldAt('cp', at(120));
    const again = await checkpoints.foldAt('cp', at(110));
    expect(auditStateView(at(110), again.state).subscriptions[0].valid).toBe(120);
  });

  it('A2: past 64 checkpoints their spacing doubles, evenly, so every tail stays short', async () => {
    // Every 2 events would be 125 checkpoints: spacing 4 keeps 62 of them.
    const checkpoints = new StateCheckpoints(store, 2);
    await checkpoints.foldAt('cp', at(249));
    for (const minute of [10, 120, 248]) {
      const folded = await checkpoints.foldAt('cp', at(minute));
      expect(folded.events).toBe((minute + 1) % 4);
      expect(auditStateView(at(minute), folded.state).subscriptions[0].valid).toBe(minute + 10);
    }
  });

  it('a tenant without events folds to the empty state', async () => {
    await expect(new StateCheckpoints(store).foldAt('nobody', at(1))).resolves.toMatchObject({
      position: null,
      events: 0,
    });
  });
});
