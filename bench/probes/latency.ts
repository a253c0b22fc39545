/** Command latency on a tenant with `events` events of history: the first (cold) command is left out, then `commands` one-event commands are timed (each, and their rate). */
import {
  ExecuteLedgerCommand,
  ExecuteLedgerHandler,
  SystemClock,
  createCommandPath,
  loadCatalog,
} from '@app/application';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { userIdOf, writeHistory } from '../support/history';
import { probeArgs, report } from '../support/probe';
import { quantile } from '../support/stats';

const context = { tenantId: 'bench', actor: { id: 'bench' }, correlationId: 'bench' };

async function main(): Promise<void> {
  const { events, commands } = probeArgs();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-latency-'));
  await writeHistory(join(dir, 'events.sqlite'), 'bench', Number(events));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const readModels = openReadModelDatabase(join(dir, 'read-models.sqlite'));
  const { executor, projector } = createCommandPath({
    store,
    readModels,
    clock: new SystemClock(),
    catalog: loadCatalog(),
  });
  await projector.catchUp();
  projector.start();
  const handler = new ExecuteLedgerHandler(executor, projector, 30_000);
  const send = (command: ExecuteLedgerCommand['command']) =>
    handler.execute(new ExecuteLedgerCommand(command, context));
  await send({ type: 'UpdateUser', data: { userId: userIdOf(1), displayName: 'warm' } });
  const timings: number[] = [];
  const startedAll = performance.now();
  for (let i = 0; i < Number(commands); i++) {
    const userId = randomUUID();
    const started = performance.now();
    await send({
      type: 'CreateUser',
      data: { userId, userPrincipalName: `${userId}@bench.test`, displayName: 'U', usageLocation: 'US' },
    });
    timings.push((performance.now() - started) * 1000);
  }
  const perSecond = Number(commands) / ((performance.now() - startedAll) / 1000);
  timings.sort((a, b) => a - b);
  report({ perSecond, p50: quantile(timings, 0.5), p99: quantile(timings, 0.99), max: timings[timings.length - 1] });
  await projector.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
