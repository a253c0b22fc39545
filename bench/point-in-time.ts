/**
 * Does GET /v1/audit/state?at= stay bounded as history grows? Appends BENCH_EVENTS events (default
 * 1,000,000) to one tenant on the embedded store, then times point-in-time folds: the first (cold,
 * builds the checkpoints), later ones at several instants, and the longest event-loop stall meanwhile.
 * Run: npm run bench:state   (figures go to stdout; nothing here is part of npm test)
 */
import { StateCheckpoints } from '@app/application';
import { ledgerStreamId } from '@app/domain';
import { EventData, SqliteEventStore } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const USERS = 20_000;
const BATCH = 5_000;
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
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-state-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
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

  const checkpoints = new StateCheckpoints(store);
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  const time = async (label: string, at: Date) => {
    const started = performance.now();
    const { events } = await checkpoints.foldAt('bench', at);
    console.log(
      `${label.padEnd(34)} ${(performance.now() - started).toFixed(1).padStart(9)} ms   events folded: ${events}`,
    );
  };
  await time('first query (cold, at the end)', new Date(T0 + EVENTS * 1000));
  for (const fraction of [0.99, 0.75, 0.5, 0.1])
    await time(`later query at ${fraction * 100}% of history`, new Date(T0 + Math.floor(EVENTS * fraction) * 1000));
  await time('later query at the end', new Date(T0 + EVENTS * 1000));
  stalls.disable();
  console.log(
    `longest event-loop stall during the folds: ${(stalls.max / 1e6).toFixed(1)} ms (p99 ${(stalls.percentile(99) / 1e6).toFixed(1)} ms)`,
  );
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
