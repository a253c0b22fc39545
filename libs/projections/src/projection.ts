import {
  LedgerEvent,
  LedgerEventMetadata,
  LedgerEventSubject,
  LedgerEventType,
  LedgerEventTypeAbout,
  LEDGER_EVENT_TYPES,
  subjectOf,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { ReadModelDatabase } from './database';

/** A ledger event as the read models see it: the domain event plus where and by whom it was stored. */
export type ProjectedEvent<K extends LedgerEventType = LedgerEventType> = Extract<LedgerEvent, { type: K }> & {
  eventId: string;
  streamId: string;
  revision: bigint;
  position: bigint;
  metadata: LedgerEventMetadata;
};

/** What a read model does with an event type it has no use for: said, not left out. */
export const IGNORED = 'ignored';

/**
 * One decision per event type, keyed by every LedgerEventType but those about an ignored subject: a new
 * event type makes tsc name each read model that shows its subject and has not said how it handles it,
 * or that it ignores it.
 */
export type ProjectionHandlers<S, Ignored extends LedgerEventSubject = never> = {
  [K in Exclude<LedgerEventType, LedgerEventTypeAbout<Ignored>>]:
    ((statements: S, event: ProjectedEvent<K>) => void) | typeof IGNORED;
};

/** A read model as its author writes it: tables, the statements it prepares once, and its handlers. */
export interface ProjectionSpec<S, Ignored extends LedgerEventSubject = never> {
  name: string;
  version: number;
  /** CREATE TABLE/INDEX IF NOT EXISTS statements. */
  schema: string;
  /** The tables it owns, dropped on rebuild. */
  tables: readonly string[];
  prepare: (db: ReadModelDatabase) => S;
  /** Subjects it does not show: every event about them, today's and tomorrow's, is ignored. */
  ignores?: readonly Ignored[];
  on: ProjectionHandlers<S, Ignored>;
}

/**
 * A read model declared as data: the projector creates its tables, feeds it the events it handles
 * and rebuilds it from the start when its version changes.
 */
export interface Projection {
  name: string;
  version: number;
  /** The event types it reads (derived from its handlers). */
  handles: readonly LedgerEventType[];
  schema: string;
  tables: readonly string[];
  /** Prepares its statements once and returns the function that applies one event (ignored types do nothing). */
  bind(db: ReadModelDatabase): (event: ProjectedEvent) => void;
}

export function defineProjection<S, Ignored extends LedgerEventSubject = never>(
  spec: ProjectionSpec<S, Ignored>,
): Projection {
  const { name, version, schema, tables, prepare, ignores = [] } = spec;
  const on = spec.on as Partial<
    Record<LedgerEventType, ((statements: S, event: ProjectedEvent) => void) | typeof IGNORED>
  >;
  const ignored = new Set<LedgerEventSubject>(ignores);
  const handlerOf = (type: LedgerEventType) => (ignored.has(subjectOf(type)) ? IGNORED : (on[type] ?? IGNORED));
  return {
    name,
    version,
    schema,
    tables,
    handles: LEDGER_EVENT_TYPES.filter((type) => handlerOf(type) !== IGNORED),
    bind(db) {
      const statements = prepare(db);
      return (event) => {
        const handler = handlerOf(event.type);
        if (handler !== IGNORED) handler(statements, event);
      };
    },
  };
}

/** The same handler for every event type: for a read model that records every event (the audit trail). */
export function everyEvent<S>(handler: (statements: S, event: ProjectedEvent) => void): ProjectionHandlers<S> {
  return Object.fromEntries(LEDGER_EVENT_TYPES.map((type) => [type, handler])) as ProjectionHandlers<S>;
}

export function handlesType(projection: Projection, type: string): boolean {
  return (projection.handles as readonly string[]).includes(type);
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
