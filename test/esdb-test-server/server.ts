import * as grpc from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append';
import { batchAppendHandler } from './batch-append';
import { deleteHandler } from './delete';
import { EventLog } from './event-log';
import { defaultFaults, type Faults } from './faults';
import { readHandler } from './read';
import { serverFeaturesHandler } from './server-features';
import { SubscriptionRegistry } from './subscriptions';

export interface EsdbTestServerOptions {
  /** 0 (default) picks a free port; pass a stopped server's port to restart it there. */
  port?: number;
  host?: string;
  /** Reuse a stopped server's log to restart "with the same data". */
  log?: EventLog;
  /** Or persist the log to a JSON-lines file (for a server in another process). */
  dataFile?: string;
  /**
   * Serve ServerFeatures (default true), listing BatchAppend as a 24.10 node does, so the client
   * appends through BatchAppend. false: the client falls back to plain Append, as against a pre-21.10 node.
   */
  serverFeatures?: boolean;
  /** Faults to start with; change them later through `server.faults`. */
  faults?: Partial<Faults>;
}

export interface EsdbTestServer {
  connectionString: string;
  port: number;
  log: EventLog;
  /** Calls received per RPC (BatchAppend: appends, i.e. final chunks), to show which path the client took. */
  calls: { read: number; append: number; batchAppend: number };
  /** Switch fault modes on and off while the server runs; every new call obeys them. */
  faults: Faults;
  /** Ends every open subscription with an error status; returns how many were dropped. */
  dropSubscriptions(code?: grpc.status): number;
  /** Kills every connection and call at once, as a crashed server would. */
  stop(): Promise<void>;
}

/**
 * An in-memory, EventStoreDB-wire-compatible server for tests: the real @eventstore/db-client talks
 * gRPC to it unmodified. It serves ServerFeatures and the Streams service (Read, Append,
 * BatchAppend, Delete), enforces the 1 MiB append limit, and can fail the ways a real node does.
 */
export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? new EventLog(options.dataFile);
  const faults: Faults = { ...defaultFaults(), ...options.faults };
  const subscriptions = new SubscriptionRegistry(log);
  const server = new grpc.Server();
  const calls = { read: 0, append: 0, batchAppend: 0 };
  const read = readHandler(log, subscriptions, faults);
  const append = appendHandler(log, faults);
  const batchAppend = batchAppendHandler(log, faults);
  server.addService(StreamsService, {
    read: (call: Parameters<typeof read>[0]) => (calls.read++, read(call)),
    append: (call: Parameters<typeof append>[0], callback: Parameters<typeof append>[1]) => (
      calls.append++,
      append(call, callback)
    ),
    batchAppend: (call: Parameters<typeof batchAppend>[0]) => {
      call.on('data', (request: { getIsFinal(): boolean }) => request.getIsFinal() && calls.batchAppend++);
      batchAppend(call);
    },
    delete: deleteHandler(log, faults),
  });
  if (options.serverFeatures ?? true) {
    server.addService(ServerFeaturesService, { getSupportedMethods: serverFeaturesHandler(faults) });
  }
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    connectionString: `esdb://${host}:${port}?tls=false`,
    port,
    log,
    calls,
    faults,
    dropSubscriptions: (code) => subscriptions.drop(code),
    stop: async () => {
      subscriptions.drop(grpc.status.UNAVAILABLE, 'Server shutting down');
      server.forceShutdown();
    },
  };
}
