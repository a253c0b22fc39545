import { randomUUID } from 'node:crypto';
import {
  ANY,
  AppendTooLargeError,
  MAX_APPEND_SIZE,
  appendSize,
  AllSubscription,
  EventData,
  EventStore,
  ExpectedRevision,
  JsonObject,
  NO_STREAM,
  RecordedEvent,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@app/event-store';

/** Bounded wait for an effect (a subscription delivering, an iteration ending); never a sleep. */
const WAIT_MS = 10_000;

export interface ContractStore {
  store: EventStore;
  dispose: () => Promise<void>;
}

/**
 * The event store port's semantics, written once and run against every adapter.
 * Relies only on the port; stream names are unique per test, so it also runs against a shared
 * EventStoreDB that holds other events (assertions on $all look only at this test's streams).
 */
export function eventStoreContract(adapterName: string, createStore: () => Promise<ContractStore>): void {
  describe(`${adapterName}: event store contract`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dispose } = await createStore());
    });

    afterAll(async () => {
      await dispose?.();
    });

    describe('appendToStream: size limit (EventStoreDB MaxAppendSize, 1 MiB by default)', () => {
      it('accepts an append just under 1 MiB of event data', async () => {
        const stream = streamName('nearLimit');
        const events = [newEvent('Big', { blob: 'x'.repeat(MAX_APPEND_SIZE - 2_000) })];
        expect(appendSize(events)).toBeLessThan(MAX_APPEND_SIZE);
        await store.appendToStream(stream, events, { expectedRevision: NO_STREAM });
        expect(await collect(store.readStream(stream))).toHaveLength(1);
      });

      it('refuses an append over 1 MiB with AppendTooLargeError naming the limit, and appends none of it', async () => {
        const stream = streamName('overLimit');
        const events = [newEvent('Big', { blob: 'x'.repeat(600_000) }), newEvent('Big', { blob: 'y'.repeat(600_000) })];
        const error = await rejectionOf(store.appendToStream(stream, events, { expectedRevision: NO_STREAM }));
        expect(error).toBeInstanceOf(AppendTooLargeError);
        expect(error).toMatchObject({ maxAppendSize: MAX_APPEND_SIZE });
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('appendToStream: expected revision', () => {
      it('accepts NO_STREAM on a new stream; revisions are 0-based', async () => {
        const stream = streamName('noStream');
        const result = await store.appendToStream(stream, [newEvent(), newEvent()], { expectedRevision: NO_STREAM });
        expect(result.nextExpectedRevision).toBe(1n);
        expect(revisions(await collect(store.readStream(stream)))).toEqual([0n, 1n]);
      });

      it('rejects NO_STREAM on an existing stream, with the actual revision', async () => {
        const stream = await seededStream(store, 'noStreamTaken', 2);
        const error = await rejectionOf(store.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM }));
        expectWrongExpectedVersion(error, stream, NO_STREAM, 1n);
      });

      it('accepts STREAM_EXISTS on an existing stream', async () => {
        const stream = await seededStream(store, 'exists', 1);
        const result = await store.appendToStream(stream, [newEvent()], { expectedRevision: STREAM_EXISTS });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it("rejects STREAM_EXISTS on a missing stream, with actual 'no_stream'", async () => {
        const stream = streamName('existsMissing');
        const error = await rejectionOf(
          store.appendToStream(stream, [newEvent()], { expectedRevision: STREAM_EXISTS }),
        );
        expectWrongExpectedVersion(error, stream, STREAM_EXISTS, NO_STREAM);
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('accepts ANY on a missing and on an existing stream, and ANY is the default', async () => {
        const stream = streamName('any');
        expect((await store.appendToStream(stream, [newEvent()], { expectedRevision: ANY })).nextExpectedRevision).toBe(
          0n,
        );
        expect((await store.appendToStream(stream, [newEvent()], { expectedRevision: ANY })).nextExpectedRevision).toBe(
          1n,
        );
        expect((await store.appendToStream(stream, [newEvent()])).nextExpectedRevision).toBe(2n);
        expect((await store.appendToStream(streamName('anyDefault'), [newEvent()])).nextExpectedRevision).toBe(0n);
      });

      it('accepts the exact current revision', async () => {
        const stream = await seededStream(store, 'exact', 3);
        const result = await store.appendToStream(stream, [newEvent()], { expectedRevision: 2n });
        expect(result.nextExpectedRevision).toBe(3n);
        expect(revisions(await collect(store.readStream(stream)))).toEqual([0n, 1n, 2n, 3n]);
      });

      it('rejects a stale or a future revision, with the actual revision', async () => {
        const stream = await seededStream(store, 'exactWrong', 3);
        expectWrongExpectedVersion(
          await rejectionOf(store.appendToStream(stream, [newEvent()], { expectedRevision: 1n })),
          stream,
          1n,
          2n,
        );
        expectWrongExpectedVersion(
          await rejectionOf(store.appendToStream(stream, [newEvent()], { expectedRevision: 7n })),
          stream,
          7n,
          2n,
        );
      });

      it("rejects an exact revision on a missing stream, with actual 'no_stream'", async () => {
        const stream = streamName('exactMissing');
        const error = await rejectionOf(store.appendToStream(stream, [newEvent()], { expectedRevision: 0n }));
        expectWrongExpectedVersion(error, stream, 0n, NO_STREAM);
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('a rejected append writes nothing and leaves the stream writable at its true revision', async () => {
        const stream = await seededStream(store, 'rejected', 2);
        const before = await collect(store.readStream(stream));
        const rejected = [newEvent('Rejected'), newEvent('Rejected'), newEvent('Rejected')];

        const error = await rejectionOf(store.appendToStream(stream, rejected, { expectedRevision: 0n }));
        expectWrongExpectedVersion(error, stream, 0n, 1n);
        expect(await collect(store.readStream(stream))).toEqual(before);

        // The same ids are accepted at the true revision: the rejected write reserved nothing.
        const result = await store.appendToStream(stream, rejected, { expectedRevision: 1n });
        expect(result.nextExpectedRevision).toBe(4n);
        const after = await collect(store.readStream(stream));
        expect(revisions(after)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(after.slice(2).map((e) => e.id)).toEqual(rejected.map((e) => e.id));
        expect((await store.appendToStream(stream, [newEvent()], { expectedRevision: 4n })).nextExpectedRevision).toBe(
          5n,
        );
      });

      it('appending no events only checks the expectation', async () => {
        const missing = streamName('emptyMissing');
        await store.appendToStream(missing, [], { expectedRevision: NO_STREAM });
        await expect(collect(store.readStream(missing))).rejects.toBeInstanceOf(StreamNotFoundError);
        expectWrongExpectedVersion(
          await rejectionOf(store.appendToStream(missing, [], { expectedRevision: STREAM_EXISTS })),
          missing,
          STREAM_EXISTS,
          NO_STREAM,
        );

        const stream = await seededStream(store, 'empty', 2);
        const result = await store.appendToStream(stream, [], { expectedRevision: 1n });
        expect(result.nextExpectedRevision).toBe(1n);
        expectWrongExpectedVersion(
          await rejectionOf(store.appendToStream(stream, [], { expectedRevision: 0n })),
          stream,
          0n,
          1n,
        );
        expect(revisions(await collect(store.readStream(stream)))).toEqual([0n, 1n]);
      });

      it('recognises a retried append (same ids, same expected revision) and stores it once', async () => {
        const stream = await seededStream(store, 'retry', 1);
        const batch = [newEvent(), newEvent()];
        const first = await store.appendToStream(stream, batch, { expectedRevision: 0n });
        const retried = await store.appendToStream(stream, batch, { expectedRevision: 0n });
        expect(retried.nextExpectedRevision).toBe(first.nextExpectedRevision);
        const stored = await collect(store.readStream(stream));
        expect(stored.map((e) => e.id)).toEqual([stored[0].id, ...batch.map((e) => e.id)]);
      });
    });

    describe('appendToStream: recorded events', () => {
      it('appends several events atomically, with consecutive revisions, contiguous in $all', async () => {
        const stream = streamName('atomic');
        const batch = [newEvent('A'), newEvent('B'), newEvent('C')];
        const result = await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });

        const stored = await collect(store.readStream(stream));
        expect(stored.map((e) => e.id)).toEqual(batch.map((e) => e.id));
        expect(revisions(stored)).toEqual([0n, 1n, 2n]);
        expectStrictlyIncreasing(positions(stored));
        expect(result.nextExpectedRevision).toBe(2n);
        expect(result.position).toBe(stored[2].position);

        const fromAll = await collect(store.readAll({ fromPosition: stored[0].position, maxCount: 3 }));
        expect(fromAll.map((e) => e.id)).toEqual(batch.map((e) => e.id));
      });

      it('round-trips ids, types, stream, nested JSON data and metadata, unicode included', async () => {
        const stream = streamName('roundTrip');
        const data: JsonObject = {
          tenant: { id: 't-42', name: 'Zürich Ärzte GmbH — 東京支社 🚀', tags: ['α', 'β', ''] },
          seats: 3,
          ratio: 0.125,
          negative: -7,
          active: true,
          nothing: null,
          empty: {},
          list: [{ sku: 'E3', quantity: 2 }, [1, [2, [3]]]],
          rtl: 'مرحبا',
          escapes: 'quote " backslash \\ newline \n tab \t',
        };
        const metadata: JsonObject = { correlationId: randomUUID(), actor: { id: 'admin@例え.jp', roles: ['owner'] } };
        const event = newEvent('TenantOnboarded', data, metadata);
        await store.appendToStream(stream, [event], { expectedRevision: NO_STREAM });

        const [stored] = await collect(store.readStream(stream));
        expect(stored).toMatchObject({ id: event.id, type: 'TenantOnboarded', streamId: stream, revision: 0n });
        expect(stored.data).toEqual(data);
        expect(stored.metadata).toEqual(metadata);
        const [fromAll] = await collect(store.readAll({ fromPosition: stored.position, maxCount: 1 }));
        expect(fromAll).toEqual(stored);
      });

      it('stamps a plausible created time', async () => {
        const before = Date.now();
        const stream = await seededStream(store, 'created', 1);
        const after = Date.now();
        const [stored] = await collect(store.readStream(stream));
        expect(stored.created).toBeInstanceOf(Date);
        // The store's clock may be another machine's: allow a minute of skew either way.
        expect(stored.created.getTime()).toBeGreaterThanOrEqual(before - 60_000);
        expect(stored.created.getTime()).toBeLessThanOrEqual(after + 60_000);
      });

      it('gives strictly increasing global positions across streams, as the append results say', async () => {
        const a = streamName('positionsA');
        const b = streamName('positionsB');
        const results = [
          await store.appendToStream(a, [newEvent()], { expectedRevision: NO_STREAM }),
          await store.appendToStream(b, [newEvent()], { expectedRevision: NO_STREAM }),
          await store.appendToStream(a, [newEvent()], { expectedRevision: 0n }),
          await store.appendToStream(b, [newEvent()], { expectedRevision: 0n }),
        ];
        expectStrictlyIncreasing(results.map((r) => r.position));
        const [a0, a1] = await collect(store.readStream(a));
        const [b0, b1] = await collect(store.readStream(b));
        expect([a0, b0, a1, b1].map((e) => e.position)).toEqual(results.map((r) => r.position));
      });
    });

    describe('appendToStreams', () => {
      it('appends to several streams in one call, each against its own expected revision; one result per append, in order', async () => {
        const fresh = streamName('manyFresh');
        const seeded = await seededStream(store, 'manySeeded', 2);
        const toFresh = [newEvent('A')];
        const toSeeded = [newEvent('B'), newEvent('C')];
        const results = await store.appendToStreams([
          { streamId: fresh, events: toFresh, expectedRevision: NO_STREAM },
          { streamId: seeded, events: toSeeded, expectedRevision: 1n },
        ]);

        const storedFresh = await collect(store.readStream(fresh));
        const storedSeeded = await collect(store.readStream(seeded, { fromRevision: 2n }));
        expect(storedFresh.map((e) => e.id)).toEqual(toFresh.map((e) => e.id));
        expect(storedSeeded.map((e) => e.id)).toEqual(toSeeded.map((e) => e.id));
        expect(results).toEqual([
          { nextExpectedRevision: 0n, position: storedFresh[0].position },
          { nextExpectedRevision: 3n, position: storedSeeded[1].position },
        ]);
      });

      it('a wrong expected revision fails that append alone, as its result: the others are stored', async () => {
        const taken = await seededStream(store, 'manyTaken', 1);
        const before = await collect(store.readStream(taken));
        const free = streamName('manyFree');
        const results = await store.appendToStreams([
          { streamId: taken, events: [newEvent('Rejected')], expectedRevision: NO_STREAM },
          { streamId: free, events: [newEvent('Kept')], expectedRevision: NO_STREAM },
        ]);

        expectWrongExpectedVersion(results[0], taken, NO_STREAM, 0n);
        expect(results[1]).toMatchObject({ nextExpectedRevision: 0n });
        expect(await collect(store.readStream(taken))).toEqual(before);
        expect((await collect(store.readStream(free))).map((e) => e.type)).toEqual(['Kept']);
      });

      it('recognises a retried call (same ids, same expected revisions) and stores each append once', async () => {
        const appends = ['manyRetryA', 'manyRetryB'].map((label) => ({
          streamId: streamName(label),
          events: [newEvent('Once')],
          expectedRevision: NO_STREAM,
        }));
        const first = await store.appendToStreams(appends);
        expect(await store.appendToStreams(appends)).toEqual(first);
        for (const { streamId } of appends) expect(await collect(store.readStream(streamId))).toHaveLength(1);
      });
    });

    describe('deleteStream', () => {
      it('makes the stream read as not found, leaves other streams alone, and is a no-op on a missing stream', async () => {
        const { stream } = await streamOf(store, 'deleted', 2);
        const { stream: kept } = await streamOf(store, 'keptBesideDeleted', 1);
        await store.deleteStream(stream);
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
        expect(await collect(store.readStream(kept))).toHaveLength(1);
        await expect(store.deleteStream(stream)).resolves.toBeUndefined();
        await expect(store.deleteStream(`never-${randomUUID()}`)).resolves.toBeUndefined();
      });
    });

    describe('readStream', () => {
      it('reads forwards from the start by default', async () => {
        const { stream, ids } = await streamOf(store, 'readForwards', 5);
        const stored = await collect(store.readStream(stream));
        expect(stored.map((e) => e.id)).toEqual(ids);
        expect(revisions(stored)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(stored.every((e) => e.streamId === stream)).toBe(true);
      });

      it('reads forwards from a revision (inclusive), up to maxCount', async () => {
        const { stream } = await streamOf(store, 'readForwardsFrom', 5);
        expect(revisions(await collect(store.readStream(stream, { fromRevision: 2n })))).toEqual([2n, 3n, 4n]);
        expect(revisions(await collect(store.readStream(stream, { fromRevision: 1n, maxCount: 2 })))).toEqual([1n, 2n]);
        expect(revisions(await collect(store.readStream(stream, { fromRevision: 'start', maxCount: 1 })))).toEqual([
          0n,
        ]);
        expect(await collect(store.readStream(stream, { fromRevision: 5n }))).toEqual([]);
      });

      it('reads backwards from the end by default, or from a revision (inclusive), up to maxCount', async () => {
        const { stream, ids } = await streamOf(store, 'readBackwards', 5);
        const backwards = await collect(store.readStream(stream, { direction: 'backwards' }));
        expect(backwards.map((e) => e.id)).toEqual([...ids].reverse());
        expect(revisions(backwards)).toEqual([4n, 3n, 2n, 1n, 0n]);
        expect(
          revisions(await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 2n }))),
        ).toEqual([2n, 1n, 0n]);
        expect(
          revisions(
            await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 2 })),
          ),
        ).toEqual([4n, 3n]);
        expect(
          revisions(await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }))),
        ).toEqual([3n, 2n]);
      });

      it('throws StreamNotFoundError for a missing stream, when iterated', async () => {
        const stream = streamName('missing');
        const forwards = store.readStream(stream);
        const backwards = store.readStream(stream, { direction: 'backwards' });
        const error = await rejectionOf(collect(forwards));
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({ streamId: stream });
        await expect(collect(backwards)).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('readAll', () => {
      it('reads forwards from a position (inclusive), up to maxCount', async () => {
        const stored = await appendAcrossStreams(store, 'readAllForwards', 4);
        const from = stored[1].position;
        const read = await collect(store.readAll({ fromPosition: from, maxCount: 2 }));
        expect(read).toHaveLength(2);
        expect(read[0]).toEqual(stored[1]);
        expectStrictlyIncreasing(positions(read));
        // Another writer may interleave on a shared store, never past our own next event.
        expect(read[1].position).toBeLessThanOrEqual(stored[2].position);

        const ours = await collect(store.readAll({ fromPosition: from }));
        expect(ours.filter((e) => isOneOf(e, stored))).toEqual(stored.slice(1));
        expectStrictlyIncreasing(positions(ours));
      });

      it('reads backwards from a position (inclusive), up to maxCount', async () => {
        const stored = await appendAcrossStreams(store, 'readAllBackwards', 4);
        const read = await collect(
          store.readAll({ direction: 'backwards', fromPosition: stored[2].position, maxCount: 2 }),
        );
        expect(read).toHaveLength(2);
        expect(read[0]).toEqual(stored[2]);
        expectStrictlyDecreasing(positions(read));
        expect(read[1].position).toBeGreaterThanOrEqual(stored[1].position);

        const ours = await collect(
          store.readAll({ direction: 'backwards', fromPosition: stored[3].position, maxCount: 1000 }),
        );
        expect(ours.filter((e) => isOneOf(e, stored))).toEqual([...stored].reverse());
      });

      it('reads from the start forwards and from the end backwards by default, without system events', async () => {
        const stored = await appendAcrossStreams(store, 'readAllDefaults', 2);
        const [first] = await collect(store.readAll({ maxCount: 1 }));
        expect(first.position).toBeLessThanOrEqual(stored[0].position);

        const latest = await collect(store.readAll({ direction: 'backwards', maxCount: 50 }));
        expect(latest.length).toBeGreaterThanOrEqual(2);
        expect(latest[0].position).toBeGreaterThanOrEqual(stored[1].position);
        expectStrictlyDecreasing(positions(latest));
        expect(latest.filter((e) => e.type.startsWith('$'))).toEqual([]);
      });
    });

    describe('subscribeToAll', () => {
      it("from 'start' catches up on stored events, then delivers live ones", async () => {
        const stored = await appendAcrossStreams(store, 'subscribeStart', 3);
        const streams = new Set(stored.map((e) => e.streamId));
        const probe = new SubscriptionProbe(store.subscribeToAll({ fromPosition: 'start' }), (e) =>
          streams.has(e.streamId),
        );
        try {
          expect(await probe.waitFor(3, 'stored events')).toEqual(stored);

          const live = [newEvent('Live'), newEvent('Live')];
          await store.appendToStream(stored[0].streamId, live, { expectedRevision: 0n });
          const delivered = await probe.waitFor(5, 'live events');
          expect(delivered.slice(3).map((e) => e.id)).toEqual(live.map((e) => e.id));
          expect(revisions(delivered.slice(3))).toEqual([1n, 2n]);
          probe.expectOrderedWithoutDuplicates();
        } finally {
          await probe.stop();
        }
      });

      it('from a checkpoint delivers only later events (exclusive), then live ones', async () => {
        const stored = await appendAcrossStreams(store, 'subscribeCheckpoint', 3);
        const streams = new Set(stored.map((e) => e.streamId));
        const checkpoint = stored[0].position;
        const probe = new SubscriptionProbe(store.subscribeToAll({ fromPosition: checkpoint }), (e) =>
          streams.has(e.streamId),
        );
        try {
          expect(await probe.waitFor(2, 'events after the checkpoint')).toEqual(stored.slice(1));

          const live = newEvent('Live');
          await store.appendToStream(stored[0].streamId, [live], { expectedRevision: 0n });
          const delivered = await probe.waitFor(3, 'the live event');
          expect(delivered[2].id).toBe(live.id);
          expect(probe.all.every((e) => e.position > checkpoint)).toBe(true);
          probe.expectOrderedWithoutDuplicates();
        } finally {
          await probe.stop();
        }
      });

      it('delivers concurrent appends to different streams in $all order, none skipped or repeated', async () => {
        const streams = Array.from({ length: 4 }, (_, i) => streamName(`concurrent${i}`));
        const ours = new Set(streams);
        const probe = new SubscriptionProbe(store.subscribeToAll({ fromPosition: 'start' }), (e) =>
          ours.has(e.streamId),
        );
        try {
          const appendsPerStream = 5;
          const written = await Promise.all(
            streams.map(async (stream) => {
              const ids: string[] = [];
              let expected: ExpectedRevision = NO_STREAM;
              for (let i = 0; i < appendsPerStream; i++) {
                const batch = [newEvent(), newEvent()];
                expected = (await store.appendToStream(stream, batch, { expectedRevision: expected }))
                  .nextExpectedRevision;
                ids.push(...batch.map((e) => e.id));
              }
              return ids;
            }),
          );
          const total = streams.length * appendsPerStream * 2;
          const delivered = await probe.waitFor(total, `${total} concurrently appended events`);
          probe.expectOrderedWithoutDuplicates();

          for (const [i, stream] of streams.entries()) {
            const ofStream = delivered.filter((e) => e.streamId === stream);
            expect(ofStream.map((e) => e.id)).toEqual(written[i]);
            expect(revisions(ofStream)).toEqual(ofStream.map((_, revision) => BigInt(revision)));
          }
          const fromAll = await collect(store.readAll({ fromPosition: delivered[0].position }));
          expect(fromAll.filter((e) => ours.has(e.streamId))).toEqual(delivered);
        } finally {
          await probe.stop();
        }
      });

      it('unsubscribe() ends the iteration promptly and stops delivery', async () => {
        const stream = await seededStream(store, 'unsubscribe', 1);
        const probe = new SubscriptionProbe(
          store.subscribeToAll({ fromPosition: 'start' }),
          (e) => e.streamId === stream,
        );
        await probe.waitFor(1, 'the stored event');
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 0n });
        await probe.waitFor(2, 'the live event');

        // The consumer is now waiting for the next live event: unsubscribing must end that wait.
        await probe.subscription.unsubscribe();
        await within(probe.finished, 'the iteration to end after unsubscribe()');
        expect(probe.failure).toBeUndefined();

        await store.appendToStream(stream, [newEvent()], { expectedRevision: 1n });
        expect(probe.received).toHaveLength(2);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of several concurrent appends with the same expected revision win', async () => {
        const stream = await seededStream(store, 'race', 1);
        const contenders = Array.from({ length: 8 }, () => [newEvent('Contender'), newEvent('Contender')]);
        const outcomes = await Promise.allSettled(
          contenders.map((batch) => store.appendToStream(stream, batch, { expectedRevision: 0n })),
        );

        const winners = outcomes.flatMap((o, i) =>
          o.status === 'fulfilled' ? [{ result: o.value, batch: contenders[i] }] : [],
        );
        expect(winners).toHaveLength(1);
        expect(winners[0].result.nextExpectedRevision).toBe(2n);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expectWrongExpectedVersion(outcome.reason, stream, 0n, 2n);
        }
        const stored = await collect(store.readStream(stream));
        expect(revisions(stored)).toEqual([0n, 1n, 2n]);
        expect(stored.slice(1).map((e) => e.id)).toEqual(winners[0].batch.map((e) => e.id));
      });
    });
  });
}

