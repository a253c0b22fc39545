import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  EventStoreDBClient,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type Position,
} from '@eventstore/db-client';
// The client's own UUID decoder, to prove the structured form the server sends decodes as the client expects.
import { parseUUID } from '@eventstore/db-client/dist/utils/grpcUUID';
import { startEsdbTestServer, type EsdbTestServer } from '.';
import { parseUuid, toUuid } from './proto';
import { collect, within } from '../contract/event-store.contract';

const REPO_ROOT = resolve(__dirname, '../..');

describe('EventStoreDB wire test server, driven by the unmodified client', () => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    server = await startEsdbTestServer();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });

  afterEach(async () => {
    await client.dispose();
    await server.stop();
  });

  const events = (count: number, type = 'Wire') =>
    Array.from({ length: count }, (_, i) => jsonEvent({ type, data: { i } }));

  it('Delete: a wrong expected version is a gRPC error the client maps; a soft-deleted stream reads as not found', async () => {
    await client.appendToStream('wire-delete', events(2), { expectedRevision: 'no_stream' });
    const error = await client.deleteStream('wire-delete', { expectedRevision: 5n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamName: 'wire-delete', expectedVersion: 5n, actualVersion: 1n });

    await client.deleteStream('wire-delete', { expectedRevision: 1n });
    await expect(collect(client.readStream('wire-delete'))).rejects.toBeInstanceOf(StreamNotFoundError);
    // As in EventStoreDB, appending again recreates the stream after its last revision.
    await client.appendToStream('wire-delete', events(1));
    expect((await collect(client.readStream('wire-delete'))).map((e) => e.event?.revision)).toEqual([2n]);
  });

  it('stream subscriptions: confirmation, past events, caught-up, then live events', async () => {
    await client.appendToStream('wire-sub', events(2), { expectedRevision: 'no_stream' });
    const subscription = client.subscribeToStream('wire-sub');
    const caughtUp = new Promise<void>((done) => subscription.once('caughtUp', done));
    const received: bigint[] = [];
    const all = (async () => {
      for await (const resolved of subscription) if (received.push(resolved.event!.revision) === 3) break;
    })();
    await within(caughtUp, 'caught-up');
    expect(received).toEqual([0n, 1n]);
    await client.appendToStream('wire-sub', events(1), { expectedRevision: 1n });
    await within(all, 'the live event');
    await subscription.unsubscribe();
    expect(received).toEqual([0n, 1n, 2n]);
  });

  it('filtered $all subscriptions report checkpoints that never run ahead of delivered events', async () => {
    const checkpoints: bigint[] = [];
    const delivered: bigint[] = [];
    let lastDelivered = -1n;
    const subscription = client.subscribeToAll({
      filter: excludeSystemEvents({
        checkpointReached: (_: unknown, position: Position) => {
          // A checkpoint may pass filtered-out events, never a matching event not yet delivered.
          expect(position.commit).toBeGreaterThanOrEqual(lastDelivered);
          checkpoints.push(position.commit);
        },
      }),
    });
    await client.appendToStream('wire-filtered', events(40), { expectedRevision: 'no_stream' });
    const done = (async () => {
      for await (const resolved of subscription) {
        expect(resolved.event!.type.startsWith('$')).toBe(false);
        lastDelivered = resolved.event!.position.commit;
        if (delivered.push(lastDelivered) === 40) break;
      }
    })();
    await within(done, '40 events');
    await subscription.unsubscribe();
    expect(checkpoints.length).toBeGreaterThanOrEqual(1);
  });

  it('encodes structured UUIDs the way the client decodes them', () => {
    for (const id of [randomUUID(), 'ffffffff-ffff-4fff-bfff-ffffffffffff', '00000000-0000-4000-8000-000000000001']) {
      expect(parseUUID(toUuid(id, true))).toBe(id);
      expect(parseUuid(toUuid(id, true))).toBe(id);
      expect(parseUuid(toUuid(id, false))).toBe(id);
    }
  });
});

describe('EventStoreDB wire test server in its own process', () => {
  const folder = mkdtempSync(join(tmpdir(), 'esdb-test-server-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints its connection string, and keeps its data across a restart on the same port', async () => {
    const data = join(folder, 'log.jsonl');
    const first = await ServerProcess.start(['--port', '0', '--data', data]);
    const port = new URL(first.connectionString).port;
    let client = EventStoreDBClient.connectionString(first.connectionString);
    const written = events(3);
    await client.appendToStream('process-stream', written, { expectedRevision: 'no_stream' });
    await client.dispose();
    await first.stop();

    const second = await ServerProcess.start(['--port', port, '--data', data]);
    try {
      expect(second.connectionString).toBe(first.connectionString);
      client = EventStoreDBClient.connectionString(second.connectionString);
      const read = await collect(client.readStream('process-stream'));
      expect(read.map((e) => e.event?.id)).toEqual(written.map((e) => e.id));
      await client.dispose();
    } finally {
      await second.stop();
    }
  });

  function events(count: number) {
    return Array.from({ length: count }, (_, i) => jsonEvent({ type: 'InProcess', data: { i } }));
  }
});

class ServerProcess {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connectionString: string,
  ) {}

  static async start(args: string[]): Promise<ServerProcess> {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, 'main.ts'), ...args],
      {
        cwd: REPO_ROOT,
      },
    );
    const firstLine = new Promise<string>((resolveLine, reject) => {
      createInterface({ input: child.stdout }).once('line', resolveLine);
      child.once('exit', (code) => reject(new Error(`Test server exited with ${code}`)));
    });
    return new ServerProcess(child, await within(firstLine, 'the test server to start', 20_000));
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
    this.child.kill('SIGTERM');
    await within(exited, 'the test server to exit');
  }
}
