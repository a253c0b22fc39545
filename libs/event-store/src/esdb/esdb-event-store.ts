import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedVersionError } from '../errors';
import {
  ANY,
  type AllSubscription,
  type AppendResult,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeToAllOptions,
} from '../event-store.port';
import { EsdbAllSubscription, type ResubscribeOptions } from './esdb-all-subscription';
import { EsdbConnection, EsdbDeadlineError } from './esdb-connection';
import type { ClientRead, ClientReadAllOptions, ClientResolvedEvent, EsdbClient } from './esdb-driver';
import {
  allPositionOf,
  isNotLeader,
  isSystemEvent,
  isUnavailable,
  toPortError,
  toRecordedEvent,
  type ErrorContext,
} from './esdb-mapping';
import { loadDriver, type EsdbClientLibrary } from './load-driver';

export interface EsdbEventStoreOptions {
  /**
   * The client library (default `esdb`, `@eventstore/db-client` 6.x with `esdb://`); `kurrentdb` is
   * `@kurrent/kurrentdb-client` 1.x with `kurrentdb://`. Only the chosen one is loaded.
   */
  client?: EsdbClientLibrary;
  /** ping() gives up after this long (default 2 s), so health checks answer instead of hanging. */
  pingTimeoutMs?: number;
  /**
   * Each append (the ServerFeatures probe included) and each wait for a read's next message gives up
   * after this long (default 10 s) with EventStoreUnavailableError, and the client is recreated.
   */
  callTimeoutMs?: number;
  resubscribe?: ResubscribeOptions;
  /** Events per $all read request (default 500); system events count against it, so pages may yield fewer. */
  readPageSize?: number;
}

/** The production event store: EventStoreDB / KurrentDB over gRPC through either client library, JSON events. */
export class EsdbEventStore implements EventStore {
  private readonly connection: EsdbConnection;
  private readonly subscriptions = new Set<EsdbAllSubscription>();
  private readonly callTimeoutMs: number;

  constructor(
    connectionString: string,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    this.connection = new EsdbConnection(loadDriver(options.client ?? 'esdb'), connectionString);
    this.callTimeoutMs = options.callTimeoutMs ?? 10_000;
  }

