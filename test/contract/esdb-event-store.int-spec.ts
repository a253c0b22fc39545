import { createServer, type Server, type Socket } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import {
  EsdbEventStore,
  EventStoreUnavailableError,
  NO_STREAM,
  StreamNotFoundError,
  type EsdbEventStoreOptions,
} from '@app/event-store';
import { startEsdbTestServer, type EsdbTestServer } from '../esdb-test-server';
import { SubscriptionProbe, collect, eventStoreContract, newEvent, streamName, within } from './event-store.contract';

/** Set it to run everything that does not need to control the server against a real EventStoreDB. */
const REAL_ESDB = process.env.EVENTSTORE_CONNECTION_STRING;
const withTestServer = REAL_ESDB ? describe.skip : describe;
/** Fast resubscription, so drop tests take milliseconds, not the production backoff. */
const QUICK_RESUBSCRIBE: EsdbEventStoreOptions = { resubscribe: { initialDelayMs: 10, maxDelayMs: 100 } };

async function target(options: EsdbEventStoreOptions = {}, serverFeatures = true) {
  const server = REAL_ESDB ? undefined : await startEsdbTestServer({ serverFeatures });
  const store = new EsdbEventStore(REAL_ESDB ?? server!.connectionString, options);
  return {
    store,
    server,
    dispose: async () => {
      await store.close();
      await server?.stop();
    },
  };
}

eventStoreContract(REAL_ESDB ? 'EsdbEventStore (EventStoreDB)' : 'EsdbEventStore (wire test server, BatchAppend)', () =>
  target(),
);
// Without ServerFeatures the client appends through plain Append, as against a node older than 21.10.
if (!REAL_ESDB) eventStoreContract('EsdbEventStore (wire test server, plain Append)', () => target({}, false));
// Every $all read crosses page boundaries (system events included), as long histories do.
eventStoreContract('EsdbEventStore (2-event read pages)', () => target({ readPageSize: 2 }));

