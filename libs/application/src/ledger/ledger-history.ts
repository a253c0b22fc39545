import { LedgerEvent, LedgerEventMetadata, ledgerStreamId } from '@app/domain';
import { EventStore, RecordedEvent, readStreamOrEmpty } from '@app/event-store';

/** A stored event of a tenant's ledger, as the domain event, its metadata and the record it came from. */
export interface StoredLedgerEvent {
  event: LedgerEvent;
  metadata: LedgerEventMetadata;
  recorded: RecordedEvent;
}

/**
 * A tenant's ledger in store order from a revision; empty while the tenant has no history. The one
 * place a tenant's stored events are read back as domain events (command path, audit state, CLI replay).
 */
export async function* readLedger(
  store: EventStore,
  tenantId: string,
  fromRevision: bigint | 'start' = 'start',
): AsyncGenerator<StoredLedgerEvent> {
  for await (const recorded of readStreamOrEmpty(store, ledgerStreamId(tenantId), { fromRevision })) {
    yield {
      event: recorded as unknown as LedgerEvent,
      metadata: recorded.metadata as unknown as LedgerEventMetadata,
      recorded,
    };
  }
}
