import { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected: nothing was appended. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedRevision: ExpectedRevision,
    /** The stream's true revision, or 'no_stream'. */
    readonly actualRevision: bigint | 'no_stream',
  ) {
    super(
      `Wrong expected version for stream ${streamId}: expected ${String(expectedRevision)}, actual ${String(actualRevision)}`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

export class StreamNotFoundError extends Error {
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
    this.name = 'StreamNotFoundError';
  }
}

/** The store cannot be reached (EventStoreDB down, SQLite file unreadable). */
export class EventStoreUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}

/** The append's events exceed the store's limit (EventStoreDB's MaxAppendSize): nothing was appended. */
export class AppendTooLargeError extends Error {
  constructor(
    readonly streamId: string,
    /** Bytes of event data one append may carry, as the store counts them (see appendSize). */
    readonly maxAppendSize: number,
  ) {
    super(`The append to ${streamId} exceeds the store's limit of ${maxAppendSize} bytes of event data`);
    this.name = 'AppendTooLargeError';
  }
}
