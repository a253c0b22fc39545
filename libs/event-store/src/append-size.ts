import type { EventData } from './event-store.port';

/** EventStoreDB's default MaxAppendSize (24.10, 25.0); the SQLite adapter enforces the same. */
export const MAX_APPEND_SIZE = 1_048_576;

/** Bytes of event data in one append, counted as EventStoreDB does: JSON data and metadata in UTF-8, the type twice (UTF-16). */
export function appendSize(events: readonly Pick<EventData, 'type' | 'data' | 'metadata'>[]): number {
  let size = 0;
  for (const e of events) {
    size +=
      Buffer.byteLength(JSON.stringify(e.data)) +
      Buffer.byteLength(JSON.stringify(e.metadata ?? {})) +
      e.type.length * 2;
  }
  return size;
}
