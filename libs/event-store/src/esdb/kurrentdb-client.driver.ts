import {
  BACKWARDS,
  convertToCommandError,
  END,
  excludeSystemEvents,
  FORWARDS,
  isCommandError,
  jsonEvent,
  KurrentDBClient,
  START,
  type AllStreamSubscription,
} from '@kurrent/kurrentdb-client';
import type { EventData } from '../event-store.port';
import {
  toClientPosition,
  type ClientCommandError,
  type ClientRead,
  type ClientResolvedEvent,
  type ClientSubscription,
  type EsdbClient,
  type EsdbDriver,
} from './esdb-driver';

/**
 * `@kurrent/kurrentdb-client` 1.x, the successor of `@eventstore/db-client`: `kurrentdb://`
 * connection strings, `streamState` for the expected revision, reads through its native bridge.
 */
export const kurrentDbClientDriver: EsdbDriver = {
  product: 'KurrentDB',
  connect(connectionString: string): EsdbClient {
    const client = KurrentDBClient.connectionString(connectionString);
    return {
      append: (streamId, events, expectedRevision, deadline) =>
        client.appendToStream(streamId, events.map(toJsonEvent), {
          streamState: expectedRevision,
          requiresLeader: true,
          deadline,
        }),
      deleteStream: (streamId) => client.deleteStream(streamId, { expectedRevision: 'any', requiresLeader: true }),
      readStream: (streamId, { backwards, fromRevision, maxCount }) =>
        cancellable(
          client.readStream(streamId, {
            direction: backwards ? BACKWARDS : FORWARDS,
            fromRevision: fromRevision ?? (backwards ? END : START),
            maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
            requiresLeader: true,
          }),
        ),
      readAll: ({ backwards, from, maxCount }) =>
        cancellable(
          client.readAll({
            direction: backwards ? BACKWARDS : FORWARDS,
            fromPosition: typeof from === 'bigint' ? toClientPosition(from) : from === 'start' ? START : END,
            maxCount,
          }),
        ),
      subscribeToAll: (from) =>
        createdInWholeSeconds(
          client.subscribeToAll({
            fromPosition: from === 'start' ? START : toClientPosition(from),
            filter: excludeSystemEvents(),
          }),
        ),
      dispose: () => client.dispose(),
    };
  },
  commandError(raw: unknown): ClientCommandError | undefined {
    // Some paths (the server-features probe before an append) reject with a raw gRPC error.
    const error = raw instanceof Error ? convertToCommandError(raw) : raw;
    return error instanceof Error && isCommandError(error) ? error : undefined;
  },
};

/** The bridge's reads are plain async iterators: stopping one early is returning it. */
function cancellable(read: AsyncIterableIterator<ClientResolvedEvent>): ClientRead {
  return {
    [Symbol.asyncIterator]: () => read,
    cancel: async () => void (await read.return?.()),
  };
}

/**
 * The bridge's reads give `created` in whole seconds, the client's own (gRPC) subscription in
 * milliseconds: cut the subscription's to seconds too, so an event is the same whichever way it came.
 */
function createdInWholeSeconds(subscription: AllStreamSubscription): ClientSubscription {
  return {
    once: (event, listener) => subscription.once(event, listener),
    unsubscribe: () => subscription.unsubscribe(),
    async *[Symbol.asyncIterator]() {
      for await (const resolved of subscription) {
        if (resolved.event)
          resolved.event.created = new Date(Math.floor(resolved.event.created.getTime() / 1_000) * 1_000);
        yield resolved;
      }
    },
  };
}

function toJsonEvent(event: EventData) {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}