describe('EsdbEventStore specifics', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const open = async (options?: EsdbEventStoreOptions) => {
    const opened = await target(options);
    cleanups.push(opened.dispose);
    return opened;
  };

  it('leaves $-typed system events out of readAll and subscribeToAll, not out of readStream', async () => {
    const { store } = await open();
    const stream = streamName('systemEvents');
    const { position: checkpoint } = await store.appendToStream(stream, [newEvent('Marker')], {
      expectedRevision: NO_STREAM,
    });
    await store.appendToStream(stream, [newEvent('$SystemLike'), newEvent('Visible')], { expectedRevision: 0n });

    const probe = new SubscriptionProbe(
      store.subscribeToAll({ fromPosition: checkpoint }),
      (e) => e.streamId === stream,
    );
    cleanups.push(() => probe.stop());
    expect((await probe.waitFor(1, 'the visible event')).map((e) => e.type)).toEqual(['Visible']);
    expect(probe.all.filter((e) => e.type.startsWith('$'))).toEqual([]);

    const fromAll = await collect(store.readAll({ fromPosition: checkpoint, maxCount: 2 }));
    expect(fromAll.filter((e) => e.streamId === stream).map((e) => e.type)).toEqual(['Marker', 'Visible']);
    expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual(['Marker', '$SystemLike', 'Visible']);
  });

  it('refuses ids EventStoreDB would reject (not a UUID, repeated in one append) before writing anything', async () => {
    const { store } = await open();
    const stream = streamName('invalidIds');
    await expect(store.appendToStream(stream, [{ ...newEvent(), id: 'evt-1' }])).rejects.toBeInstanceOf(TypeError);
    const event = newEvent();
    await expect(store.appendToStream(stream, [event, event])).rejects.toBeInstanceOf(TypeError);
    await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('ping() answers while EventStoreDB is up', async () => {
    const { store } = await open();
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('ping() fails fast with EventStoreUnavailableError when nothing listens', async () => {
    const server = await startEsdbTestServer();
    await server.stop();
    const store = new EsdbEventStore(server.connectionString);
    cleanups.push(() => store.close());
    const error = await within(
      store.ping().catch((e: unknown) => e),
      'ping to fail',
      1_500,
    );
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('ping() gives up at its deadline when the server accepts connections but never answers', async () => {
    const blackHole = await listenWithoutAnswering();
    cleanups.push(blackHole.close);
    const store = new EsdbEventStore(`esdb://127.0.0.1:${blackHole.port}?tls=false`, { pingTimeoutMs: 300 });
    cleanups.push(() => store.close());
    const error = await within(
      store.ping().catch((e: unknown) => e),
      'ping to give up',
      2_000,
    );
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toMatch(/did not answer a ping within 300 ms/);
  });

  withTestServer('connection loss (test server only: it can drop and restart)', () => {
    it('resubscribes from its checkpoint after drops: every event exactly once, in order', async () => {
      const drops: unknown[] = [];
      const { store, server } = await open({
        resubscribe: { ...QUICK_RESUBSCRIBE.resubscribe, onDrop: (e) => drops.push(e) },
      });
      const stream = streamName('dropped');
      const written: string[] = [];
      let revision: bigint | typeof NO_STREAM = NO_STREAM;
      const append = async (count: number) => {
        const batch = Array.from({ length: count }, () => newEvent('Dropped'));
        revision = (await store.appendToStream(stream, batch, { expectedRevision: revision })).nextExpectedRevision;
        written.push(...batch.map((e) => e.id));
      };
      const probe = new SubscriptionProbe(store.subscribeToAll(), (e) => e.streamId === stream);
      cleanups.push(() => probe.stop());

      await append(4);
      await probe.waitFor(4, 'events before the first drop');
      expect(server!.dropSubscriptions()).toBe(1);
      await append(4);
      await probe.waitFor(8, 'events after an UNAVAILABLE drop');

      // Drop again while events are still flowing, with another status code.
      for (let i = 0; i < 10; i++) {
        await append(2);
        if (i === 4) server!.dropSubscriptions(grpc.status.INTERNAL);
      }
      const delivered = await probe.waitFor(28, 'every event after the second drop');
      expect(delivered.map((e) => e.id)).toEqual(written);
      probe.expectOrderedWithoutDuplicates();
      expect(drops.length).toBeGreaterThanOrEqual(2);
      expect(probe.failure).toBeUndefined();
    });

    it('survives a server restart: clear errors while it is down, then catches up from its checkpoint', async () => {
      const first = await startEsdbTestServer();
      let current = first;
      cleanups.push(() => current.stop());
      const store = new EsdbEventStore(first.connectionString, QUICK_RESUBSCRIBE);
      cleanups.push(() => store.close());
      const stream = streamName('restart');
      const before = [newEvent('BeforeRestart'), newEvent('BeforeRestart')];
      await store.appendToStream(stream, before, { expectedRevision: NO_STREAM });
      const probe = new SubscriptionProbe(store.subscribeToAll(), (e) => e.streamId === stream);
      cleanups.push(() => probe.stop());
      await probe.waitFor(2, 'events before the restart');

      await first.stop();
      await expect(store.appendToStream(stream, [newEvent()], { expectedRevision: 1n })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);

      current = await restart(first);
      const after = [newEvent('AfterRestart'), newEvent('AfterRestart'), newEvent('AfterRestart')];
      await store.appendToStream(stream, after, { expectedRevision: 1n });
      const delivered = await probe.waitFor(5, 'events after the restart');
      expect(delivered.map((e) => e.id)).toEqual([...before, ...after].map((e) => e.id));
      probe.expectOrderedWithoutDuplicates();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
});

/** The same port and the same data, as a restarted EventStoreDB node would have. */
function restart(stopped: EsdbTestServer): Promise<EsdbTestServer> {
  return startEsdbTestServer({ port: stopped.port, log: stopped.log });
}

/** A TCP server that accepts connections and never speaks HTTP/2: a hung EventStoreDB. */
async function listenWithoutAnswering(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
