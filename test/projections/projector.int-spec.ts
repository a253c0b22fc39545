import { SystemClock, createCommandPath, loadCatalog } from '@app/application';
import { LedgerCommand } from '@app/domain';
import { AllSubscription, EventStore, RecordedEvent, SqliteEventStore, headPosition as head } from '@app/event-store';
import { Projection, Projector, READ_MODELS, ReadModelDatabase, openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const quiet = { log: () => undefined, error: () => undefined };

/** A history touching every read model: seats, users, licenses, mailboxes. */
async function writeHistory(store: EventStore, dir: string, tenantId = 't1'): Promise<void> {
  const { executor } = createCommandPath({
    store,
    readModels: openReadModelDatabase(join(dir, `snapshots-${tenantId}.sqlite`)),
    clock: new SystemClock(),
    catalog: loadCatalog(),
  });
  const run = (command: LedgerCommand) =>
    executor.execute(command, { tenantId, actor: { id: 'alice' }, correlationId: 'c1' });
  await run({
    type: 'AddSubscription',
    data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE', 'LYNC'], seats: 20 },
  });
  const users = Array.from({ length: 12 }, () => randomUUID());
  for (const [i, userId] of users.entries()) {
    await run({
      type: 'CreateUser',
      data: {
        userId,
        userPrincipalName: `u${i}@${tenantId}.com`,
        displayName: `U${i}`,
        usageLocation: 'US',
        aliases: [`a${i}@${tenantId}.com`],
      },
    });
    await run({ type: 'AssignLicense', data: { userId, addLicenses: [{ skuId: 'E3' }], removeLicenses: [] } });
  }
  await run({ type: 'BulkAssignLicenses', data: { userIds: users.slice(0, 4), skuIds: [], mode: 'replace' } });
  await run({ type: 'ReassignLicense', data: { skuId: 'E3', fromUserId: users[5], toUserId: users[0] } });
  await run({ type: 'DeleteUser', data: { userId: users[6] } });
  await run({ type: 'ChangeSeats', data: { skuId: 'E3', action: 'expire', count: 15 } });
}

/** Every row of every read-model table, for comparing two databases. */
function dump(db: ReadModelDatabase, projections: readonly Projection[] = READ_MODELS): Record<string, unknown[]> {
  return Object.fromEntries(
    projections
      .flatMap((projection) => projection.tables)
      .map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]),
  );
}

/** The real store, delivering every event of a subscription twice: at-least-once delivery, as after a resubscribe. */
function deliveringTwice(store: EventStore): EventStore {
  return Object.assign(Object.create(store) as EventStore, {
    subscribeToAll(options: Parameters<EventStore['subscribeToAll']>[0]): AllSubscription {
      const inner = store.subscribeToAll(options);
      return {
        unsubscribe: () => inner.unsubscribe(),
        async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
          for await (const event of inner) {
            yield event;
            yield event;
          }
        },
      };
    },
  });
}

describe('Projector', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-projector-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    await writeHistory(store, dir);
  });
  afterEach(() => store.close());

  async function reference(): Promise<Record<string, unknown[]>> {
    const db = openReadModelDatabase(join(dir, `reference-${randomUUID()}.sqlite`));
    await new Projector(store, db, READ_MODELS, quiet).catchUp();
    const rows = dump(db);
    db.close();
    return rows;
  }

  it('applies each event once even when the subscription delivers it twice', async () => {
    const db = openReadModelDatabase(join(dir, 'twice.sqlite'));
    const projector = new Projector(deliveringTwice(store), db, READ_MODELS, quiet);
    projector.start();
    await projector.waitFor(await head(store));
    await projector.stop();
    expect(dump(db)).toEqual(await reference());
    // 12 assigned, 4 replaced by nothing, one reassigned (no change), one user deleted: 7; 15 of 20 seats expired.
    expect(db.prepare("SELECT valid, expired, assigned FROM subscriptions WHERE sku_id = 'E3'").get()).toEqual({
      valid: 5,
      expired: 15,
      assigned: 7,
    });
    db.close();
  });

  it('two projectors sharing one read-model file (as two processes do) neither skip nor double-apply', async () => {
    const file = join(dir, 'shared.sqlite');
    const [dbA, dbB] = [openReadModelDatabase(file), openReadModelDatabase(file)];
    const [a, b] = [new Projector(store, dbA, READ_MODELS, quiet), new Projector(store, dbB, READ_MODELS, quiet)];
    a.start();
    b.start();
    // More events while both follow live.
    await writeHistory(store, dir, 't2');
    const last = await head(store);
    await Promise.all([a.waitFor(last), b.waitFor(last)]);
    await Promise.all([a.stop(), b.stop()]);
    expect(dump(dbA)).toEqual(await reference());
    dbA.close();
    dbB.close();
  });

  it('a projection whose version changed is dropped and rebuilt from the start', async () => {
    const file = join(dir, 'versioned.sqlite');
    let db = openReadModelDatabase(file);
    await new Projector(store, db, READ_MODELS, quiet).catchUp();
    db.prepare('UPDATE subscriptions SET assigned = 999').run();
    db.close();

    const bumped = READ_MODELS.map((projection) =>
      projection.name === 'seatAvailability' ? { ...projection, version: projection.version + 1 } : projection,
    );
    const logged: string[] = [];
    db = openReadModelDatabase(file);
    const projector = new Projector(store, db, bumped, {
      log: (message) => logged.push(message),
      error: () => undefined,
    });
    expect(projector.checkpoint).toBe(-1n);
    await projector.catchUp();
    expect(dump(db)).toEqual(await reference());
    expect(logged).toEqual([expect.stringContaining('seatAvailability')]);
    db.close();
  });
});
