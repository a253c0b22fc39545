import {
  CommandContext,
  CryptoShreddingEventStore,
  LedgerStore,
  ManualClock,
  SnapshotStore,
  createCommandPath,
  loadCatalog,
} from '@app/application';
import { LedgerCommand, ledgerStreamId } from '@app/domain';
import { openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CountingStore } from '../support/ledger-events';
import { loadSnapshot } from '../support/snapshots';

const TENANT = 'purge';
const MARKER = 'zq9purgedmarker';

const context = (idempotency?: CommandContext['idempotency']): CommandContext => ({
  tenantId: TENANT,
  actor: { id: 'alice' },
  correlationId: randomUUID(),
  idempotency,
});
const createUser = (name: string, userId = randomUUID()): LedgerCommand => ({
  type: 'CreateUser',
  data: { userId, userPrincipalName: `${name}@x.com`, displayName: name, usageLocation: 'US', aliases: [] },
});

/** Issue 11: a purge on a big tenant used to drop its cached state and snapshot, so the next command replayed it all. */
describe('A purge blanks the ledger state and its snapshot instead of dropping them (E1)', () => {
  it('E1 the next command folds no event again, a restart folds only those after the snapshot, and both equal a full replay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-purge-snapshot-'));
    const counting = new CountingStore({ file: join(dir, 'events.sqlite') });
    const store = new CryptoShreddingEventStore(counting);
    const db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
    const clock = new ManualClock(store);
    const { executor, projector, ledgers } = createCommandPath({
      store,
      readModels: db,
      clock,
      catalog: loadCatalog(),
    });
    projector.start();
    const run = (command: LedgerCommand) => executor.execute(command, context());

    await run({ type: 'AddSubscription', data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 10 } });
    const userId = randomUUID();
    // Its remembered answer shows the user: sealed for them in the store, plaintext in the state and snapshot.
    await executor.execute(
      createUser(MARKER, userId),
      context({ key: 'create-marked', fingerprint: 'f', status: 201 }),
      { view: () => ({ userPrincipalName: `${MARKER}@x.com` }) },
    );
    // Past SNAPSHOT_EVERY (1,000 events): the snapshot holds the user's row and the remembered answer.
    for (let round = 0; round < 10; round++)
      await Promise.all(Array.from({ length: 100 }, (_, i) => run(createUser(`u${round}-${i}`))));
    const snapshots = new SnapshotStore(db);
    const rows = db.prepare<[string], string>('SELECT value FROM ledger_snapshot_rows WHERE stream_id = ?').pluck();
    expect(rows.all(ledgerStreamId(TENANT)).join('\n')).toContain(MARKER);

    await run({ type: 'DeleteUser', data: { userId } });
    await clock.advance({ days: 31 });
    const purge = await run({ type: 'PurgeMailbox', data: { userId } });
    expect(purge.events.map((event) => event.type)).toEqual(['UserPurged']);
    // The erasure listener runs as the projector's subscription delivers the purge.
    await projector.waitFor(purge.position!);
    expect(rows.all(ledgerStreamId(TENANT)).join('\n')).not.toContain(MARKER);

    let reads = counting.ledgerReads;
    await run(createUser('after'));
    expect(counting.ledgerReads - reads).toBe(0);
    const cached = await ledgers.load(TENANT);

    const snapshot = (await loadSnapshot(snapshots, ledgerStreamId(TENANT)))!;
    reads = counting.ledgerReads;
    const restarted = await new LedgerStore(store, snapshots).load(TENANT);
    expect(counting.ledgerReads - reads).toBe(Number(restarted.revision! - snapshot.revision));
    expect(restarted.revision! - snapshot.revision).toBeLessThan(10n);

    const emptySnapshots = new SnapshotStore(openReadModelDatabase(join(dir, 'replay.sqlite')));
    const replayed = await new LedgerStore(store, emptySnapshots).load(TENANT);
    expect(replayed.state.idempotency.get('create-marked')).toMatchObject({ body: null, userIds: [userId] });
    expect(restarted.state).toEqual(replayed.state);
    expect(cached.state).toEqual(replayed.state);

    await projector.stop();
    await store.close();
    db.close();
  }, 60_000);
});
