/**
 * Does a command's cost grow with the tenant's history? Builds histories of increasing length on the
 * embedded store, then times the same command mix at each length, and a cold start with a snapshot.
 * Run: npm run bench   (figures go to stdout; nothing here is part of npm test)
 */
import { SystemClock, createCommandPath, loadCatalog } from '@app/application';
import { SqliteEventStore, headPosition } from '@app/event-store';
import { openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const CHECKPOINTS = (process.env.BENCH_HISTORY ?? "1000,10000,50000").split(",").map(Number);
const SAMPLE = 300;
const context = { tenantId: 'bench', actor: { id: 'bench' }, correlationId: 'bench' };

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const parts = { store, readModels: openReadModelDatabase(join(dir, 'read-models.sqlite')), clock: new SystemClock(), catalog: loadCatalog() };
  const { executor } = createCommandPath(parts);
  await executor.execute({ type: 'AddSubscription', data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE', 'OFFICE'], seats: 1_000_000 } }, context);

  let commands = 1;
  const timings: number[] = [];
  const timed = async (command: Parameters<typeof executor.execute>[0]) => {
    const started = performance.now();
    await executor.execute(command, context);
    timings.push((performance.now() - started) * 1000);
    commands += 1;
  };
  const step = async () => {
    const userId = randomUUID();
    await timed({ type: 'CreateUser', data: { userId, userPrincipalName: `${userId}@bench.test`, displayName: 'U', usageLocation: 'US' } });
    await timed({ type: 'AssignLicense', data: { userId, addLicenses: [{ skuId: 'E3' }], removeLicenses: [] } });
  };

  // Each command includes a durable (fsync'd) SQLite commit, so the disk dominates; the median is the steady cost.
  console.log(`history (commands) | events | median µs | p95 µs   (over the next ${SAMPLE} commands)`);
  for (const target of CHECKPOINTS) {
    while (commands < target) await step();
    timings.length = 0;
    while (timings.length < SAMPLE) await step();
    timings.sort((a, b) => a - b);
    const at = (q: number) => timings[Math.floor(q * (timings.length - 1))].toFixed(0);
    const events = (await headPosition(store)).toString();
    console.log(`${String(commands).padStart(18)} | ${events.padStart(6)} | ${at(0.5).padStart(9)} | ${at(0.95).padStart(6)}`);
  }

  // Cold start: a new process folds the tenant from its latest snapshot plus the events after it.
  const coldStarted = performance.now();
  const ledger = await createCommandPath(parts).ledgers.load('bench');
  console.log(`cold load of ${ledger.state.users.size} users at revision ${ledger.revision}: ${(performance.now() - coldStarted).toFixed(0)} ms (with snapshot)`);
  const replayStarted = performance.now();
  // A read-model file without snapshots: the whole history is folded.
  await createCommandPath({ ...parts, readModels: openReadModelDatabase(join(dir, 'no-snapshots.sqlite')) }).ledgers.load('bench');
  console.log(`cold load replaying the whole history: ${(performance.now() - replayStarted).toFixed(0)} ms (no snapshot)`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
