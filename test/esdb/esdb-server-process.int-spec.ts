import { EsdbEventStore, NO_STREAM, type EventStore } from '@app/event-store';
import { eventStoreContract, newEvent, streamName } from '../contract/event-store.contract';
import { EsdbServerProcess } from './support/esdb-server-process';
import { REAL_ESDB, timed } from './support/esdb-target';

/** A real EventStoreDB already runs the contract in test/contract/esdb-event-store.int-spec.ts; this is its stand-in in CI. */
const withServerProcess: jest.Describe = REAL_ESDB ? describe.skip : describe;

/**
 * The adapter against the wire test server in another process, as against a real node: calls cross
 * a socket between two event loops, so reads are still in flight when a reader stops early.
 */
withServerProcess('EsdbEventStore against the test server in another process', () => {
  let server: EsdbServerProcess;
  beforeAll(async () => {
    server = await EsdbServerProcess.start();
  }, 60_000);
  afterAll(() => server?.stop());

  eventStoreContract('EsdbEventStore (test server process)', async () => {
    const store = new EsdbEventStore(server.connectionString);
    return { store, dispose: () => store.close() };
  });

  it('close() answers after reads that stopped early (the client otherwise waits for their cancelled calls forever)', async () => {
    const store: EventStore = new EsdbEventStore(server.connectionString);
    const stream = streamName('stoppedEarly');
    const { position } = await store.appendToStream(stream, [newEvent('First')], { expectedRevision: NO_STREAM });
    await store.appendToStream(stream, [newEvent('$SystemLike'), newEvent('Last')], { expectedRevision: 0n });

    // Readers that stop at the last event they want, while the end of the call is still on its way.
    for await (const event of store.readAll({ fromPosition: position, maxCount: 2 })) void event;
    for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) void event;
    for await (const event of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) if (event) break;
    for await (const event of store.readStream(stream)) if (event.type === 'Last') break;

    await timed(store.close(), 3_000, 'close()');
  });
});
