import { CommandContext, ManualClock, createCommandPath, loadCatalog } from '@app/application';
import { LedgerCommand, ledgerStreamId } from '@app/domain';
import { AppendResult, EventData, ExpectedRevision, SqliteEventStore } from '@app/event-store';
import { SeatAvailabilityQueries, openReadModelDatabase } from '@app/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The real SQLite store, counting its appends: the only way to see how commands were grouped. */
class CountingStore extends SqliteEventStore {
  appends = 0;
  /** Runs once, just before the next append: another writer's turn. */
  beforeNextAppend: (() => Promise<unknown>) | undefined;

  override async appendToStream(
    streamId: string,
    events: readonly EventData[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const other = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    await other?.();
    const result = await super.appendToStream(streamId, events, options);
    this.appends++;
    return result;
  }
}

const TENANT = 'batch';

function ledgerPath(options: { busyTimeoutMs?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-group-commit-'));
  const store = new CountingStore({ file: join(dir, 'events.sqlite'), ...options });
  const db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
  const path = createCommandPath({ store, readModels: db, clock: new ManualClock(store), catalog: loadCatalog() });
  path.projector.start();
  const seats = new SeatAvailabilityQueries(db);
  const context = (idempotency?: CommandContext['idempotency']): CommandContext => ({
    tenantId: TENANT,
    actor: { id: 'alice' },
    correlationId: randomUUID(),
    idempotency,
  });
  return {
    dir,
    store,
    ...path,
    context,
    run: (command: LedgerCommand, idempotency?: CommandContext['idempotency']) =>
      path.executor.execute(command, context(idempotency)),
    /** The answer a command of the HTTP API gets: the subscription as the read models show it once its events are applied. */
    viewed: (command: LedgerCommand) =>
      path.executor.execute(command, context(), { view: () => seats.get(TENANT, 'E3') }),
    async close() {
      await path.projector.stop();
      await store.close();
      db.close();
    },
  };
}

const addE3 = (seats: number): LedgerCommand => ({
  type: 'AddSubscription',
  data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats },
});
const createUser = (name: string, userId = randomUUID()): LedgerCommand => ({
  type: 'CreateUser',
  data: { userId, userPrincipalName: `${name}@x.com`, displayName: name, usageLocation: 'US', aliases: [] },
});
const assign = (userId: string): LedgerCommand => ({
  type: 'AssignLicense',
  data: { userId, addLicenses: [{ skuId: 'E3' }], removeLicenses: [] },
});

async function typesStored(store: SqliteEventStore): Promise<string[]> {
  const types: string[] = [];
  for await (const event of store.readStream(ledgerStreamId(TENANT))) types.push(event.type);
  return types;
}

describe('Group commit: the commands queued for one tenant share one append', () => {
  it('32 concurrent commands are stored in fewer appends than commands, in the order they were sent, each caller with its own outcome', async () => {
    const ledger = ledgerPath();
    await ledger.run(addE3(100));
    const before = ledger.store.appends;
    const names = Array.from({ length: 32 }, (_, i) => `user${i}`);
    const outcomes = await Promise.all(names.map((name) => ledger.run(createUser(name))));

    expect(ledger.store.appends - before).toBeLessThan(names.length);
    expect(outcomes.map((outcome) => outcome.events[0].data)).toEqual(
      names.map((name) => expect.objectContaining({ userPrincipalName: `${name}@x.com` })),
    );
    const stored: string[] = [];
    for await (const event of ledger.store.readStream(ledgerStreamId(TENANT), { fromRevision: 1n }))
      stored.push((event.data as { userPrincipalName: string }).userPrincipalName);
    expect(stored).toEqual(names.map((name) => `${name}@x.com`));
    // Acknowledged means stored: every caller's position is one the store has reached.
    const head = (await typesStored(ledger.store)).length;
    expect(head).toBe(33);
    for (const outcome of outcomes) expect(outcome.position).not.toBeNull();
    await ledger.close();
  });

  it('S3 and U1 within a batch: each command sees the ones accepted before it; a refused one changes nothing for the others', async () => {
    const ledger = ledgerPath();
    await ledger.run(addE3(2));
    const users = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        ledger.run(createUser(name)).then((outcome) => outcome.events[0].data as { userId: string }),
      ),
    );
    const before = ledger.store.appends;
    const results = await Promise.allSettled([
      ledger.run(assign(users[0].userId)),
      ledger.run(createUser('a')), // U1: the name is taken
      ledger.run(assign(users[1].userId)),
      ledger.run(assign(users[2].userId)), // S3: the two seats went to the first and third commands
      ledger.run(createUser('d')),
    ]);

    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'UserPrincipalNameTaken' });
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({ code: 'InsufficientSeats' });
    expect(ledger.store.appends - before).toBe(1);
    expect((await typesStored(ledger.store)).slice(4)).toEqual([
      'LicenseAssigned',
      'MailboxProvisioned',
      'LicenseAssigned',
      'MailboxProvisioned',
      'UserCreated',
    ]);
    await ledger.close();
  });

  it("each answer is previewed with the batch's earlier commands applied, as a query shows it after the append", async () => {
    const ledger = ledgerPath();
    await ledger.run(addE3(3));
    const users = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        ledger.run(createUser(name)).then((outcome) => outcome.events[0].data as { userId: string }),
      ),
    );
    const before = ledger.store.appends;
    const outcomes = await Promise.all(users.map(({ userId }) => ledger.viewed(assign(userId))));

    expect(ledger.store.appends - before).toBe(1);
    expect(outcomes.map((outcome) => (outcome.body as { available: number }).available)).toEqual([2, 1, 0]);
    await ledger.close();
  });

  it('Idempotency-Key within one batch: the same request again replays the first answer, another request with the key is refused', async () => {
    const ledger = ledgerPath();
    await ledger.run(addE3(5));
    const before = ledger.store.appends;
    const key = { key: 'k-1', fingerprint: 'create-a', status: 201 };
    const userId = randomUUID();
    const results = await Promise.allSettled([
      ledger.run(createUser('a', userId), key),
      ledger.run(createUser('a', userId), key),
      ledger.run(createUser('b'), { ...key, fingerprint: 'create-b' }),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const [first, second] = results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
    expect(first?.replayed).toBeUndefined();
    expect(second?.replayed).toMatchObject({ fingerprint: 'create-a', status: 201 });
    expect(second?.position).toBe(first?.position);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'IdempotencyKeyReused' });
    expect(ledger.store.appends - before).toBe(1);
    expect(await typesStored(ledger.store)).toEqual(['SubscriptionAdded', 'UserCreated']);
    // Remembered once stored: a later retry replays it from the state.
    const retry = await ledger.run(createUser('a', userId), key);
    expect(retry.replayed?.position).toBe(first?.position);
    await ledger.close();
  });

  it('a failed append fails every command of the batch and leaves the state as it was', async () => {
    const ledger = ledgerPath({ busyTimeoutMs: 50 });
    await ledger.run(addE3(1));
    const userId = randomUUID();
    // Another connection holds the write lock: the batch's append cannot commit.
    const blocker = new Database(join(ledger.dir, 'events.sqlite'));
    blocker.exec('BEGIN IMMEDIATE');
    const results = await Promise.allSettled([
      ledger.run(createUser('a', userId)),
      ledger.run(createUser('b')),
      ledger.run(assign(userId)),
    ]);
    blocker.exec('ROLLBACK');
    blocker.close();

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // One error for the whole batch. (Its class is not asserted: under jest, a later test file's better-sqlite3 module is not the one whose error class the addon throws.)
    const reasons = results.map((result) => (result as PromiseRejectedResult).reason as Error);
    expect(new Set(reasons).size).toBe(1);
    expect(reasons[0].message).toMatch(/database is locked/);
    // Had the cached state kept the failed batch, the name would be taken and the seat gone.
    await ledger.run(createUser('a', userId));
    await ledger.run(assign(userId));
    expect(await typesStored(ledger.store)).toEqual([
      'SubscriptionAdded',
      'UserCreated',
      'LicenseAssigned',
      'MailboxProvisioned',
    ]);
    await ledger.close();
  });

  it('another writer in between: the batch is undone, caught up and decided again, and every caller gets its answer', async () => {
    const ledger = ledgerPath();
    await ledger.run(addE3(2));
    // A second command path on the same file: another process, as far as the store can tell.
    const otherStore = SqliteEventStore.open(join(ledger.dir, 'events.sqlite'));
    const otherDb = openReadModelDatabase(join(ledger.dir, 'other-read-models.sqlite'));
    const other = createCommandPath({
      store: otherStore,
      readModels: otherDb,
      clock: new ManualClock(otherStore),
      catalog: loadCatalog(),
    });
    const userId = randomUUID();
    ledger.store.beforeNextAppend = () => other.executor.execute(createUser('z'), ledger.context());
    const outcomes = await Promise.all([ledger.run(createUser('a', userId)), ledger.run(assign(userId))]);

    // Had the state kept the first try's effects, the retry would find user a already there.
    expect(outcomes.map((outcome) => outcome.events[0].type)).toEqual(['UserCreated', 'LicenseAssigned']);
    expect(await typesStored(ledger.store)).toEqual([
      'SubscriptionAdded',
      'UserCreated',
      'UserCreated',
      'LicenseAssigned',
      'MailboxProvisioned',
    ]);
    await otherStore.close();
    otherDb.close();
    await ledger.close();
  });
});
