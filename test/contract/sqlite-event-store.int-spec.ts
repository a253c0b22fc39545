import Database from 'better-sqlite3';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  ANY,
  DuplicateEventIdError,
  EventStoreUnavailableError,
  NO_STREAM,
  SqliteEventStore,
  SqliteEventStoreOptions,
} from '@app/event-store';
import {
  SubscriptionProbe,
  collect,
  eventStoreContract,
  expectWrongExpectedVersion,
  newEvent,
  rejectionOf,
  streamName,
  within,
} from './event-store.contract';
import type { ProcessReply, ProcessRequest } from './sqlite-store-process';

const REPO_ROOT = resolve(__dirname, '../..');
const folders: string[] = [];

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
  folders.push(folder);
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function contractStore(options: Omit<SqliteEventStoreOptions, 'file'> = {}) {
  return async () => {
    const store = new SqliteEventStore({ ...options, file: join(freshFolder(), 'events.sqlite') });
    return { store, dispose: () => store.close() };
  };
}

eventStoreContract('SqliteEventStore', contractStore());
// Tiny pages put page boundaries inside every read and subscription of the contract.
eventStoreContract('SqliteEventStore (2-row pages)', contractStore({ pageSize: 2 }));

describe('SqliteEventStore specifics', () => {
  const open: SqliteEventStore[] = [];
  const track = (store: SqliteEventStore) => (open.push(store), store);

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  it('creates the missing parent folder and the file, in WAL mode', async () => {
    const file = join(freshFolder(), 'nested', 'deeper', 'events.sqlite');
    const store = track(SqliteEventStore.open(file));
    await store.ping();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('keeps every event across close and reopen, and continues the numbering', async () => {
    const file = join(freshFolder(), 'events.sqlite');
    const stream = streamName('durable');
    const first = SqliteEventStore.open(file);
    await first.appendToStream(stream, [newEvent('A', { nested: { ü: ['ß'] } }), newEvent('B')], {
      expectedRevision: NO_STREAM,
    });
    const before = await collect(first.readAll());
    await first.close();

    const reopened = track(SqliteEventStore.open(file));
    expect(await collect(reopened.readAll())).toEqual(before);
    const next = await reopened.appendToStream(stream, [newEvent('C')], { expectedRevision: 1n });
    expect(next.nextExpectedRevision).toBe(2n);
    expect(next.position).toBeGreaterThan(before[1].position);
  });

  it('reports a closed store as unavailable and ends its subscriptions', async () => {
    const store = SqliteEventStore.open(join(freshFolder(), 'events.sqlite'));
    const probe = new SubscriptionProbe(store.subscribeToAll(), () => true);
    await store.appendToStream(streamName('closing'), [newEvent()]);
    await probe.waitFor(1, 'the event before closing');
    await store.close();
    await within(probe.finished, 'the subscription to end on close()');
    expect(probe.failure).toBeUndefined();

    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.appendToStream(streamName('closed'), [newEvent()])).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await store.close();
  });

  it('reports a SQLite failure as unavailable even from a store loaded in another jest module registry', async () => {
    const file = join(freshFolder(), 'events.sqlite');
    // The addon keeps the error class of the first better-sqlite3 copy that loaded it: this file's.
    new Database(file).close();
    let isolated!: typeof import('@app/event-store');
    jest.isolateModules(() => (isolated = jest.requireActual<typeof import('@app/event-store')>('@app/event-store')));
    const store = isolated.SqliteEventStore.open(file, { busyTimeoutMs: 50 });
    const blocker = new Database(file);
    blocker.exec('BEGIN IMMEDIATE');
    try {
      const failure = await rejectionOf(store.appendToStream(streamName('locked'), [newEvent()]));
      expect(failure).toBeInstanceOf(isolated.EventStoreUnavailableError);
      expect((failure as Error).message).toMatch(/database is locked/);
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
      await store.close();
    }
  });

  it('wakes a live subscription on a local append without waiting for the poll', async () => {
    const store = track(SqliteEventStore.open(join(freshFolder(), 'events.sqlite'), { pollIntervalMs: 60_000 }));
    const probe = new SubscriptionProbe(store.subscribeToAll(), () => true);
    try {
      await store.appendToStream(streamName('wake'), [newEvent()]);
      await within(probe.waitFor(1, 'the local append'), 'a wake-up well before the 60 s poll', 2_000);
    } finally {
      await probe.stop();
    }
  });

  it('recognises a retried append with ANY, and refuses an id already stored elsewhere', async () => {
    const store = track(SqliteEventStore.open(join(freshFolder(), 'events.sqlite')));
    const stream = streamName('retryAny');
    const batch = [newEvent(), newEvent()];
    const first = await store.appendToStream(stream, batch, { expectedRevision: ANY });
    await store.appendToStream(stream, [newEvent()], { expectedRevision: ANY });
    expect(await store.appendToStream(stream, batch, { expectedRevision: ANY })).toEqual(first);
    expect(await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM })).toEqual(first);

    const other = streamName('retryOther');
    const error = await rejectionOf(
      store.appendToStream(other, [newEvent(), batch[0]], { expectedRevision: NO_STREAM }),
    );
    expect(error).toBeInstanceOf(DuplicateEventIdError);
    expect(error).toMatchObject({ eventId: batch[0].id, streamId: other });
    await expect(collect(store.readStream(other))).rejects.toThrow(/not found/);
    expect(await collect(store.readStream(stream))).toHaveLength(3);
  });

  it('writes an appendToStreams call in one transaction: a failure other than an expected revision stores none of it', async () => {
    const store = track(SqliteEventStore.open(join(freshFolder(), 'events.sqlite')));
    const stored = newEvent('Stored');
    await store.appendToStream(streamName('manyTaken'), [stored]);
    const first = streamName('manyFirst');
    const reusing = streamName('manyReusing');

    const error = await rejectionOf(
      store.appendToStreams([
        { streamId: first, events: [newEvent('Fresh')], expectedRevision: NO_STREAM },
        { streamId: reusing, events: [{ ...newEvent('Reused'), id: stored.id }], expectedRevision: NO_STREAM },
      ]),
    );

    expect(error).toBeInstanceOf(DuplicateEventIdError);
    await expect(collect(store.readStream(first))).rejects.toThrow(/not found/);
    await expect(collect(store.readStream(reusing))).rejects.toThrow(/not found/);
  });

  it('rejects ids that EventStoreDB would reject (not a UUID, repeated in one append)', async () => {
    const store = track(SqliteEventStore.open(join(freshFolder(), 'events.sqlite')));
    const stream = streamName('invalid');
    await expect(store.appendToStream(stream, [{ ...newEvent(), id: 'evt-1' }])).rejects.toBeInstanceOf(TypeError);
    const event = newEvent();
    await expect(store.appendToStream(stream, [event, event])).rejects.toBeInstanceOf(TypeError);
    await expect(collect(store.readStream(stream))).rejects.toThrow(/not found/);
  });

  it('shares one file between two store instances: a subscription on one sees appends through the other', async () => {
    const file = join(freshFolder(), 'events.sqlite');
    const reader = track(SqliteEventStore.open(file, { pollIntervalMs: 10 }));
    const writer = track(SqliteEventStore.open(file));
    const stream = streamName('shared');
    const probe = new SubscriptionProbe(reader.subscribeToAll(), (e) => e.streamId === stream);
    try {
      let expected: bigint | typeof NO_STREAM = NO_STREAM;
      for (let i = 0; i < 5; i++) {
        expected = (await writer.appendToStream(stream, [newEvent()], { expectedRevision: expected }))
          .nextExpectedRevision;
      }
      const delivered = await probe.waitFor(5, "the other instance's appends");
      expect(delivered.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);

      // The reader's view of the stream is not cached: a stale expectation is still caught.
      const error = await rejectionOf(reader.appendToStream(stream, [newEvent()], { expectedRevision: 2n }));
      expectWrongExpectedVersion(error, stream, 2n, 4n);
    } finally {
      await probe.stop();
    }
  });

  describe('with two other OS processes on the same file', () => {
    let file: string;
    let parent: SqliteEventStore;
    let children: StoreProcess[];

    beforeAll(async () => {
      file = join(freshFolder(), 'events.sqlite');
      parent = SqliteEventStore.open(file, { pollIntervalMs: 10 });
      children = [new StoreProcess(file), new StoreProcess(file)];
      await Promise.all(children.map((child) => child.ready));
    });

    afterAll(async () => {
      await Promise.all(children.map((child) => child.stop()));
      await parent.close();
    });

    it("delivers another process's appends to this process's live subscription, in order", async () => {
      const stream = streamName('crossProcess');
      const probe = new SubscriptionProbe(parent.subscribeToAll(), (e) => e.streamId === stream);
      try {
        const first = await children[0].request({ command: 'append', stream, count: 3, expectedRevision: 'no_stream' });
        const second = await children[1].request({ command: 'append', stream, count: 2, expectedRevision: '2' });
        if (!first.ok || !second.ok) throw new Error(`append failed: ${JSON.stringify([first, second])}`);

        const delivered = await probe.waitFor(5, "the other processes' appends");
        expect(delivered.map((e) => e.id)).toEqual([...first.ids, ...second.ids]);
        expect(delivered.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(delivered[4].position).toBe(BigInt(second.position));
        probe.expectOrderedWithoutDuplicates();
      } finally {
        await probe.stop();
      }
    });

    it('lets exactly one of two processes win each race on the same expected revision', async () => {
      for (let round = 0; round < 10; round++) {
        const stream = streamName(`processRace${round}`);
        await parent.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });
        const replies = await Promise.all(
          children.map((child) => child.request({ command: 'append', stream, count: 2, expectedRevision: '0' })),
        );
        const winners = replies.filter((reply) => reply.ok);
        expect(winners).toHaveLength(1);
        expect(replies.find((reply) => !reply.ok)).toMatchObject({
          error: 'WrongExpectedVersionError',
          actualRevision: '2',
        });

        const stored = await collect(parent.readStream(stream));
        expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(stored.slice(1).map((e) => e.id)).toEqual(winners[0].ok ? winners[0].ids : []);
      }
    });

    it('keeps one gapless history when two processes keep appending to the same stream', async () => {
      const stream = streamName('contended');
      const probe = new SubscriptionProbe(parent.subscribeToAll(), (e) => e.streamId === stream);
      try {
        const replies = await Promise.all(
          children.map((child) => child.request({ command: 'contend', stream, count: 25 })),
        );
        const ids = replies.map((reply) => (reply.ok ? reply.ids : []));
        expect(ids.map((list) => list.length)).toEqual([25, 25]);

        const stored = await collect(parent.readStream(stream));
        expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => BigInt(i)));
        expect(stored).toHaveLength(50);
        for (const list of ids) {
          expect(stored.filter((e) => list.includes(e.id)).map((e) => e.id)).toEqual(list);
        }
        expect(await probe.waitFor(50, 'every contended append')).toEqual(stored);
        probe.expectOrderedWithoutDuplicates();
      } finally {
        await probe.stop();
      }
    });
  });
});

