import { EventData, ReadStreamOptions, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { randomUUID } from 'node:crypto';

/** A ledger event with the metadata the command path stores, for tests that write history straight into a store. */
export function storedLedgerEvent(tenantId: string, type: string, data: object, occurredAt = new Date()): EventData {
  return {
    id: randomUUID(),
    type,
    data: data as EventData['data'],
    metadata: {
      actor: { id: 'alice' },
      tenantId,
      occurredAt: occurredAt.toISOString(),
      correlationId: 'c',
      causationId: 'c',
    },
  };
}

/** The real SQLite store, counting the ledger events read back: how much of the history a load replays. */
export class CountingStore extends SqliteEventStore {
  ledgerReads = 0;

  override async *readStream(streamId: string, options?: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    for await (const event of super.readStream(streamId, options)) {
      if (streamId.startsWith('ledger-')) this.ledgerReads++;
      yield event;
    }
  }
}
