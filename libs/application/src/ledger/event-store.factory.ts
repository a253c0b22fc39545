import { EsdbEventStore, EventStore, SqliteEventStore } from '@app/event-store';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { LedgerConfig } from '../config';

/** LEDGER_EVENT_STORE picks the adapter (esdb and kurrentdb: the same adapter on either client); all pass one contract suite. */
export function createEventStore(config: LedgerConfig): EventStore {
  if (config.eventStore !== 'sqlite') {
    const logger = new Logger(config.eventStore === 'esdb' ? 'EventStoreDB' : 'KurrentDB');
    return new EsdbEventStore(config.eventStoreConnectionString!, {
      client: config.eventStore,
      resubscribe: {
        onDrop: (error, attempt) =>
          logger.warn(`Subscription to $all dropped (attempt ${attempt}); resubscribing from the checkpoint: ${(error as Error).message}`),
      },
    });
  }
  return SqliteEventStore.open(join(config.dataDir, 'events.sqlite'));
}
