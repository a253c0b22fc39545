import {
  ExecuteLedgerCommand,
  ExecuteLedgerHandler,
  SystemClock,
  createCommandPath,
  createEventStore,
  loadCatalog,
} from '@app/application';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const context = { tenantId: 'bench', actor: { id: 'bench' }, correlationId: 'bench' };

export interface BenchLedger {
  /** Runs one command on tenant `bench` through the command handler (decide, append, read-model wait). */
  send(command: ExecuteLedgerCommand['command']): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The command path of the in-process probes on the data folder `dir`, its read models caught up and the projector started.
 * `api`: the API's store, SQLite behind crypto-shredding (E1), so new users' keys and sealed fields are paid for.
 * `bare`: the SQLite store alone, one stored event per one-event command, as Emmett's store is compared on.
 */
export async function openBenchLedger(dir: string, kind: 'api' | 'bare' = 'api'): Promise<BenchLedger> {
  const store =
    kind === 'api'
      ? createEventStore({ eventStore: 'sqlite', dataDir: dir })
      : SqliteEventStore.open(join(dir, 'events.sqlite'));
  const { executor, projector } = createCommandPath({
    store,
    readModels: openReadModelDatabase(join(dir, 'read-models.sqlite')),
    clock: new SystemClock(),
    catalog: loadCatalog(),
  });
  await projector.catchUp();
  projector.start();
  const handler = new ExecuteLedgerHandler(executor, projector, 30_000);
  return {
    send: (command) => handler.execute(new ExecuteLedgerCommand(command, context)),
    close: async () => {
      await projector.stop();
      await store.close();
    },
  };
}

/** A one-event command: a new user. */
export function createUser(): ExecuteLedgerCommand['command'] {
  const userId = randomUUID();
  return {
    type: 'CreateUser',
    data: { userId, userPrincipalName: `${userId}@bench.test`, displayName: 'U', usageLocation: 'US' },
  };
}
