import type { WrongExpectedVersionError } from './errors';

/**
 * The event store port. It mirrors EventStoreDB's semantics exactly (0-based stream revisions,
 * expected-revision checks, $all positions, catch-up subscriptions) so the embedded SQLite adapter
 * and the EventStoreDB adapter are interchangeable and pass one contract suite.
 */

/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** The stream must exist, at any revision. */
export const STREAM_EXISTS = 'stream_exists' as const;
/** No check at all. */
export const ANY = 'any' as const;

/** A revision is the 0-based index of the last event the writer saw in the stream. */
export type ExpectedRevision = typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY | bigint;

export type JsonObject = { [key: string]: unknown };

/** An event to append: the id is chosen by the writer (a UUID) so a retried append is recognisable. */
export interface EventData<TType extends string = string, TData extends JsonObject = JsonObject> {
  id: string;
  type: TType;
  data: TData;
  metadata: JsonObject;
}

/** An event as stored: what the writer gave plus what the store assigned. */
export interface RecordedEvent<TType extends string = string, TData extends JsonObject = JsonObject> extends EventData<
  TType,
  TData
> {
  streamId: string;
  /** 0-based index in its stream. */
  revision: bigint;
  /** Position in the global ($all) order; strictly increasing, not necessarily contiguous. */
  position: bigint;
  created: Date;
}

/** One stream's part of appendToStreams. */
export interface StreamAppend {
  streamId: string;
  events: readonly EventData[];
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event appended: the expected revision for the next append. */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Default: 'start' forwards, 'end' backwards. */
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Inclusive, as in EventStoreDB. Default: 'start' forwards, 'end' backwards. */
  fromPosition?: bigint | 'start' | 'end';
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /**
   * Exclusive, as in EventStoreDB: a checkpoint. The subscription first delivers every stored
   * event after it (catch-up), then each new event as it is appended (live), in $all order.
   */
  fromPosition?: bigint | 'start';
}

/** A live, catch-up subscription to $all. Iterate it; call unsubscribe() to stop it. */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  unsubscribe(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically: all events or none. A wrong expected revision throws
   * WrongExpectedVersionError and leaves the stream untouched and writable at its true revision.
   */
  appendToStream(
    streamId: string,
    events: readonly EventData[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;

  /**
   * Independent appends to several streams in one call, each with its own expected revision: one result per
   * append, in order, where a wrong expected revision is that append's WrongExpectedVersionError and stops no other.
   * SQLite writes them all in one transaction (one fsync); EventStoreDB receives them concurrently. Any other
   * failure rejects the call, possibly after some appends were stored: each is safe to retry (same event ids).
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<(AppendResult | WrongExpectedVersionError)[]>;

  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** Every event of every stream in global order (system events excluded). */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  /**
   * Deletes a stream (a no-op when it does not exist): it then reads as not found. EventStoreDB soft-deletes
   * (its events stay in the data files, and in $all, until a scavenge); SQLite removes the rows.
   */
  deleteStream(streamId: string): Promise<void>;

  /** Resolves when the store answers; rejects with a clear error when it does not. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
