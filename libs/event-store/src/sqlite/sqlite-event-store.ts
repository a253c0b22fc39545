import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../errors';
import { MAX_APPEND_SIZE, appendSize } from '../append-size';
import { appendOne, matchesExpectedRevision } from '../store-helpers';
import { BACKSTOP_CHECKPOINT_PAGES, WalCheckpointer, truncateWal } from './wal-checkpointer';
import {
  ANY,
  AllSubscription,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  JsonObject,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  STREAM_EXISTS,
  StreamAppend,
  SubscribeToAllOptions,
} from '../event-store.port';

export interface SqliteEventStoreOptions {
  /** The SQLite file (its folder is created if missing), or ':memory:' for a private throwaway store. */
  file: string;
  /** How often live subscriptions look for events appended by other processes. Default 25 ms. */
  pollIntervalMs?: number;
  /** How long a write waits for another process's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** Rows fetched per query by reads and subscriptions, so a huge log never sits in memory. Default 500. */
  pageSize?: number;
}

/** The id of an event to append is already stored, and the append is not a retry of that write. */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`Event id ${eventId} is already stored (appending to stream ${streamId})`);
    this.name = 'DuplicateEventIdError';
  }
}

/** Bumped when the table layout changes, so an older build refuses a newer file instead of corrupting it. */
const SCHEMA_VERSION = 1;
const INT64_MAX = 9223372036854775807n;
// EventStoreDB rejects non-UUID ids; rejecting them here too keeps the adapters interchangeable.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created_ms: bigint;
}

/** An event to append, its JSON already serialised. */
interface SerialisedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/** One append, checked and serialised, ready for the transaction. */
interface PreparedAppend {
  streamId: string;
  events: readonly SerialisedEvent[];
  expected: ExpectedRevision;
}

/** An append's result, and when it wrote events (not a retry, not empty) the time it stored them with. */
interface Appended {
  result: AppendResult;
  created?: number;
}

/** Wakes a waiting subscription, with the events this process has just appended when there are any. */
type Wake = (fresh: readonly RecordedEvent[] | undefined) => void;

interface StreamHead {
  revision: bigint;
  position: bigint;
}

interface StoredId {
  stream_id: string;
  revision: bigint;
  position: bigint;
}

/**
 * The embedded event store: one SQLite file in WAL mode, shareable by several processes.
 * Appends serialise on SQLite's single write lock, so global positions become visible in order
 * and a subscription can safely resume from "the last position it delivered".
 */
