import { EsdbEventStore, EventStore, SqliteEventStore } from '@app/event-store';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { LedgerConfig } from '../config';

/** LEDGER_EVENT_STORE picks the adapter; both honour the same port and pass the same contract suite. */
export function createEventStore(config: LedgerConfig): EventStore {
  if (config.eventStore === 'esdb') {
    const logger = new Logger('EventStoreDB');
    return new EsdbEventStore(config.eventStoreConnectionString!, {
      resubscribe: {
        onDrop: (error, attempt) =>
          logger.warn(`Subscription to $all dropped (attempt ${attempt}); resubscribing from the checkpoint: ${(error as Error).message}`),
      },
    });
  }
  return SqliteEventStore.open(join(config.dataDir, 'events.sqlite'));
}
