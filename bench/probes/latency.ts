/**
 * Command latency on a tenant with `events` events of history: the tenant's first load is left out (the first command
 * replays the history, the second waits for the first full snapshot save; the snapshot-stall probe measures what that
 * load does to the event loop), then `commands` one-event commands are timed (each, and their rate).
 * `--store=bare` runs them on the SQLite store without crypto-shredding (E1), as the Emmett comparison does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { userIdOf, writeHistory } from '../support/history';
import { createUser, openBenchLedger } from '../support/ledger';
import { probeArgs, report } from '../support/probe';
import { quantile } from '../support/stats';

async function main(): Promise<void> {
  const { events, commands, store = 'api' } = probeArgs();
  if (store !== 'api' && store !== 'bare') throw new Error(`--store must be api or bare, not ${store}`);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-latency-'));
  await writeHistory(join(dir, 'events.sqlite'), 'bench', Number(events));
  const ledger = await openBenchLedger(dir, store);
  await ledger.send({ type: 'UpdateUser', data: { userId: userIdOf(1), displayName: 'warm' } });
  await ledger.send({ type: 'UpdateUser', data: { userId: userIdOf(1), displayName: 'warmer' } });
  const timings: number[] = [];
  const startedAll = performance.now();
  for (let i = 0; i < Number(commands); i++) {
    const started = performance.now();
    await ledger.send(createUser());
    timings.push((performance.now() - started) * 1000);
  }
  const perSecond = Number(commands) / ((performance.now() - startedAll) / 1000);
  timings.sort((a, b) => a - b);
  report({ perSecond, p50: quantile(timings, 0.5), p99: quantile(timings, 0.99), max: timings[timings.length - 1] });
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
