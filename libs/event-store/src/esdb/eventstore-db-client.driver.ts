import {
  BACKWARDS,
  convertToCommandError,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  isCommandError,
  jsonEvent,
  START,
} from '@eventstore/db-client';
import type { EventData } from '../event-store.port';
import { toClientPosition, type ClientCommandError, type EsdbClient, type EsdbDriver } from './esdb-driver';

/** `@eventstore/db-client` 6.x (EventStoreDB up to 24.10): `esdb://` connection strings, `expectedRevision`. */
export const eventStoreDbClientDriver: EsdbDriver = {
  product: 'EventStoreDB',
  connect(connectionString: string): EsdbClient {
    const client = EventStoreDBClient.connectionString(connectionString);
    return {
      append: (streamId, events, expectedRevision, deadline) =>
        client.appendToStream(streamId, events.map(toJsonEvent), { expectedRevision, requiresLeader: true, deadline }),
      deleteStream: (streamId) => client.deleteStream(streamId, { expectedRevision: 'any', requiresLeader: true }),
      readStream: (streamId, { backwards, fromRevision, maxCount }) =>
        client.readStream(streamId, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: fromRevision ?? (backwards ? END : START),
          maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
          requiresLeader: true,
        }),
      readAll: ({ backwards, from, maxCount }) =>
        client.readAll({
          direction: backwards ? BACKWARDS : FORWARDS,
          fromPosition: typeof from === 'bigint' ? toClientPosition(from) : from === 'start' ? START : END,
          maxCount,
        }),
      subscribeToAll: (from) =>
        client.subscribeToAll({
          fromPosition: from === 'start' ? START : toClientPosition(from),
          filter: excludeSystemEvents(),
        }),
      dispose: () => client.dispose(),
    };
  },
  commandError(raw: unknown): ClientCommandError | undefined {
    // Some paths (the server-features probe before an append) reject with a raw gRPC error.
    const error = raw instanceof Error ? convertToCommandError(raw) : raw;
    return error instanceof Error && isCommandError(error) ? error : undefined;
  },
};

function toJsonEvent(event: EventData) {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}