export class SqliteEventStore implements EventStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private closed = false;

  private readonly streamHead: Database.Statement<[string], StreamHead>;
  private readonly storedId: Database.Statement<[string], StoredId>;
  private readonly insert: Database.Statement<[string, bigint, string, string, string, string, number]>;
  private readonly streamForwards: Database.Statement<[string, bigint, number], EventRow>;
  private readonly streamBackwards: Database.Statement<[string, bigint, number], EventRow>;
  private readonly allForwards: Database.Statement<[bigint, number], EventRow>;
  private readonly allBackwards: Database.Statement<[bigint, number], EventRow>;
  private readonly lastPosition: Database.Statement<[], bigint | null>;
  private readonly trivial: Database.Statement<[], number>;
  private readonly deleteRows: Database.Statement<[string]>;
  private readonly appendTransaction: Database.Transaction<
    (appends: readonly PreparedAppend[]) => (Appended | WrongExpectedVersionError)[]
  >;

  private readonly subscriptions = new Set<SqliteAllSubscription>();
  /** Live subscriptions waiting for events, with the last position each has delivered. */
  private readonly waiters = new Map<Wake, bigint>();
  private pollTimer: NodeJS.Timeout | undefined;
  /** Started by the first write of this process: a store that only reads has nothing to checkpoint. */
  private checkpointer: WalCheckpointer | undefined;

  constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = positiveInteger(options.pollIntervalMs ?? 25, 'pollIntervalMs');
    this.pageSize = positiveInteger(options.pageSize ?? 500, 'pageSize');
    const busyTimeoutMs = nonNegativeInteger(options.busyTimeoutMs ?? 5000, 'busyTimeoutMs');
    const inMemory = options.file === ':memory:';
    this.file = inMemory ? options.file : resolve(options.file);
    try {
      if (!inMemory) mkdirSync(dirname(this.file), { recursive: true });
      this.db = new Database(this.file, { timeout: busyTimeoutMs });
      // Set before anything else writes: switching to WAL or creating the schema may wait for a peer process.
      this.db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      this.db.pragma('journal_mode = WAL');
      // FULL fsyncs the WAL on every commit: an acknowledged append survives a power cut.
      this.db.pragma('synchronous = FULL');
      // Deleted rows (a destroyed personal-data key, E1) are overwritten with zeros, not left in free pages.
      this.db.pragma('secure_delete = ON');
      // The WAL is copied back by a thread (WalCheckpointer), not at commit on this one: this is only the backstop.
      if (!inMemory) this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
      this.migrate();
    } catch (error) {
      this.db?.close();
      throw unavailable(this.file, error);
    }

    this.streamHead = this.db
      .prepare<[string], StreamHead>(
        'SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      )
      .safeIntegers(true);
    this.storedId = this.db
      .prepare<[string], StoredId>('SELECT stream_id, revision, position FROM events WHERE event_id = ?')
      .safeIntegers(true);
    this.insert = this.db
      .prepare<[string, bigint, string, string, string, string, number]>(
        `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .safeIntegers(true);
    this.streamForwards = this.db
      .prepare<[string, bigint, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
      )
      .safeIntegers(true);
    this.streamBackwards = this.db
      .prepare<[string, bigint, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      )
      .safeIntegers(true);
    this.allForwards = this.db
      .prepare<[bigint, number], EventRow>('SELECT * FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?')
      .safeIntegers(true);
    this.allBackwards = this.db
      .prepare<[bigint, number], EventRow>('SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?')
      .safeIntegers(true);
    this.lastPosition = this.db
      .prepare<[], bigint | null>('SELECT MAX(position) FROM events')
      .pluck()
      .safeIntegers(true);
    this.trivial = this.db.prepare<[], number>('SELECT 1').pluck();
    this.deleteRows = this.db.prepare<[string]>('DELETE FROM events WHERE stream_id = ?');
    // A wrong expected revision is found before its append writes anything: it fails that append alone.
    this.appendTransaction = this.db.transaction((appends: readonly PreparedAppend[]) =>
      appends.map((append) => {
        try {
          return this.appendInTransaction(append);
        } catch (error) {
          if (error instanceof WrongExpectedVersionError) return error;
          throw error;
        }
      }),
    );
  }

  static open(file: string, options: Omit<SqliteEventStoreOptions, 'file'> = {}): SqliteEventStore {
    return new SqliteEventStore({ ...options, file });
  }

  async appendToStream(
    streamId: string,
    events: readonly EventData[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    return appendOne(this, streamId, events, options.expectedRevision);
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<(AppendResult | WrongExpectedVersionError)[]> {
    // Serialised before taking the write lock: a caller's unserialisable data fails here, holding nothing.
    const prepared = appends.map(prepareAppend);
    this.assertOpen();
    let outcomes: (Appended | WrongExpectedVersionError)[];
    try {
      // IMMEDIATE takes the write lock before reading the streams' revisions, so no peer can slip in between.
      outcomes = this.appendTransaction.immediate(prepared);
    } catch (error) {
      throw this.translate(error);
    }
    const fresh = outcomes.flatMap((outcome, index) =>
      outcome instanceof WrongExpectedVersionError || outcome.created === undefined
        ? []
        : recorded(appends[index].streamId, appends[index].events, outcome.result, outcome.created),
    );
    if (fresh.length > 0) {
      if (this.file !== ':memory:') this.checkpointer ??= new WalCheckpointer(this.file);
      this.wakeAll(fresh);
    }
    return outcomes.map((outcome) => (outcome instanceof WrongExpectedVersionError ? outcome : outcome.result));
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    validateStreamId(streamId);
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const from = options.fromRevision ?? (forwards ? 'start' : 'end');
    let cursor = from === 'start' ? 0n : from === 'end' ? INT64_MAX : from;
    let remaining = options.maxCount === undefined ? Infinity : nonNegativeInteger(options.maxCount, 'maxCount');
    let first = true;
    for (;;) {
      const limit = Math.min(this.pageSize, remaining);
      const page = forwards ? this.streamForwards : this.streamBackwards;
      // A forward read from past the start also fetches the event before it: if that one is there, the
      // stream exists, and a catch-up that finds nothing new needs no second query to know it.
      const before = first && forwards && cursor > 0n && limit > 0;
      const rows =
        limit === 0
          ? []
          : this.query(() => page.all(streamId, before ? cursor - 1n : cursor, before ? limit + 1 : limit));
      const exists = before && rows.length > 0 && rows[0].revision === cursor - 1n;
      if (exists) rows.shift();
      // Only an empty answer needs the existence check; a stream read past its end exists but yields nothing.
      if (first && rows.length === 0 && !exists && this.query(() => this.streamHead.get(streamId)) === undefined) {
        throw new StreamNotFoundError(streamId);
      }
      first = false;
      for (const row of rows) yield toRecordedEvent(row);
      remaining -= rows.length;
      if (rows.length < limit || remaining === 0) return;
      const last = rows[rows.length - 1].revision;
      if (!forwards && last === 0n) return;
      cursor = forwards ? last + 1n : last - 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const from = options.fromPosition ?? (forwards ? 'start' : 'end');
    let cursor = from === 'start' ? 0n : from === 'end' ? INT64_MAX : from;
    let remaining = options.maxCount === undefined ? Infinity : nonNegativeInteger(options.maxCount, 'maxCount');
    while (remaining > 0) {
      const limit = Math.min(this.pageSize, remaining);
      const page = forwards ? this.allForwards : this.allBackwards;
      const rows = this.query(() => page.all(cursor, limit));
      for (const row of rows) yield toRecordedEvent(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const last = rows[rows.length - 1].position;
      cursor = forwards ? last + 1n : last - 1n;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const from = options.fromPosition ?? 'start';
    const feed: SubscriptionFeed = {
      readAfter: (position) =>
        this.query(() => this.allForwards.all(position + 1n, this.pageSize)).map(toRecordedEvent),
      watch: (wake, seen) => this.watch(wake, seen),
      unwatch: (wake) => this.unwatch(wake),
      forget: (subscription) => this.subscriptions.delete(subscription),
    };
    // Positions start at 1, so "after 0" is "from the first event".
    const subscription = new SqliteAllSubscription(feed, from === 'start' ? 0n : from);
    if (!this.closed) this.subscriptions.add(subscription);
    return subscription;
  }

  /** The rows go at once; the WAL is checkpointed and truncated so that no copy of their pages is left in it. */
  async deleteStream(streamId: string): Promise<void> {
    validateStreamId(streamId);
    this.assertOpen();
    try {
      this.deleteRows.run(streamId);
      truncateWal(this.db);
    } catch (error) {
      throw this.translate(error);
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.query(() => this.trivial.get());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const subscription of [...this.subscriptions]) await subscription.unsubscribe();
    this.closed = true;
    this.stopPolling();
    await this.checkpointer?.stop();
    this.db.close();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    if (version > SCHEMA_VERSION) {
      throw new Error(`schema version ${version} is newer than this build understands (${SCHEMA_VERSION})`);
    }
    // One immediate transaction: processes opening a fresh file together create the schema exactly once.
    this.db.transaction(() => this.createSchema()).immediate();
  }

  private createSchema(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        position   INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: a position is never reused
        stream_id  TEXT    NOT NULL,
        revision   INTEGER NOT NULL,
        event_id   TEXT    NOT NULL UNIQUE,
        type       TEXT    NOT NULL,
        data       TEXT    NOT NULL, -- JSON
        metadata   TEXT    NOT NULL, -- JSON
        created_ms INTEGER NOT NULL, -- Unix time in milliseconds
        UNIQUE (stream_id, revision)
      );
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }

  private appendInTransaction({ streamId, events, expected }: PreparedAppend): Appended {
    const head = this.streamHead.get(streamId);
    if (events.length > 0) {
      const retried = this.retriedAppend(streamId, events, expected);
      if (retried) return { result: retried };
    }
    const actual = head?.revision ?? NO_STREAM;
    if (!matchesExpectedRevision(expected, actual)) throw new WrongExpectedVersionError(streamId, expected, actual);
    if (events.length === 0) {
      // Nothing to write: like EventStoreDB, report the stream as it stands (-1 when it does not exist).
      return { result: { nextExpectedRevision: head?.revision ?? -1n, position: head?.position ?? -1n } };
    }
    for (const event of events) {
      if (this.storedId.get(event.id) !== undefined) throw new DuplicateEventIdError(event.id, streamId);
    }
    const created = Date.now();
    let revision = head?.revision ?? -1n;
    let position = -1n;
    for (const event of events) {
      revision += 1n;
      const { lastInsertRowid } = this.insert.run(
        streamId,
        revision,
        event.id,
        event.type,
        event.data,
        event.metadata,
        created,
      );
      position = BigInt(lastInsertRowid);
    }
    return { result: { nextExpectedRevision: revision, position }, created };
  }

  /** A retry of an append that already succeeded (same ids, same place) returns its result and writes nothing. */
  private retriedAppend(
    streamId: string,
    events: readonly SerialisedEvent[],
    expected: ExpectedRevision,
  ): AppendResult | undefined {
    const stored = this.storedId.get(events[0].id);
    if (stored === undefined || stored.stream_id !== streamId) return undefined;
    const samePlace =
      expected === ANY ||
      expected === STREAM_EXISTS ||
      (expected === NO_STREAM && stored.revision === 0n) ||
      (typeof expected === 'bigint' && stored.revision === expected + 1n);
    if (!samePlace) return undefined;
    const rows = this.streamForwards.all(streamId, stored.revision, events.length);
    const same = rows.length === events.length && rows.every((row, i) => row.event_id === events[i].id);
    if (!same) return undefined;
    const last = rows[rows.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /** Calls wake once an event after `seenPosition` may exist: a local append, or a peer's seen by polling. */
  private watch(wake: Wake, seenPosition: bigint): void {
    this.waiters.set(wake, seenPosition);
    this.pollTimer ??= setInterval(() => this.poll(), this.pollIntervalMs);
  }

  private unwatch(wake: Wake): void {
    this.waiters.delete(wake);
    if (this.waiters.size === 0) this.stopPolling();
  }

  private poll(): void {
    if (this.waiters.size === 0 || this.closed) return this.stopPolling();
    let head: bigint;
    try {
      head = this.lastPosition.get() ?? 0n;
    } catch {
      // Let every waiter re-read: its own read raises the error to its consumer.
      return this.wakeAll();
    }
    for (const [wake, seen] of this.waiters) {
      if (head > seen) {
        this.unwatch(wake);
        wake(undefined);
      }
    }
  }

  /** Wakes every waiting subscription, handing it the events this process just appended, if any. */
  private wakeAll(fresh?: readonly RecordedEvent[]): void {
    const wakes = [...this.waiters.keys()];
    this.waiters.clear();
    this.stopPolling();
    for (const wake of wakes) wake(fresh);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError(`SQLite event store ${this.file} is closed`);
  }

  /** Runs a read, reporting a closed store or an unreadable file as the port's unavailable error. */
  private query<T>(read: () => T): T {
    this.assertOpen();
    try {
      return read();
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * Only SQLite's own failures mean "unavailable"; the port's errors and caller bugs pass through. Matched by
   * code, not class: the addon throws the SqliteError class of whichever better-sqlite3 copy loaded it first.
   */
  private translate(error: unknown): unknown {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && code.startsWith('SQLITE_') ? unavailable(this.file, error) : error;
  }
}

/** What a subscription needs from its store, kept off the store's public surface. */
interface SubscriptionFeed {
  readAfter(position: bigint): RecordedEvent[];
  watch(wake: Wake, seenPosition: bigint): void;
  unwatch(wake: Wake): void;
  forget(subscription: SqliteAllSubscription): void;
}

/** A catch-up subscription: pages through stored events after its checkpoint, then waits for more. */
class SqliteAllSubscription implements AllSubscription {
  private checkpoint: bigint;
  private closed = false;
  private wake: Wake | undefined;
  private readonly events: AsyncGenerator<RecordedEvent>;

  constructor(
    private readonly store: SubscriptionFeed,
    after: bigint,
  ) {
    this.checkpoint = after;
    this.events = this.deliver();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events;
  }

  async unsubscribe(): Promise<void> {
    this.closed = true;
    this.store.forget(this);
    const wake = this.wake;
    if (wake) {
      this.store.unwatch(wake);
      wake(undefined);
    }
  }

  private async *deliver(): AsyncGenerator<RecordedEvent> {
    let handed: readonly RecordedEvent[] | undefined;
    try {
      while (!this.closed) {
        const page = handed ?? this.store.readAfter(this.checkpoint);
        handed = undefined;
        if (page.length === 0) {
          const fresh = await new Promise<readonly RecordedEvent[] | undefined>((resolve) => {
            this.wake = resolve;
            this.store.watch(resolve, this.checkpoint);
          });
          this.wake = undefined;
          // Events this process just appended, right after the checkpoint: delivered as they are, not read back.
          if (fresh && fresh.length > 0 && fresh[0].position === this.checkpoint + 1n) handed = fresh;
          continue;
        }
        for (const event of page) {
          if (this.closed) return;
          this.checkpoint = event.position;
          yield event;
        }
      }
    } finally {
      this.closed = true;
      this.store.forget(this);
    }
  }
}

/** The events of one append as stored: positions in one write transaction follow each other (AUTOINCREMENT under the write lock). */
function prepareAppend({ streamId, events, expectedRevision = ANY }: StreamAppend): PreparedAppend {
  validateStreamId(streamId);
  validateExpectedRevision(expectedRevision);
  events.forEach(validateEvent);
  const ids = new Set(events.map((event) => event.id));
  if (ids.size < events.length) {
    throw new TypeError(`Events appended together must have distinct ids (stream ${streamId})`);
  }
  const serialised = events.map((event) => ({
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata ?? {}),
  }));
  if (appendSize(events) > MAX_APPEND_SIZE) throw new AppendTooLargeError(streamId, MAX_APPEND_SIZE);
  return { streamId, events: serialised, expected: expectedRevision };
}

function recorded(
  streamId: string,
  events: readonly EventData[],
  { nextExpectedRevision, position }: AppendResult,
  createdMs: number,
): RecordedEvent[] {
  const created = new Date(createdMs);
  const first = BigInt(events.length - 1);
  return events.map((event, index) => ({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata ?? {},
    streamId,
    revision: nextExpectedRevision - first + BigInt(index),
    position: position - first + BigInt(index),
    created,
  }));
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    created: new Date(Number(row.created_ms)),
  };
}

function unavailable(file: string, error: unknown): EventStoreUnavailableError {
  if (error instanceof EventStoreUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`SQLite event store ${file}: ${reason}`, error);
}

function validateStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('streamId must be a non-empty string');
}

function validateExpectedRevision(expected: ExpectedRevision): void {
  if (expected === ANY || expected === NO_STREAM || expected === STREAM_EXISTS) return;
  if (typeof expected !== 'bigint' || expected < 0n) {
    throw new RangeError(`expectedRevision must be ${ANY}, ${NO_STREAM}, ${STREAM_EXISTS} or a revision >= 0n`);
  }
}

function validateEvent(event: EventData): void {
  if (typeof event.id !== 'string' || !UUID.test(event.id)) {
    throw new TypeError(`Event id must be a UUID, got ${JSON.stringify(event.id)}`);
  }
  if (typeof event.type !== 'string' || event.type.length === 0) {
    throw new TypeError('Event type must be a non-empty string');
  }
  if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
    throw new TypeError(`Event data must be a JSON object (event ${event.id})`);
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

function nonNegativeInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}
