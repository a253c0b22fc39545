import { EsdbEventStore, EventStore, SqliteEventStore } from '@app/event-store';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { LedgerConfig } from '../config';
import { CryptoShreddingEventStore } from '../erasure/crypto-shredding-event-store';

/** The adapter LEDGER_EVENT_STORE picks, behind crypto-shredding (E1): personal data is stored encrypted on either. */
export function createEventStore(config: LedgerConfig): CryptoShreddingEventStore {
  return new CryptoShreddingEventStore(createAdapter(config));
}

/** Both adapters honour the same port and pass the same contract suite. */
function createAdapter(config: LedgerConfig): EventStore {
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
