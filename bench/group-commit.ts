/**
 * Group commit and snapshot stalls, each figure beside its anchor measured in the same run:
 * - raw better-sqlite3 ceiling: one transaction per command (WAL, synchronous=FULL, read head + insert);
 * - in-process commands/s through the executor (decide, one append per batch, read models applied) with 1 and 32 callers;
 * - the longest command (stall included) while a big tenant crosses snapshot points, against what serialising its whole state costs.
 * Run: TS_NODE_PROJECT=tsconfig.json node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/group-commit.ts
 */
import { SystemClock, createCommandPath, loadCatalog } from '@app/application';
import { LedgerCommand, copyState } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase } from '@app/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 2000);
const BIG_TENANT_USERS = Number(process.env.BENCH_USERS ?? 50_000);

function rawCeiling(): number {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'raw-')), 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT, revision INTEGER, data TEXT, UNIQUE (stream_id, revision))',
  );
  const head = db.prepare('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').pluck();
  const insert = db.prepare('INSERT INTO events (stream_id, revision, data) VALUES (?, ?, ?)');
  const one = db.transaction((i: number) => {
    const revision = (head.get('s') as number | undefined) ?? -1;
    insert.run('s', revision + 1, JSON.stringify({ userId: randomUUID(), n: i }));
  });
  const started = performance.now();
  for (let i = 0; i < COMMANDS; i++) one.immediate(i);
  return COMMANDS / ((performance.now() - started) / 1000);
}

function commandPath() {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-group-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const path = createCommandPath({
    store,
    readModels: openReadModelDatabase(join(dir, 'read-models.sqlite')),
    clock: new SystemClock(),
    catalog: loadCatalog(),
  });
  path.projector.start();
  return { ...path, store };
}

const createUser = (): LedgerCommand => {
  const userId = randomUUID();
  return {
    type: 'CreateUser',
    data: { userId, userPrincipalName: `${userId}@bench.test`, displayName: 'U', usageLocation: 'US' },
  };
};

/** Commands/s with `callers` concurrent callers, each waiting for the read models like the HTTP path does. */
async function inProcess(callers: number): Promise<number> {
  const { executor, projector, store } = commandPath();
  const context = { tenantId: 't', actor: { id: 'bench' }, correlationId: 'bench' };
  let next = 0;
  const caller = async () => {
    while (next++ < COMMANDS) {
      const outcome = await executor.execute(createUser(), context);
      await projector.waitFor(outcome.position!);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, caller));
  const rate = COMMANDS / ((performance.now() - started) / 1000);
  await projector.stop();
  await store.close();
  return rate;
}

/** The longest event-loop stall while a tenant of BIG_TENANT_USERS users takes 3,000 more commands (three snapshot points). */
async function snapshotStall(): Promise<{ stallMs: number; fullSerialiseMs: number; snapshots: number }> {
  const { executor, store, ledgers } = commandPath();
  const context = { tenantId: 'big', actor: { id: 'bench' }, correlationId: 'bench' };
  for (let done = 0; done < BIG_TENANT_USERS; done += 64)
    await Promise.all(Array.from({ length: 64 }, () => executor.execute(createUser(), context)));
  // One caller at a time: the longest command is the longest the main thread was held by this tenant (fsync included).
  let longest = 0;
  for (let i = 0; i < 3000; i++) {
    const started = performance.now();
    await executor.execute(createUser(), context);
    longest = Math.max(longest, performance.now() - started);
  }
  // The anchor: what a snapshot of the whole state costs on the main thread (copy + JSON), as before this change.
  const state = (await ledgers.load('big')).state;
  const started = performance.now();
  JSON.stringify({
    users: [...copyState(state).users.values()].map((user) => ({ ...user, licenses: [...user.licenses] })),
  });
  const fullSerialiseMs = performance.now() - started;
  await store.close();
  return { stallMs: longest, fullSerialiseMs, snapshots: 3 };
}

async function main(): Promise<void> {
  const raw = rawCeiling();
  const one = await inProcess(1);
  const many = await inProcess(32);
  console.log(`raw single-transaction FULL ceiling: ${raw.toFixed(0)} commands/s (${COMMANDS} commands)`);
  console.log(`in-process, 1 caller:   ${one.toFixed(0)} commands/s = ${(one / raw).toFixed(2)}x the ceiling`);
  console.log(`in-process, 32 callers: ${many.toFixed(0)} commands/s = ${(many / raw).toFixed(2)}x the ceiling`);
  const stall = await snapshotStall();
  console.log(
    `tenant of ${BIG_TENANT_USERS} users, 3,000 commands across ${stall.snapshots} snapshot points: longest command (stall included) ${stall.stallMs.toFixed(1)} ms; ` +
      `a whole-state copy + JSON of the same tenant takes ${stall.fullSerialiseMs.toFixed(1)} ms (${(stall.stallMs / stall.fullSerialiseMs).toFixed(2)}x)`,
  );
}

void main();
