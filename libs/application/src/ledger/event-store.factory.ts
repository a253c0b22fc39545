import { EsdbEventStore, EventStore, SqliteEventStore } from '@app/event-store';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { LedgerConfig } from '../config';
import { CryptoShreddingEventStore } from '../erasure/crypto-shredding-event-store';

/** What createEventStore reads of the config (a worker thread gets just this). */
export type EventStoreConfig = Pick<LedgerConfig, 'eventStore' | 'eventStoreConnectionString' | 'dataDir'>;

/** The adapter LEDGER_EVENT_STORE picks, behind crypto-shredding (E1): personal data is stored encrypted on either. */
export function createEventStore(config: EventStoreConfig): CryptoShreddingEventStore {
  return new CryptoShreddingEventStore(createAdapter(config));
}

/** esdb and kurrentdb: the same adapter on either client; every adapter passes one contract suite. */
function createAdapter(config: EventStoreConfig): EventStore {
  if (config.eventStore !== 'sqlite') {
    const logger = new Logger(config.eventStore === 'esdb' ? 'EventStoreDB' : 'KurrentDB');
    return new EsdbEventStore(config.eventStoreConnectionString!, {
      client: config.eventStore,
      resubscribe: {
        onDrop: (error, attempt) =>
          logger.warn(
            `Subscription to $all dropped (attempt ${attempt}); resubscribing from the checkpoint: ${(error as Error).message}`,
          ),
      },
    });
  }
  return SqliteEventStore.open(join(config.dataDir, 'events.sqlite'));
}