  async appendToStream(
    streamId: string,
    events: readonly EventData[],
    { expectedRevision = ANY }: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    validateEvents(streamId, events);
    const append = () =>
      this.connection.bounded(`an append to ${streamId}`, this.callTimeoutMs, async (client) => {
        try {
          return await client.append(streamId, events, expectedRevision, SERVER_SIDE_APPEND_DEADLINE_MS);
        } catch (error) {
          throw this.portError(error, { streamId, expectedRevision });
        }
      });
    // One retry is safe (EventStoreDB recognises the same event ids): after a lost connection, or after
    // NotLeader, once the client has switched to the leader it named. A missed deadline is not retried.
    const result = await append().catch(async (error: unknown) => {
      if (!isUnavailable(error) || error instanceof EsdbDeadlineError) throw error;
      if (isNotLeader(error)) await new Promise(setImmediate);
      return append();
    });
    // An empty append only checks the expectation; the client then reports "no stream" as revision 0.
    if (events.length === 0 || !result.position) return this.head(streamId);
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position.commit };
  }

  /** Each is an ordinary append; they are sent together, so the client pipelines them over its one connection. */
  appendToStreams(appends: readonly StreamAppend[]): Promise<(AppendResult | WrongExpectedVersionError)[]> {
    return Promise.all(
      appends.map(({ streamId, events, expectedRevision }) =>
        this.appendToStream(streamId, events, { expectedRevision }).catch((error: unknown) => {
          if (error instanceof WrongExpectedVersionError) return error;
          throw error;
        }),
      ),
    );
  }

  /** A soft delete: EventStoreDB keeps the events in its chunks (and in $all) until a scavenge removes them. */
  async deleteStream(streamId: string): Promise<void> {
    await this.connection.bounded(`a delete of ${streamId}`, this.callTimeoutMs, async (client) => {
      try {
        await client.deleteStream(streamId);
      } catch (error) {
        const mapped = this.portError(error, { streamId });
        if (!(mapped instanceof StreamNotFoundError)) throw mapped;
      }
    });
  }

  /** Asks for the leader: commands decide on what this returns, and a follower may lag behind. */
  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const read = (client: EsdbClient) =>
      client.readStream(streamId, {
        backwards: options.direction === 'backwards',
        fromRevision: options.fromRevision,
        maxCount: options.maxCount,
      });
    let delivered = false;
    try {
      for await (const resolved of this.consume(read, streamId)) {
        delivered = true;
        yield toRecordedEvent(resolved);
      }
    } catch (error) {
      // A follower answered: the client now points at the leader it named, so ask once more.
      if (delivered || !isNotLeader(error)) throw error;
      await new Promise(setImmediate);
      for await (const resolved of this.consume(read, streamId)) yield toRecordedEvent(resolved);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    // EventStoreDB reads $all backwards from a position exclusively; the port promises inclusive.
    if (backwards && typeof from === 'bigint') {
      const at = await this.eventAt(from);
      if (at) {
        yield at;
        if (--remaining === 0) return;
      }
    }
    // Pages with a server-side maxCount: an unbounded read makes the server stream the whole log
    // until the client cancels, which every short read (readiness, the head) would pay for.
    let fromPosition: ClientReadAllOptions['from'] = from;
    // Forward reads include their starting position, which the previous page already delivered.
    let alreadyRead: bigint | undefined;
    for (;;) {
      const pageSize = Math.min(
        this.options.readPageSize ?? READ_PAGE_SIZE,
        remaining + (alreadyRead === undefined ? 0 : 1),
      );
      const page = fromPosition;
      let received = 0;
      let last: bigint | undefined;
      // The client has no server-side filter for reads: system events are skipped here.
      for await (const resolved of this.consume((client) =>
        client.readAll({ backwards, from: page, maxCount: pageSize }),
      )) {
        received++;
        last = allPositionOf(resolved);
        if (last === alreadyRead || isSystemEvent(resolved)) continue;
        yield toRecordedEvent(resolved);
        if (--remaining === 0) return;
      }
      if (received < pageSize || last === undefined) return;
      fromPosition = last;
      alreadyRead = backwards ? undefined : last;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new EsdbAllSubscription(
      this.connection,
      options.fromPosition ?? 'start',
      this.options.resubscribe,
      (stopped) => this.subscriptions.delete(stopped),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** A cheap read bounded by a deadline: the read of the last $all event. */
  async ping(): Promise<void> {
    const timeoutMs = this.options.pingTimeoutMs ?? 2_000;
    try {
      await this.connection.bounded('a ping', timeoutMs, (client) =>
        drain(client.readAll({ backwards: true, from: 'end', maxCount: 1 })),
      );
    } catch (error) {
      const mapped = this.portError(error);
      if (mapped instanceof EventStoreUnavailableError) throw mapped;
      throw new EventStoreUnavailableError(
        `${this.connection.driver.product} is unavailable: ${(error as Error).message}`,
        error,
      );
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    await this.connection.close();
  }

  /**
   * Iterates a client read, mapping its errors. Each wait for the next message is bounded (a hung
   * node fails the read and the client is recreated); a reader that stops early cancels the call and drains it.
   */
  private async *consume(
    open: (client: EsdbClient) => ClientRead,
    streamId?: string,
  ): AsyncGenerator<ClientResolvedEvent> {
    const client = await this.connection.get();
    const read = open(client);
    // Iterated by hand: a for-await loop would destroy the stream on an early exit, before it could be drained.
    const events = read[Symbol.asyncIterator]();
    let ended = false;
    try {
      for (;;) {
        const next = await this.connection
          .bounded(streamId ? `a read of ${streamId}` : 'a read of $all', this.callTimeoutMs, () => events.next())
          .catch((error: unknown) => {
            ended = error instanceof EsdbDeadlineError ? false : true;
            throw error instanceof EsdbDeadlineError ? error : this.portError(error, { streamId });
          });
        if (next.done) {
          ended = true;
          return;
        }
        yield next.value;
      }
    } finally {
      if (!ended) await cancelAndDrain(read, events);
    }
  }

  private portError(error: unknown, context?: ErrorContext): unknown {
    return toPortError(this.connection.driver, error, context);
  }

  /** The event at exactly this $all position, unless it is a system event or there is none. */
  private async eventAt(position: bigint): Promise<RecordedEvent | undefined> {
    const at = { backwards: false, from: position, maxCount: 1 };
    for await (const resolved of this.consume((client) => client.readAll(at))) {
      const event = toRecordedEvent(resolved);
      return event.position === position && !isSystemEvent(resolved) ? event : undefined;
    }
    return undefined;
  }

  /** The stream as it stands (-1 when it does not exist), for answers the server leaves without a position. */
  private async head(streamId: string): Promise<AppendResult> {
    try {
      for await (const last of this.readStream(streamId, { direction: 'backwards', maxCount: 1 })) {
        return { nextExpectedRevision: last.revision, position: last.position };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { nextExpectedRevision: -1n, position: -1n };
  }
}

const READ_PAGE_SIZE = 500;

/**
 * BatchAppend sends its deadline as an absolute time that the server measures against its own clock
 * (and caps at its write timeout): a far one survives a server clock that runs ahead. Our own
 * callTimeoutMs bounds the call on this side.
 */
const SERVER_SIDE_APPEND_DEADLINE_MS = 24 * 60 * 60 * 1_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refused before sending, as the SQLite adapter does: the server fails on non-UUIDs and mishandles repeats. */
function validateEvents(streamId: string, events: readonly EventData[]): void {
  for (const event of events) {
    if (!UUID.test(event.id)) throw new TypeError(`Event id must be a UUID, got ${JSON.stringify(event.id)}`);
  }
  if (new Set(events.map((e) => e.id)).size < events.length) {
    throw new TypeError(`Events appended together must have distinct ids (stream ${streamId})`);
  }
}

const DRAIN_TIMEOUT_MS = 1_000;

/**
 * A cancelled call left paused with a message in flight never reports its end, and the client's
 * dispose() (our close()) then waits for it forever; seen with a server in another process. Read
 * on until the call ends (at once after a cancel: only what was buffered), bounded in any case.
 */
async function cancelAndDrain(read: ClientRead, events: AsyncIterator<ClientResolvedEvent>): Promise<void> {
  const drained = (async () => {
    await read.cancel().catch(() => undefined);
    while (!(await events.next()).done);
  })().catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_TIMEOUT_MS).unref()));
  await Promise.race([drained, bound]);
  clearTimeout(timer);
}

async function drain(read: ClientRead): Promise<void> {
  for await (const _ of read) void _;
}