describe('SqliteEventStore killed (SIGKILL) while its WAL checkpoint thread copies', () => {
  it('keeps every acknowledged append, and the file passes integrity_check', async () => {
    const file = join(freshFolder(), 'events.sqlite');
    const child = new StoreProcess(file);
    await child.ready;
    const acknowledged: string[] = [];
    let reachedHalf: () => void = () => undefined;
    const half = new Promise<void>((resolve) => (reachedHalf = resolve));
    // 400 appends of about 5 pages each, sent at once: the thread checkpoints while the writer goes on.
    for (let i = 0; i < 400; i++) {
      void child
        .request({ command: 'append', stream: 'killed', count: 1, expectedRevision: 'any', padding: 20_000 })
        .then((reply) => {
          if (reply.ok) acknowledged.push(...reply.ids);
          if (acknowledged.length === 200) reachedHalf();
        })
        .catch(() => undefined); // no reply after the kill
    }
    await half;
    await child.kill();

    const store = SqliteEventStore.open(file);
    try {
      const stored = new Set((await collect(store.readStream('killed'))).map((event) => event.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(200);
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});

/** A child Node process running sqlite-store-process.ts against the same file. */
class StoreProcess {
  readonly ready: Promise<void>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, (reply: ProcessReply) => void>();
  private seq = 0;
  private stderr = '';

  constructor(file: string) {
    this.child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(__dirname, 'sqlite-store-process.ts'),
        file,
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, TS_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json') },
      },
    );
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    let signalReady: () => void = () => undefined;
    let failReady: (error: Error) => void = () => undefined;
    this.ready = within(
      new Promise<void>((resolve, reject) => ((signalReady = resolve), (failReady = reject))),
      () => `the child store process to start (stderr: ${this.stderr})`,
    );
    this.child.on('exit', (code) => failReady(new Error(`child exited with ${code}: ${this.stderr}`)));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as ProcessReply | { ready: true };
      if ('ready' in message) return signalReady();
      this.pending.get(message.seq)?.(message);
      this.pending.delete(message.seq);
    });
  }

  request(request: DistributiveOmit<ProcessRequest, 'seq'>): Promise<ProcessReply> {
    const seq = ++this.seq;
    const reply = new Promise<ProcessReply>((resolve) => this.pending.set(seq, resolve));
    this.child.stdin.write(`${JSON.stringify({ ...request, seq })}\n`);
    return within(reply, () => `the child's reply to ${request.command} (stderr: ${this.stderr})`);
  }

  /** Ends the process at once; requests without a reply yet never get one. */
  async kill(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await within(exited, 'the child store process to die');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ command: 'close' });
    this.child.stdin.end();
    await within(exited, 'the child store process to exit');
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
