import { LedgerCommandExecutor, LedgerStore, SystemClock, SnapshotStore, loadCatalog } from '@app/application';
import { initialState, evolve, LedgerEvent, ledgerStreamId } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CountingStore, storedLedgerEvent } from '../support/ledger-events';
import { loadSnapshot } from '../support/snapshots';

const context = { tenantId: 'snap', actor: { id: 'alice' }, correlationId: 'c' };

/** The folded state a process starts from must equal a full replay, snapshot or not. */
describe('LedgerStore', () => {
  it('starts from its latest snapshot plus the events after it, and folds to the same state as a full replay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-snapshot-'));
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
    const snapshots = new SnapshotStore(db);
    const executor = new LedgerCommandExecutor(new LedgerStore(store, snapshots), new SystemClock(), loadCatalog());
    await executor.execute(
      { type: 'AddSubscription', data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1000 } },
      context,
    );
    // ~1,200 events: past one snapshot (every 1,000), with some after it.
    for (let i = 0; i < 300; i++) {
      const userId = randomUUID();
      await executor.execute(
        {
          type: 'CreateUser',
          data: {
            userId,
            userPrincipalName: `u${i}@x.com`,
            displayName: 'U',
            usageLocation: 'US',
            aliases: [`a${i}@x.com`],
          },
        },
        context,
      );
      await executor.execute(
        { type: 'AssignLicense', data: { userId, addLicenses: [{ skuId: 'E3' }], removeLicenses: [] } },
        context,
      );
      if (i % 3 === 0)
        await executor.execute(
          { type: 'AssignLicense', data: { userId, addLicenses: [], removeLicenses: ['E3'] } },
          context,
        );
    }
    const snapshot = await loadSnapshot(snapshots, ledgerStreamId('snap'));
    expect(snapshot?.revision).toBeGreaterThanOrEqual(999n);

    const fresh = await new LedgerStore(store, snapshots).load('snap');
    const replayed = initialState();
    let revision = -1n;
    for await (const event of store.readStream(ledgerStreamId('snap'))) {
      evolve(replayed, event as unknown as LedgerEvent);
      revision = event.revision;
    }
    expect(fresh.revision).toBe(revision);
    expect(fresh.revision).toBeGreaterThan(snapshot!.revision);
    expect(fresh.state).toEqual(replayed);
    await store.close();
    db.close();
  });

  it('keeps only the most recently used tenants in memory, and a tenant that was let go decides on its true state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-lru-'));
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
    const ledgers = new LedgerStore(store, new SnapshotStore(db), 2);
    const executor = new LedgerCommandExecutor(ledgers, new SystemClock(), loadCatalog());
    const tenants = ['t1', 't2', 't3'];
    const as = (tenantId: string) => ({ tenantId, actor: { id: 'alice' }, correlationId: 'c' });
    for (const tenantId of tenants) {
      await executor.execute(
        { type: 'AddSubscription', data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 2 } },
        as(tenantId),
      );
    }
    // Round-robin over three tenants with room for two: every load of a tenant follows its eviction.
    for (let round = 0; round < 3; round++) {
      for (const tenantId of tenants) {
        const userId = randomUUID();
        await executor.execute(
          {
            type: 'CreateUser',
            data: { userId, userPrincipalName: `u${round}@${tenantId}.com`, displayName: 'U', usageLocation: 'US' },
          },
          as(tenantId),
        );
        const assign = executor.execute(
          { type: 'AssignLicense', data: { userId, addLicenses: [{ skuId: 'E3' }], removeLicenses: [] } },
          as(tenantId),
        );
        // S3 still holds on a reloaded state: the third round finds no seat left.
        if (round < 2) await assign;
        else await expect(assign).rejects.toMatchObject({ code: 'InsufficientSeats' });
        expect(ledgers.cachedTenants).toBeLessThanOrEqual(2);
      }
    }
    await store.close();
    db.close();
  });

  it('a long first load lets other work run between slices of its replay, and still folds every event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-slices-'));
    const store = new CountingStore({ file: join(dir, 'events.sqlite') });
    const stream = ledgerStreamId('big');
    const metadata = {
      actor: { id: 'alice' },
      tenantId: 'big',
      occurredAt: new Date().toISOString(),
      correlationId: 'c',
      causationId: 'c',
    };
    const event = (type: string, data: Record<string, unknown>) => ({ id: randomUUID(), type, data, metadata });
    await store.appendToStream(stream, [
      event('SubscriptionAdded', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 10 }),
    ]);
    for (let chunk = 0; chunk < 5; chunk++)
      await store.appendToStream(
        stream,
        Array.from({ length: 500 }, (_, i) =>
          event('UserCreated', {
            userId: randomUUID(),
            userPrincipalName: `u${chunk}-${i}@x.com`,
            displayName: 'U',
            usageLocation: 'US',
            aliases: [],
          }),
        ),
      );
    const ledgers = new LedgerStore(store, new SnapshotStore(openReadModelDatabase(join(dir, 'read-models.sqlite'))));
    // Other work, one turn of the event loop after another: what had the replay read each time it ran?
    const readAtTurns: number[] = [];
    let loading = true;
    const turn = () => {
      readAtTurns.push(store.ledgerReads);
      if (loading) setImmediate(turn);
    };
    setImmediate(turn);
    const loaded = await ledgers.load('big');
    loading = false;
    expect(readAtTurns.filter((read) => read > 0 && read < 2_501).length).toBeGreaterThan(0);
    expect(store.ledgerReads).toBe(2_501);
    expect(loaded.revision).toBe(2_500n);
    expect(loaded.state.users.size).toBe(2_500);
    await store.close();
  });
  it("SL1 a big tenant's first full snapshot is saved in slices after its command is answered: another tenant's command runs meanwhile, and the snapshot loads as a full replay", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-full-save-'));
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const stream = ledgerStreamId('big');
    const event = (type: string, data: object) => storedLedgerEvent('big', type, data);
    await store.appendToStream(stream, [
      event('SubscriptionAdded', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 10 }),
      ...Array.from({ length: 1_200 }, (_, i) =>
        event('UserCreated', {
          userId: `u${i}`,
          userPrincipalName: `u${i}@x.com`,
          displayName: 'U',
          usageLocation: 'US',
          aliases: [],
        }),
      ),
    ]);
    const snapshots = new SnapshotStore(openReadModelDatabase(join(dir, 'read-models.sqlite')), 20);
    const executor = new LedgerCommandExecutor(new LedgerStore(store, snapshots), new SystemClock(), loadCatalog());
    const as = (tenantId: string) => ({ ...context, tenantId });
    const assign = (tenantId: string, userId: string) =>
      executor.execute(
        { type: 'AssignLicense', data: { userId, addLicenses: [{ skuId: 'E3' }], removeLicenses: [] } },
        as(tenantId),
      );
    await executor.execute(
      { type: 'AddSubscription', data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 } },
      as('small'),
    );
    await executor.execute(
      {
        type: 'CreateUser',
        data: { userId: 's1', userPrincipalName: 's1@x.com', displayName: 'S', usageLocation: 'US' },
      },
      as('small'),
    );

    // This command's append is past SNAPSHOT_EVERY with no snapshot: the full save starts once it is answered.
    const first = await assign('big', 'u1');
    expect(await loadSnapshot(snapshots, stream)).toBeUndefined();
    await assign('small', 's1');
    // The other tenant was answered while the big tenant's rows were still being written.
    expect(await loadSnapshot(snapshots, stream)).toBeUndefined();
    // The big tenant's next command waits for the save, then decides on the same state.
    await assign('big', 'u2');
    const snapshot = (await loadSnapshot(snapshots, stream))!;
    expect(snapshot.revision).toBe(1_200n + BigInt(first.events.length));

    const replayed = initialState();
    for await (const recorded of store.readStream(stream, { maxCount: Number(snapshot.revision) + 1 }))
      evolve(replayed, recorded as unknown as LedgerEvent);
    expect(snapshot.state.users.size).toBe(1_200);
    expect(snapshot.state).toEqual(replayed);
    await store.close();
  });
});
