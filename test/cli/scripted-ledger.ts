import { CryptoShreddingEventStore, createCommandPath, loadCatalog } from '@app/application';
import { Actor, LedgerCommand } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ScenarioClock } from '../../apps/cli/src/demo/scenario-clock';

/** Writes commands into a data folder's store through the real command path (personal data sealed, E1), at instants the test sets. */
export function scriptedLedger(dataDir: string, tenantId = 'default') {
  const store = new CryptoShreddingEventStore(SqliteEventStore.open(join(dataDir, 'events.sqlite')));
  const snapshots = openReadModelDatabase(join(dataDir, 'snapshots.sqlite'));
  const clock = new ScenarioClock(new Date(0));
  const { executor } = createCommandPath({ store, readModels: snapshots, clock, catalog: loadCatalog() });
  return {
    store,
    clock,
    run: (actor: Actor, command: LedgerCommand, at?: string) => {
      if (at) clock.set(new Date(at));
      return executor.execute(command, { tenantId, actor, correlationId: randomUUID() });
    },
    close: async () => {
      snapshots.close();
      await store.close();
    },
  };
}
