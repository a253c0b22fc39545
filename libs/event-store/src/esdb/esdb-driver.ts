import type { EventData, ExpectedRevision } from '../event-store.port';

/** An event as either client resolves it (their types agree in shape, not in name). */
export interface ClientResolvedEvent {
  event?: {
    id: string;
    type: string;
    streamId: string;
    revision: bigint;
    created: Date;
    isJson: boolean;
    data: unknown;
    metadata?: unknown;
    position?: { commit: bigint };
  };
  commitPosition?: bigint;
}

/** A read in flight: its messages, and how to stop it before its end. */
export interface ClientRead extends AsyncIterable<ClientResolvedEvent> {
  cancel(): Promise<void>;
}

/** A catch-up subscription to $all as the client runs it (one stream of messages, no resubscription). */
export interface ClientSubscription extends AsyncIterable<ClientResolvedEvent> {
  once(event: 'confirmation', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

/** An error the client raised itself; `type` takes the same values in both clients. */
export interface ClientCommandError extends Error {
  type: string;
  streamName?: string;
  /** A wrong expected version's actual revision: 6.x names it actualVersion, 1.x actualState. */
  actualVersion?: bigint | 'no_stream';
  actualState?: bigint | 'no_stream';
  maxAppendSize?: number;
}

export interface ClientReadAllOptions {
  backwards: boolean;
  from: bigint | 'start' | 'end';
  maxCount: number;
}

export interface ClientReadStreamOptions {
  backwards: boolean;
  fromRevision?: bigint | 'start' | 'end' | undefined;
  maxCount?: number | undefined;
}

/** One connected client: the calls the adapter makes, in the port's terms. Appends and stream reads ask for the leader. */
export interface EsdbClient {
  /** `deadlineMs` is what the server is told; the adapter bounds the call on its side. */
  append(
    streamId: string,
    events: readonly EventData[],
    expectedRevision: ExpectedRevision,
    deadlineMs: number,
  ): Promise<{ nextExpectedRevision: bigint; position?: { commit: bigint } }>;
  /** A soft delete, whatever the stream's revision. */
  deleteStream(streamId: string): Promise<unknown>;
  readStream(streamId: string, options: ClientReadStreamOptions): ClientRead;
  readAll(options: ClientReadAllOptions): ClientRead;
  /** System events are filtered out by the server. */
  subscribeToAll(from: bigint | 'start'): ClientSubscription;
  dispose(): Promise<void>;
}

/**
 * What the adapter needs from a client library. `@eventstore/db-client` and `@kurrent/kurrentdb-client`
 * each provide one, and only the chosen one is loaded: both register the same global protobuf class
 * names, so they cannot share a process.
 */
export interface EsdbDriver {
  /** Names the server in messages. */
  readonly product: string;
  connect(connectionString: string): EsdbClient;
  /** The client's own error for `raw` (raw gRPC errors converted), or undefined when it is not one. */
  commandError(raw: unknown): ClientCommandError | undefined;
}

/** The port speaks bigint positions (the commit position); the clients want {commit, prepare}. */
export function toClientPosition(position: bigint) {
  return { commit: position, prepare: position };
}
