import { LedgerEvent, LedgerEventMetadata, LedgerEventType } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { ReadModelDatabase } from './database';

/** A ledger event as the read models see it: the domain event plus where and by whom it was stored. */
export type ProjectedEvent = LedgerEvent & {
  eventId: string;
  streamId: string;
  revision: bigint;
  position: bigint;
  metadata: LedgerEventMetadata;
};

/**
 * A read model declared as data: the projector creates its tables, feeds it the events it handles
 * and rebuilds it from the start when its version changes.
 */
export interface Projection {
  name: string;
  version: number;
  /** The event types it reads; 'all' for every ledger event (the audit trail). */
  handles: readonly LedgerEventType[] | 'all';
  /** CREATE TABLE/INDEX IF NOT EXISTS statements. */
  schema: string;
  /** The tables it owns, dropped on rebuild. */
  tables: readonly string[];
  /** Prepares its statements once and returns the function that applies one event. */
  bind(db: ReadModelDatabase): (event: ProjectedEvent) => void;
}

export function handlesType(projection: Projection, type: string): boolean {
  return projection.handles === 'all' || (projection.handles as readonly string[]).includes(type);
}

/** A stored ledger event as its read models receive it. */
export function toProjected(event: RecordedEvent): ProjectedEvent {
  return {
    type: event.type,
    data: event.data,
    eventId: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    metadata: event.metadata as unknown as LedgerEventMetadata,
  } as ProjectedEvent;
}
