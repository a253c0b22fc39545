/**
 * The Emmett SQLite event store (installed on demand in `modules`, see bench/support/emmett.ts) on the
 * one-event command workload of the latency probe: the same history of `events` events in one stream,
 * then `commands` CreateUser commands, each read, decided and evolved with License Ledger's own
 * decide/evolve through Emmett's CommandHandler. SQLITE_BUSY is retried and the retries counted.
 */
import { loadCatalog } from '@app/application';
import { LedgerEvent, LedgerState, decide, evolve, initialState } from '@app/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { historyEvents } from '../support/history';
import { probeArgs, report } from '../support/probe';

/** The part of Emmett this probe uses (its types live in the temporary folder, not in the project). */
interface EmmettStore {
  appendToStream(streamName: string, events: { type: string; data: object }[]): Promise<unknown>;
}
interface Pool {
  close(): Promise<void>;
}
type Handle = (store: EmmettStore, id: string, handle: (state: LedgerState) => LedgerEvent[]) => Promise<unknown>;
interface Emmett {
  CommandHandler(options: {
    evolve: (state: LedgerState, event: LedgerEvent) => LedgerState;
    initialState: () => LedgerState;
  }): Handle;
}
interface EmmettSqlite {
  SQLiteConnectionPool(options: { fileName: string }): Pool;
  getSQLiteEventStore(options: {
    fileName: string;
    pool: Pool;
    schema: { autoMigration: 'CreateOrUpdate' };
  }): EmmettStore;
}

const STREAM = 'ledger-bench';
const APPEND_BATCH = 1_000;

async function main(): Promise<void> {
  const { modules, events, commands } = probeArgs();
  const load = createRequire(join(modules, 'package.json'));
  const emmett = load('@event-driven-io/emmett') as Emmett;
  const sqlite = load('@event-driven-io/emmett-sqlite') as EmmettSqlite;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-emmett-'));
  const fileName = join(dir, 'events.sqlite');
  const pool = sqlite.SQLiteConnectionPool({ fileName });
  const store = sqlite.getSQLiteEventStore({ fileName, pool, schema: { autoMigration: 'CreateOrUpdate' } });
  let retries = 0;
  const retryingBusy = async <T>(operation: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await operation();
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        retries++;
      }
    }
  };
  let batch: { type: string; data: object }[] = [];
  for (const [type, data] of historyEvents(Number(events))) {
    batch.push({ type, data });
    if (batch.length === APPEND_BATCH) await retryingBusy(() => store.appendToStream(STREAM, batch.splice(0)));
  }
  if (batch.length > 0) await retryingBusy(() => store.appendToStream(STREAM, batch));
  batch = [];
  const handle = emmett.CommandHandler({ evolve: (state, event) => evolve(state, event), initialState });
  const catalog = loadCatalog();
  const started = performance.now();
  for (let i = 0; i < Number(commands); i++) {
    const userId = randomUUID();
    const command = {
      type: 'CreateUser',
      data: { userId, userPrincipalName: `${userId}@bench.test`, displayName: 'U', usageLocation: 'US' },
    } as const;
    await retryingBusy(() => handle(store, STREAM, (state) => decide(command, state, { now: new Date(), catalog })));
  }
  report({ perSecond: Number(commands) / ((performance.now() - started) / 1000), busyRetries: retries });
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
