import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import {
  AppendTooLargeError,
  EsdbEventStore,
  EventStoreUnavailableError,
  NO_STREAM,
  StreamNotFoundError,
  type EsdbEventStoreOptions,
} from '@app/event-store';
import { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from '../esdb-test-server';
import { collect, newEvent, streamName } from '../contract/event-store.contract';
import { eventually, withTestServer } from './support/esdb-target';

/** Short deadlines so a hung call fails in well under jest's timeout; the tests await outcomes, never sleep. */
const QUICK: EsdbEventStoreOptions = {
  callTimeoutMs: 500,
  pingTimeoutMs: 500,
  resubscribe: { initialDelayMs: 10, maxDelayMs: 100 },
};

withTestServer(
  'EsdbEventStore against a node that fails the ways a real one does (wire test server fault modes)',
  () => {
    const cleanups: Array<() => Promise<unknown>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    const serve = async (options: EsdbTestServerOptions = {}) => {
      const server = await startEsdbTestServer(options);
      cleanups.push(() => server.stop());
      return server;
    };
    const storeOn = (server: EsdbTestServer, options: EsdbEventStoreOptions = QUICK) => {
      const store = new EsdbEventStore(server.connectionString, options);
      cleanups.push(() => store.close());
      return store;
    };
    const rejection = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => error,
      );

    it('a node that accepts and never answers: the probe, appends, reads and ping fail at their deadline; the recreated client works once it answers', async () => {
      const server = await serve({ faults: { unresponsive: true } });
      const store = storeOn(server);
      const stream = streamName('hung');
      // The first append sends the ServerFeatures probe, which the client itself never bounds.
      for (let i = 0; i < 3; i++) {
        expect(await rejection(store.appendToStream(stream, [newEvent()]))).toBeInstanceOf(EventStoreUnavailableError);
      }
      expect(await rejection(collect(store.readStream(stream)))).toBeInstanceOf(EventStoreUnavailableError);
      expect(await rejection(collect(store.readAll({ maxCount: 1 })))).toBeInstanceOf(EventStoreUnavailableError);
      expect(await rejection(store.ping())).toBeInstanceOf(EventStoreUnavailableError);

      server.faults.unresponsive = false;
      await store.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });
      expect(await collect(store.readStream(stream))).toHaveLength(1);
      expect(server.calls.batchAppend).toBe(1);
    });

    it.each([true, false])(
      'not ready (ServerFeatures %s): appends and reads answer EventStoreUnavailableError and append nothing',
      async (serverFeatures) => {
        const server = await serve({ serverFeatures, faults: { notReady: true } });
        const store = storeOn(server);
        const stream = streamName('notReady');
        const error = await rejection(store.appendToStream(stream, [newEvent()]));
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect((error as Error).message).toMatch(/Server Is Not Ready/);
        expect(await rejection(store.ping())).toBeInstanceOf(EventStoreUnavailableError);
        server.faults.notReady = false;
        expect(await rejection(collect(store.readStream(stream)))).toBeInstanceOf(StreamNotFoundError);
      },
    );

    it.each([true, false])(
      'the 1 MiB append limit (ServerFeatures %s): AppendTooLargeError with the limit the server reports',
      async (serverFeatures) => {
        const server = await serve({ serverFeatures, faults: { maxAppendSize: 4_096 } });
        const store = storeOn(server);
        const stream = streamName('tooLarge');
        const error = await rejection(store.appendToStream(stream, [newEvent('Big', { blob: 'x'.repeat(5_000) })]));
        expect(error).toBeInstanceOf(AppendTooLargeError);
        expect(error).toMatchObject({ streamId: stream, maxAppendSize: 4_096 });
        expect(await rejection(collect(store.readStream(stream)))).toBeInstanceOf(StreamNotFoundError);
      },
    );

    it('access denied on $all: ping fails naming it; the subscription retries with backoff and reports the failure once, then recovers', async () => {
      const server = await serve({ faults: { accessDeniedOnAll: true } });
      const drops: unknown[] = [];
      const store = storeOn(server, {
        ...QUICK,
        resubscribe: { ...QUICK.resubscribe, onDrop: (error) => drops.push(error) },
      });
      const error = await rejection(store.ping());
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toMatch(/denied access.*\$all/);

      const subscription = store.subscribeToAll();
      cleanups.push(() => subscription.unsubscribe());
      const iterator = subscription[Symbol.asyncIterator]();
      const first = iterator.next();
      const readsBefore = server.calls.read;
      await eventually('four refused subscription attempts', async () =>
        server.calls.read >= readsBefore + 4 ? true : undefined,
      );
      expect(drops).toHaveLength(1);
      expect((drops[0] as Error).message).toMatch(/denied access/);

      server.faults.accessDeniedOnAll = false;
      const stream = streamName('afterDenied');
      await store.appendToStream(stream, [newEvent()]);
      let next = await first;
      while (!next.done && next.value.streamId !== stream) next = await iterator.next();
      expect(next.value).toMatchObject({ streamId: stream });
    });

    it('a server clock 60 s ahead: the raw client times out every BatchAppend; the adapter still appends through BatchAppend', async () => {
      const server = await serve({ faults: { clockAheadMs: 60_000 } });
      const raw = EventStoreDBClient.connectionString(server.connectionString);
      cleanups.push(() => raw.dispose());
      await expect(
        raw.appendToStream(streamName('rawSkew'), [jsonEvent({ type: 'Raw', data: {} })]),
      ).rejects.toMatchObject({ type: 'deadline-exceeded' });

      const store = storeOn(server);
      const stream = streamName('clockAhead');
      await store.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });
      expect(await collect(store.readStream(stream))).toHaveLength(1);
      expect(server.calls.batchAppend).toBe(2);
      expect(server.calls.append).toBe(0);
    });

    it.each([true, false])(
      'a follower answering NotLeader (ServerFeatures %s): appends and command reads follow it to the leader',
      async (serverFeatures) => {
        const leader = await serve({ serverFeatures });
        const follower = await serve({ serverFeatures, faults: { leader: { host: '127.0.0.1', port: leader.port } } });
        const seeded = storeOn(leader);
        const stream = streamName('leaderOnly');
        await seeded.appendToStream(stream, [newEvent()], { expectedRevision: NO_STREAM });

        // The follower's own log lacks the stream: a read served there would decide on stale state.
        const reader = storeOn(follower);
        expect(await collect(reader.readStream(stream))).toHaveLength(1);

        const writer = storeOn(follower);
        await writer.appendToStream(stream, [newEvent()], { expectedRevision: 0n });
        expect(await collect(seeded.readStream(stream))).toHaveLength(2);
        expect(follower.log.readStream(stream)).toBeUndefined();
      },
    );
  },
);
