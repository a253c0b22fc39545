import { EsdbEventStore, NO_STREAM } from '@app/event-store';
import { EsdbServerProcess } from '../esdb/support/esdb-server-process';
import { eventStoreContract, newEvent, streamName, within } from './event-store.contract';

/** Generated protobuf classes register under one global namespace; the last client loaded wins it. */
const protobufLoadedBeforeTheClient = (globalThis as { proto?: unknown }).proto !== undefined;

/**
 * The same adapter on the successor client, @kurrent/kurrentdb-client (LEDGER_EVENT_STORE=kurrentdb).
 * The test server runs in a process of its own: it is built on @eventstore/db-client's generated
 * protobuf classes, which register the same global names as this client's and break its BatchAppend.
 */
describe('EsdbEventStore on @kurrent/kurrentdb-client against the test server in another process', () => {
  const servers: EsdbServerProcess[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.stop())));

  it("loads no other protobuf classes before its own (the other client's would break its BatchAppend)", () => {
    expect(protobufLoadedBeforeTheClient).toBe(false);
  });

  async function target(args?: string[]) {
    const server = await EsdbServerProcess.start(args);
    servers.push(server);
    const store = new EsdbEventStore(server.kurrentDbConnectionString, { client: 'kurrentdb' });
    return { store, dispose: () => store.close() };
  }

  // The 1 MiB append limit (AppendTooLargeError) is part of the contract.
  eventStoreContract('EsdbEventStore on kurrentdb-client (BatchAppend)', () => target());
  // Without ServerFeatures the client appends through plain Append, as against a node older than 21.10.
  eventStoreContract('EsdbEventStore on kurrentdb-client (plain Append)', () =>
    target(['--port', '0', '--no-server-features']),
  );

  it('appends with streamState and reads back through the native bridge, and close() answers after reads that stopped early', async () => {
    const { store } = await target();
    const stream = streamName('kurrentBridge');
    const { position } = await store.appendToStream(stream, [newEvent('First')], { expectedRevision: NO_STREAM });
    await store.appendToStream(stream, [newEvent('Middle'), newEvent('Last')], { expectedRevision: 0n });

    for await (const event of store.readAll({ fromPosition: position, maxCount: 2 })) void event;
    const types: string[] = [];
    for await (const event of store.readStream(stream)) {
      types.push(event.type);
      if (event.type === 'Middle') break;
    }
    expect(types).toEqual(['First', 'Middle']);
    await within(store.close(), 'close()', 3_000);
  });
});
