import { StreamNotFoundError, WrongExpectedVersionError } from './errors';
import {
  ANY,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  NO_STREAM,
  ReadStreamOptions,
  RecordedEvent,
  STREAM_EXISTS,
} from './event-store.port';

/** Global position of the last stored event; -1n when the store is empty. */
export async function headPosition(store: EventStore): Promise<bigint> {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
  return -1n;
}

/** A stream's events, or none when the stream does not exist yet (a tenant without history is an empty ledger). */
export async function* readStreamOrEmpty(
  store: EventStore,
  streamId: string,
  options?: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> {
  try {
    yield* store.readStream(streamId, options);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
}

/** The one append check of the port, as EventStoreDB makes it: does the stream stand where the writer expected? */
export function matchesExpectedRevision(expected: ExpectedRevision, current: bigint | typeof NO_STREAM): boolean {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return current === NO_STREAM;
  if (expected === STREAM_EXISTS) return current !== NO_STREAM;
  return current === expected;
}

/** appendToStream through appendToStreams: the one append, its wrong expected revision thrown. */
export async function appendOne(
  store: Pick<EventStore, 'appendToStreams'>,
  streamId: string,
  events: readonly EventData[],
  expectedRevision?: ExpectedRevision,
): Promise<AppendResult> {
  const [result] = await store.appendToStreams([{ streamId, events, expectedRevision }]);
  if (result instanceof WrongExpectedVersionError) throw result;
  return result;
}
