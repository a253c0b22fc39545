/**
 * Does GET /v1/audit/state?at= stay bounded as history grows, without holding the event loop? Appends
 * BENCH_EVENTS events (default 1,000,000) to one tenant of a SQLite data folder through the crypto-shredding
 * store (as the API writes), then asks the API's point-in-time worker thread (AuditStateWorker): the first
 * query (cold: builds the checkpoints), later ones at several instants, then BENCH_PARALLEL (default 30) at
 * once; each with how busy this (the main) thread was and the stalls of its event loop meanwhile, the
 * longest against the longest of an idle stretch as long. For comparison, the same parallel queries on
 * the main thread: the fold in EventLoopTurns (as before the worker), and each query in one go.
 * Run: npm run bench:state   (figures go to stdout; nothing here is part of npm test)
 */
import { AuditStateWorker, EventLoopTurns, StateCheckpoints, auditStateView, createEventStore } from '@app/application';
import { ledgerStreamId } from '@app/domain';
import { EventData } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 30);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const USERS = 20_000;
const BATCH = 2_000;
const T0 = Date.parse('2020-01-01T00:00:00.000Z');
const stream = ledgerStreamId('bench');

function eventAt(index: number): EventData {
  const metadata = {
    actor: { id: 'bench' },
    tenantId: 'bench',
    occurredAt: new Date(T0 + index * 1000).toISOString(),
    correlationId: 'b',
    causationId: 'b',
  };
  const id = randomUUID();
  if (index === 0)
    return {
      id,
      type: 'SubscriptionAdded',
      data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1_000_000 },
      metadata,
    };
  // A realistic state: 20,000 users with a license each, then seat churn for the rest of the history.
  if (index <= USERS * 2) {
    const userId = `00000000-0000-4000-8000-${String(Math.ceil(index / 2)).padStart(12, '0')}`;
    return index % 2 === 1
      ? {
          id,
          type: 'UserCreated',
          data: {
            userId,
            userPrincipalName: `${userId}@bench.test`,
            displayName: 'U',
            usageLocation: 'US',
            aliases: [],
          },
          metadata,
        }
      : { id, type: 'LicenseAssigned', data: { userId, skuId: 'E3', disabledPlans: [] }, metadata };
  }
  return { id, type: index % 2 === 0 ? 'SeatsPurchased' : 'SeatsExpired', data: { skuId: 'E3', count: 1 }, metadata };
}

async function main(): Promise<void> {
  const config = { eventStore: 'sqlite' as const, dataDir: mkdtempSync(join(tmpdir(), 'ledger-bench-state-')) };
  const store = createEventStore(config);
  const appendStarted = performance.now();
  for (let start = 0; start < EVENTS; start += BATCH) {
    await store.appendToStream(
      stream,
      Array.from({ length: Math.min(BATCH, EVENTS - start) }, (_, i) => eventAt(start + i)),
    );
  }
  console.log(
    `history: ${EVENTS.toLocaleString('en')} events appended in ${((performance.now() - appendStarted) / 1000).toFixed(1)} s`,
  );
  const instant = (fraction: number) => new Date(T0 + Math.floor(EVENTS * fraction) * 1000);
  const table: string[] = [];
  const row = (figure: string, run: Stalls, anchor?: Stalls) =>
    table.push(
      `| ${figure} | ${run.ms.toFixed(0)} | ${(run.busy * 100).toFixed(0)} % | ${run.p99Ms.toFixed(1)} / ${run.maxMs.toFixed(1)} | ` +
        (anchor
          ? `${anchor.p99Ms.toFixed(1)} / ${anchor.maxMs.toFixed(1)} | ${(run.p99Ms / anchor.p99Ms).toFixed(1)}× / ${(run.maxMs / anchor.maxMs).toFixed(1)}× |`
          : '— | — |'),
    );

  const worker = new AuditStateWorker(config);
  row(
    'worker: first query (cold, at the end; thread start included)',
    await withStalls(() => worker.answer('bench', instant(1))),
  );
  for (const fraction of [0.99, 0.75, 0.5, 0.1, 1])
    row(
      `worker: later query at ${fraction * 100}% of history`,
      await withStalls(() => worker.answer('bench', instant(fraction))),
    );
  const bytes = (await worker.answer('bench', instant(1))).json.length;

  // The same answers made on this (the main) thread, from checkpoints of its own, as before the worker:
  // the fold in 4 ms turns, then the copies, the view and its JSON in one go; and all of it in one go.
  const onMainThread = (turns: EventLoopTurns) => {
    const checkpoints = new StateCheckpoints(store, undefined, turns);
    return async (at: Date) => JSON.stringify(auditStateView(at, (await checkpoints.foldAt('bench', at)).state));
  };
  // One variant after the other, so a main-thread variant's checkpoints (its heap) are gone before the next
  // one; rounds, each with its own anchor: the longest stall of an idle stretch as long (GC, the machine's load).
  const variants = [
    { label: 'worker thread (the API)', answer: () => (at: Date) => worker.answer('bench', at) },
    { label: 'main thread, fold in 4 ms turns', answer: () => onMainThread(new EventLoopTurns()) },
    { label: 'main thread, each query in one go', answer: () => onMainThread(new EventLoopTurns(Infinity)) },
  ];
  for (const variant of variants) {
    const answer = variant.answer();
    await answer(instant(1));
    for (let round = 1; round <= ROUNDS; round++) {
      const run = await withStalls(() => Promise.all(spread(PARALLEL).map((fraction) => answer(instant(fraction)))));
      const idle = await withStalls(() => sleep(run.ms));
      row(`${variant.label}: ${PARALLEL} parallel queries (all done), round ${round}`, run, idle);
    }
  }
  await worker.close();

  console.log(`answer at the end: ${(bytes / 1e6).toFixed(1)} MB of JSON`);
  console.log(
    '| figure | time ms | main thread busy | stall p99 / max ms | anchor: idle stall p99 / max ms | ratio p99 / max |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const line of table) console.log(line);
  await store.close();
  rmSync(config.dataDir, { recursive: true, force: true });
}

interface Stalls {
  ms: number;
  /** Share of the wall time this thread's event loop was busy (performance.eventLoopUtilization). */
  busy: number;
  p99Ms: number;
  maxMs: number;
}

/** The work's wall time, how busy this thread was, and its event loop's stalls meanwhile (monitorEventLoopDelay, 1 ms resolution). */
async function withStalls(work: () => Promise<unknown>): Promise<Stalls> {
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  const utilization = performance.eventLoopUtilization();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const busy = performance.eventLoopUtilization(utilization).utilization;
  stalls.disable();
  return { ms, busy, p99Ms: stalls.percentile(99) / 1e6, maxMs: stalls.max / 1e6 };
}

/** n instants spread over the history, the last at its end. */
function spread(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i + 1) / n);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
