import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../errors';
import type { ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';
import type { ClientResolvedEvent, EsdbDriver } from './esdb-driver';

/** System events ($-prefixed types: stats, metadata, links, users) never reach the port's readers. */
export function isSystemEvent(resolved: ClientResolvedEvent): boolean {
  return !resolved.event || resolved.event.type.startsWith('$');
}

export function toRecordedEvent(resolved: ClientResolvedEvent): RecordedEvent {
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

/** The position of a read's message in $all (the event's, else the read's). */
export function allPositionOf(resolved: ClientResolvedEvent): bigint | undefined {
  return resolved.event?.position?.commit ?? resolved.commitPosition;
}

export interface ErrorContext {
  streamId?: string;
  expectedRevision?: ExpectedRevision;
}

/** Maps the client's errors to the port's; whatever a retry could fix becomes EventStoreUnavailableError. */
export function toPortError(driver: EsdbDriver, raw: unknown, context: ErrorContext = {}): unknown {
  const error = driver.commandError(raw);
  if (!error) return raw;
  const unavailable = () => new EventStoreUnavailableError(`${driver.product} is unavailable: ${error.message}`, error);
  // Both clients' ErrorType values.
  switch (error.type) {
    case 'wrong-expected-version':
      return new WrongExpectedVersionError(
        context.streamId ?? error.streamName ?? '',
        context.expectedRevision ?? 'any',
        error.actualVersion ?? error.actualState ?? 'no_stream',
      );
    case 'stream-not-found':
      return new StreamNotFoundError(context.streamId ?? error.streamName ?? '');
    case 'maximum-append-size-exceeded':
      return new AppendTooLargeError(context.streamId ?? '', error.maxAppendSize ?? 0);
    case 'access-denied':
      return new EventStoreUnavailableError(
        `${driver.product} denied access (${error.message || 'Access Denied'}): the user of EVENTSTORE_CONNECTION_STRING needs read access to $all and read/write access to the ledger streams`,
        error,
      );
    case 'unavailable':
    case 'deadline-exceeded':
    case 'timeout':
    case 'cancelled':
    case 'not-leader':
      return unavailable();
    case 'unknown':
      // BatchAppend reports "not ready" and "too busy" with empty details, which the client cannot name.
      return NOT_HANDLED.test(error.message) ? unavailable() : error;
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
  const cause =
    error instanceof EventStoreUnavailableError ? (error.cause as { type?: unknown } | undefined) : undefined;
  return cause?.type === 'not-leader';
}

function parseJson(bytes: unknown): unknown {
  if (!(bytes instanceof Uint8Array)) return bytes;
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
