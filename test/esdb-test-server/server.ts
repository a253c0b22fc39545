import * as grpc from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append';
import { deleteHandler } from './delete';
import { EventLog } from './event-log';
import { readHandler } from './read';
import { SubscriptionRegistry } from './subscriptions';

export interface EsdbTestServerOptions {
  /** 0 (default) picks a free port; pass a stopped server's port to restart it there. */
  port?: number;
  host?: string;
  /** Reuse a stopped server's log to restart "with the same data". */
  log?: EventLog;
  /** Or persist the log to a JSON-lines file (for a server in another process). */
  dataFile?: string;
}

export interface EsdbTestServer {
  connectionString: string;
  port: number;
  log: EventLog;
  /** Ends every open subscription with an error status; returns how many were dropped. */
  dropSubscriptions(code?: grpc.status): number;
  /** Kills every connection and call at once, as a crashed server would. */
  stop(): Promise<void>;
}

/**
 * An in-memory, EventStoreDB-wire-compatible server for tests: the real @eventstore/db-client talks
 * gRPC to it unmodified. Only the Streams service is served: without ServerFeatures the client uses
 * plain Append, never BatchAppend.
 */
export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? new EventLog(options.dataFile);
  const subscriptions = new SubscriptionRegistry(log);
  const server = new grpc.Server();
  server.addService(StreamsService, {
    read: readHandler(log, subscriptions),
    append: appendHandler(log),
    delete: deleteHandler(log),
  } as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    connectionString: `esdb://${host}:${port}?tls=false`,
    port,
    log,
    dropSubscriptions: (code) => subscriptions.drop(code),
    stop: async () => {
      subscriptions.drop(grpc.status.UNAVAILABLE, 'Server shutting down');
      server.forceShutdown();
    },
  };
}