/** Iterates a subscription in the background, keeping the events a test cares about. */
export class SubscriptionProbe {
  /** Every event delivered, to check $all order. */
  readonly all: RecordedEvent[] = [];
  /** The events that pass the filter. */
  readonly received: RecordedEvent[] = [];
  failure: unknown;
  readonly finished: Promise<void>;
  private ended = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly subscription: AllSubscription,
    private readonly accept: (event: RecordedEvent) => boolean,
  ) {
    this.finished = this.consume();
  }

  /** Resolves with the first `count` accepted events; fails the test if they do not come in time. */
  async waitFor(count: number, what: string): Promise<RecordedEvent[]> {
    let check = (): void => undefined;
    const arrived = new Promise<RecordedEvent[]>((resolve, reject) => {
      check = () => {
        if (this.received.length >= count) resolve(this.received.slice(0, count));
        else if (this.failure !== undefined)
          reject(
            this.failure instanceof Error ? this.failure : new Error('subscription failed', { cause: this.failure }),
          );
        else if (this.ended) reject(new Error(`Subscription ended after ${this.received.length} of ${count} events`));
      };
    });
    this.listeners.add(check);
    check();
    try {
      return await within(arrived, () => `${what} (${this.received.length} of ${count} events arrived)`);
    } finally {
      this.listeners.delete(check);
    }
  }

  expectOrderedWithoutDuplicates(): void {
    expectStrictlyIncreasing(positions(this.all));
  }

  async stop(): Promise<void> {
    await this.subscription.unsubscribe();
    await within(this.finished, 'the subscription to end');
  }

  private async consume(): Promise<void> {
    try {
      for await (const event of this.subscription) {
        this.all.push(event);
        if (this.accept(event)) {
          this.received.push(event);
          this.notify();
        }
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.ended = true;
      this.notify();
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export async function within<T>(promise: Promise<T>, what: string | (() => string), ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const message = typeof what === 'string' ? () => what : what;
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${message()}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function streamName(label: string): string {
  return `contract${label[0].toUpperCase()}${label.slice(1)}-${randomUUID()}`;
}

export function newEvent(type = 'ContractChecked', data: JsonObject = { n: 1 }, metadata: JsonObject = {}): EventData {
  return { id: randomUUID(), type, data, metadata };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved');
}

export function expectWrongExpectedVersion(
  error: unknown,
  streamId: string,
  expectedRevision: ExpectedRevision,
  actualRevision: bigint | typeof NO_STREAM,
): void {
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect(error).toMatchObject({ streamId, expectedRevision, actualRevision });
}

async function seededStream(store: EventStore, label: string, count: number): Promise<string> {
  return (await streamOf(store, label, count)).stream;
}

async function streamOf(store: EventStore, label: string, count: number): Promise<{ stream: string; ids: string[] }> {
  const stream = streamName(label);
  const events = Array.from({ length: count }, (_, i) => newEvent('ContractSeeded', { i }));
  await store.appendToStream(stream, events, { expectedRevision: NO_STREAM });
  return { stream, ids: events.map((e) => e.id) };
}

/** One event in each of `count` new streams, appended one after another; returns them as recorded. */
async function appendAcrossStreams(store: EventStore, label: string, count: number): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const stream = streamName(`${label}${i}`);
    await store.appendToStream(stream, [newEvent('ContractSpread', { i })], { expectedRevision: NO_STREAM });
    recorded.push(...(await collect(store.readStream(stream))));
  }
  return recorded;
}

function isOneOf(event: RecordedEvent, events: RecordedEvent[]): boolean {
  return events.some((e) => e.id === event.id);
}

function revisions(events: RecordedEvent[]): bigint[] {
  return events.map((e) => e.revision);
}

function positions(events: RecordedEvent[]): bigint[] {
  return events.map((e) => e.position);
}

function expectStrictlyIncreasing(values: bigint[]): void {
  for (let i = 1; i < values.length; i++) {
    if (!(values[i] > values[i - 1])) throw new Error(`Not strictly increasing at ${i}: ${values.join(', ')}`);
  }
}

function expectStrictlyDecreasing(values: bigint[]): void {
  for (let i = 1; i < values.length; i++) {
    if (!(values[i] < values[i - 1])) throw new Error(`Not strictly decreasing at ${i}: ${values.join(', ')}`);
  }
}
