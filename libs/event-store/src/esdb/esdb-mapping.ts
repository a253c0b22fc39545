import {
  convertToCommandError,
  ErrorType,
  isCommandError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { AppendTooLargeError, EventStoreUnavailableError, StreamNotFoundError, WrongExpectedVersionError } from '../errors';
import type { EventData, ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';

export function toJsonEvent(event: EventData) {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}

/** System events ($-prefixed types: stats, metadata, links, users) never reach the port's readers. */
export function isSystemEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): boolean {
  return !resolved.event || resolved.event.type.startsWith('$');
}

export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const e = resolved.event!;
  return {
    id: e.id,
    type: e.type,
    streamId: e.streamId,
    revision: e.revision,
    // Stream reads carry the event's log position on servers >= 22.6; $all reads always do.
    position: e.position?.commit ?? resolved.commitPosition ?? -1n,
    created: e.created,
    data: asJsonObject(e.isJson ? e.data : parseJson(e.data)),
    metadata: asJsonObject(e.metadata instanceof Uint8Array ? parseJson(e.metadata) : e.metadata),
  };
}

/** The port speaks bigint positions (the commit position); the client wants {commit, prepare}. */
export function toClientPosition(position: bigint) {
  return { commit: position, prepare: position };
}

export interface ErrorContext {
  streamId?: string;
  expectedRevision?: ExpectedRevision;
}

/** Maps the client's errors to the port's; whatever a retry could fix becomes EventStoreUnavailableError. */
export function toPortError(raw: unknown, context: ErrorContext = {}): unknown {
  // Some paths (the server-features probe before an append) reject with a raw gRPC error.
  const error = raw instanceof Error ? convertToCommandError(raw) : raw;
  if (!(error instanceof Error) || !isCommandError(error)) return error;
  switch (error.type) {
    case ErrorType.WRONG_EXPECTED_VERSION:
      return new WrongExpectedVersionError(
        context.streamId ?? error.streamName,
        context.expectedRevision ?? 'any',
        error.actualVersion,
      );
    case ErrorType.STREAM_NOT_FOUND:
      return new StreamNotFoundError(context.streamId ?? error.streamName);
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED:
      return new AppendTooLargeError(context.streamId ?? '', error.maxAppendSize);
    case ErrorType.ACCESS_DENIED:
      return new EventStoreUnavailableError(
        `EventStoreDB denied access (${error.message || 'Access Denied'}): the user of EVENTSTORE_CONNECTION_STRING needs read access to $all and read/write access to the ledger streams`,
        error,
      );
    case ErrorType.UNAVAILABLE:
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
    case ErrorType.CANCELLED:
    case ErrorType.NOT_LEADER:
      return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${error.message}`, error);
    case ErrorType.UNKNOWN:
      // BatchAppend reports "not ready" and "too busy" with empty details, which the client cannot name.
      return NOT_HANDLED.test(error.message) ? new EventStoreUnavailableError(`EventStoreDB is unavailable: ${error.message}`, error) : error;
    default:
      return error;
  }
}

const NOT_HANDLED = /Server Is (Not Ready|Too Busy|Busy)/i;

export function isUnavailable(error: unknown): boolean {
  return error instanceof EventStoreUnavailableError;
}

/** A follower answered a call that needs the leader; the client has switched to the leader it named. */
export function isNotLeader(error: unknown): boolean {
  const cause = error instanceof EventStoreUnavailableError ? error.cause : undefined;
  return cause instanceof Error && isCommandError(cause) && cause.type === ErrorType.NOT_LEADER;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return {};
  }
}

function asJsonObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)
    ? (value as JsonObject)
    : {};
}
