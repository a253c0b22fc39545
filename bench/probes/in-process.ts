/** Commands through the command handler (decide, append, read-model wait) in one process, with `callers` concurrent callers: one-event CreateUser commands on one tenant. */
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
import { probeArgs, report } from '../support/probe';

const context = { tenantId: 'bench', actor: { id: 'bench' }, correlationId: 'bench' };

async function main(): Promise<void> {
  const { callers, seconds } = probeArgs();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-inproc-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const { executor, projector } = createCommandPath({
    store,
    readModels: openReadModelDatabase(join(dir, 'read-models.sqlite')),
    clock: new SystemClock(),
    catalog: loadCatalog(),
  });
  projector.start();
  const handler = new ExecuteLedgerHandler(executor, projector, 30_000);
  const send = (command: ExecuteLedgerCommand['command']) =>
    handler.execute(new ExecuteLedgerCommand(command, context));
  await send({
    type: 'AddSubscription',
    data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE', 'OFFICE'], seats: 1_000_000 },
  });
  const deadline = performance.now() + Number(seconds) * 1000;
  const started = performance.now();
  let done = 0;
  const caller = async () => {
    while (performance.now() < deadline) {
      const userId = randomUUID();
      await send({
        type: 'CreateUser',
        data: { userId, userPrincipalName: `${userId}@bench.test`, displayName: 'U', usageLocation: 'US' },
      });
      done++;
    }
  };
  await Promise.all(Array.from({ length: Number(callers) }, caller));
  report({ perSecond: done / ((performance.now() - started) / 1000) });
  await projector.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
