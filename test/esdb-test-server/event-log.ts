import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
// Relative, not @app/event-store: this server runs in a process of its own without path aliases.
// eslint-disable-next-line no-restricted-imports -- see above
import { matchesExpectedRevision as matches } from '../../libs/event-store/src/store-helpers';

/** One event as EventStoreDB stores it: bytes plus what the server assigned. */
export interface StoredEvent {
  streamId: string;
  revision: bigint;
  /** Log position; commit and prepare positions are equal, as for modern (implicitly committed) writes. */
  position: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server sends them. */
  created: bigint;
}

export type ProposedEvent = Pick<StoredEvent, 'id' | 'type' | 'contentType' | 'data' | 'metadata'>;

export type Expected = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type WriteOutcome =
  { ok: true; revision: bigint; position: bigint } | { ok: false; current: bigint | 'no_stream' };

interface StreamState {
  events: StoredEvent[];
  /** Soft delete / truncation: revisions below this are invisible to reads ($tb in stream metadata). */
  truncateBefore: bigint;
}

const FIRST_POSITION = 1024n;
/** Approximate size of a prepare record header, so positions look like byte offsets, not counters. */
const RECORD_OVERHEAD = 88;

/**
 * The test server's transaction log: one ordered list of events ($all), an index per stream and the
 * event-id index EventStoreDB uses for idempotent retries. Optionally persisted as JSON lines so a
 * restarted server process keeps its data.
 */
export class EventLog {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StreamState>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly waiters = new Set<() => void>();
  private nextPosition = FIRST_POSITION;

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line) this.index(decode(line));
    }
    // A fresh EventStoreDB already holds system events; consumers must cope with them.
    if (this.log.length === 0) this.write('$settings', [systemEvent('$settings', {})]);
  }

  get all(): readonly StoredEvent[] {
    return this.log;
  }

  get lastPosition(): bigint {
    return this.log.length ? this.log[this.log.length - 1].position : -1n;
  }

  /** Index of the first event whose position is greater than `position`. */
  indexAfter(position: bigint): number {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid].position <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Visible events of a stream, or undefined when it does not exist (never written, or deleted). */
  readStream(streamId: string): StoredEvent[] | undefined {
    const state = this.streams.get(streamId);
    const visible = state?.events.filter((e) => e.revision >= state.truncateBefore);
    return visible?.length ? visible : undefined;
  }

  lastRevision(streamId: string): bigint | 'no_stream' {
    const events = this.streams.get(streamId)?.events;
    return events?.length ? events[events.length - 1].revision : 'no_stream';
  }

  append(streamId: string, expected: Expected, proposed: ProposedEvent[]): WriteOutcome {
    const current = this.lastRevision(streamId);
    const retried = this.idempotentRetry(streamId, expected, proposed);
    if (retried) return retried;
    if (!matches(expected, current)) return { ok: false, current };
    if (proposed.length === 0) {
      return { ok: true, revision: current === 'no_stream' ? -1n : current, position: -1n };
    }
    return this.write(streamId, proposed);
  }

  /** Soft delete, as EventStoreDB does it: a $tb (truncate before) in the stream's metadata stream. */
  deleteStream(streamId: string, expected: Expected): WriteOutcome {
    const current = this.lastRevision(streamId);
    if (!matches(expected, current)) return { ok: false, current };
    const tb = current === 'no_stream' ? 0 : Number(current) + 1;
    return this.write(`$$${streamId}`, [systemEvent('$metadata', { $tb: tb })]);
  }

  /** Resolves on the next append; take it synchronously after a read to miss nothing. */
  nextAppend(): { promise: Promise<void>; cancel(): void } {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.waiters.add(resolve);
    return { promise, cancel: () => (this.waiters.delete(resolve), resolve()) };
  }

  private idempotentRetry(streamId: string, expected: Expected, proposed: ProposedEvent[]): WriteOutcome | undefined {
    if (proposed.length === 0) return undefined;
    const events = this.streams.get(streamId)?.events ?? [];
    let first: bigint;
    if (typeof expected === 'bigint' || expected === 'no_stream') {
      first = expected === 'no_stream' ? 0n : expected + 1n;
    } else {
      const known = this.byId.get(proposed[0].id);
      if (!known || known.streamId !== streamId) return undefined;
      first = known.revision;
    }
    const stored = proposed.map((p, i) => events[Number(first) + i]);
    if (!stored.every((e, i) => e?.id === proposed[i].id)) return undefined;
    const last = stored[stored.length - 1];
    return { ok: true, revision: last.revision, position: last.position };
  }

  private write(streamId: string, proposed: ProposedEvent[]): WriteOutcome {
    const current = this.lastRevision(streamId);
    let revision = current === 'no_stream' ? -1n : current;
    const created = BigInt(Date.now()) * 10_000n;
    const lines: string[] = [];
    for (const p of proposed) {
      revision += 1n;
      const event: StoredEvent = { ...p, streamId, revision, position: this.nextPosition, created };
      this.index(event);
      lines.push(encode(event));
    }
    if (this.file) appendFileSync(this.file, lines.map((l) => `${l}\n`).join(''));
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
    return { ok: true, revision, position: this.log[this.log.length - 1].position };
  }

  private index(event: StoredEvent): void {
    this.log.push(event);
    this.byId.set(event.id, event);
    const state = this.streams.get(event.streamId) ?? { events: [], truncateBefore: 0n };
    state.events.push(event);
    this.streams.set(event.streamId, state);
    const size =
      RECORD_OVERHEAD + event.streamId.length + event.type.length + event.data.length + event.metadata.length;
    this.nextPosition = event.position + BigInt(size);
    if (event.type === '$metadata' && event.streamId.startsWith('$$')) this.applyMetadata(event);
  }

  private applyMetadata(event: StoredEvent): void {
    const target = event.streamId.slice(2);
    const tb = (JSON.parse(Buffer.from(event.data).toString('utf8')) as { $tb?: number }).$tb;
    const state = this.streams.get(target) ?? { events: [], truncateBefore: 0n };
    state.truncateBefore = BigInt(tb ?? 0);
    this.streams.set(target, state);
  }
}

function systemEvent(type: string, data: object): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data)),
    metadata: new Uint8Array(),
  };
}

function encode(e: StoredEvent): string {
  return JSON.stringify({
    ...e,
    revision: String(e.revision),
    position: String(e.position),
    created: String(e.created),
    data: Buffer.from(e.data).toString('base64'),
    metadata: Buffer.from(e.metadata).toString('base64'),
  });
}

function decode(line: string): StoredEvent {
  const raw = JSON.parse(line) as Record<string, string>;
  return {
    streamId: raw.streamId,
    id: raw.id,
    type: raw.type,
    contentType: raw.contentType,
    revision: BigInt(raw.revision),
    position: BigInt(raw.position),
    created: BigInt(raw.created),
    data: Buffer.from(raw.data, 'base64'),
    metadata: Buffer.from(raw.metadata, 'base64'),
  };
}
