import { EsdbEventStore, EventStore, SqliteEventStore } from '@app/event-store';
import { join } from 'node:path';
import { LedgerConfig } from '../config';

/** LEDGER_EVENT_STORE picks the adapter; both honour the same port and pass the same contract suite. */
export function createEventStore(config: LedgerConfig): EventStore {
  if (config.eventStore === 'esdb') return new EsdbEventStore(config.eventStoreConnectionString!);
  return SqliteEventStore.open(join(config.dataDir, 'events.sqlite'));
}
