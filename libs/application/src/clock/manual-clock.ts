import { DomainError } from '@app/domain';
import {
  EventStore,
  ExpectedRevision,
  NO_STREAM,
  WrongExpectedVersionError,
  readStreamOrEmpty,
} from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Clock } from './clock';

/** The manual clock's stream: not a tenant ledger (those are `ledger-<tenantId>`), and its event types are no ledger events, so read models and audit skip it. */
export const CLOCK_STREAM = 'manual-clock';

/** A clock advance's Idempotency-Key is kept this long (real time: the manual time jumps by days). */
export const CLOCK_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface ClockAdvance {
  days?: number;
  hours?: number;
  minutes?: number;
}

/** The request's Idempotency-Key, its fingerprint and the status its success answers with (as for ledger commands). */
export interface ClockIdempotency {
  key: string;
  fingerprint: string;
  status: number;
}

export interface ClockAdvanceOutcome {
  body: { now: string };
  /** Set when the key was already used for this request: nothing moved, this is the first answer. */
  replayed?: { status: number };
}

interface ClockMetadata {
  idempotency?: ClockIdempotency & { body: { now: string } };
}

interface ClockHead {
  now: Date;
  revision: ExpectedRevision;
  /** The advance first made with the key asked for, within CLOCK_KEY_TTL_MS. */
  remembered?: NonNullable<ClockMetadata['idempotency']>;
}

const MAX_ATTEMPTS = 25;
const MINUTE_MS = 60_000;

/**
 * For demos and tests: starts at the real time, stands still, and moves only when advanced. It lives
 * in the event store (stream CLOCK_STREAM) and is read on every use, so every API node on one store,
 * and every restart, sees the same time. An advance appends with the revision it read, so concurrent
 * advances from several nodes each move it once; its Idempotency-Key travels in the event's metadata.
 */
export class ManualClock implements Clock {
  /**
   * @param legacyFile the `clock.json` of data folders from before the clock lived in the store: its
   *   time starts the stream when the store has no clock yet.
   */
  constructor(
    private readonly store: EventStore,
    private readonly legacyFile?: string,
  ) {}

  async now(): Promise<Date> {
    return (await this.head()).now;
  }

  async advance(
    { days = 0, hours = 0, minutes = 0 }: ClockAdvance,
    idempotency?: ClockIdempotency,
  ): Promise<ClockAdvanceOutcome> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const head = await this.head(idempotency?.key);
      if (head.remembered) {
        if (head.remembered.fingerprint !== idempotency!.fingerprint) {
          throw new DomainError(
            'IdempotencyKeyReused',
            `The Idempotency-Key "${idempotency!.key}" was already used for a different request.`,
          );
        }
        return { body: head.remembered.body, replayed: { status: head.remembered.status } };
      }
      const body = {
        now: new Date(head.now.getTime() + ((days * 24 + hours) * 60 + minutes) * MINUTE_MS).toISOString(),
      };
      const metadata: ClockMetadata = idempotency ? { idempotency: { ...idempotency, body } } : {};
      try {
        await this.store.appendToStream(
          CLOCK_STREAM,
          [{ id: randomUUID(), type: 'ClockAdvanced', data: body, metadata: { ...metadata } }],
          {
            expectedRevision: head.revision,
          },
        );
        return { body };
      } catch (error) {
        // Another node moved it in between: read again (it may have been this very key) and decide again.
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
    throw new DomainError('ConcurrencyConflict', 'The clock kept changing under this advance; try again', {
      attempts: MAX_ATTEMPTS,
    });
  }

  /** The clock's time and revision (starting the stream if it has none), and the advance made with `key`, if any. */
  private async head(key?: string): Promise<ClockHead> {
    let head: ClockHead | undefined;
    const oldest = Date.now() - CLOCK_KEY_TTL_MS;
    for await (const event of readStreamOrEmpty(this.store, CLOCK_STREAM, { direction: 'backwards' })) {
      head ??= { now: new Date((event.data as { now: string }).now), revision: event.revision };
      const record = (event.metadata as ClockMetadata).idempotency;
      if (key === undefined || event.created.getTime() < oldest) break;
      if (record?.key === key) return { ...head, remembered: record };
    }
    return head ?? this.start();
  }

  /** The first use on a store: the clock starts at the legacy file's time, else now; a node that loses the race reads the winner's. */
  private async start(): Promise<ClockHead> {
    const now = this.legacyTime() ?? new Date();
    try {
      await this.store.appendToStream(
        CLOCK_STREAM,
        [{ id: randomUUID(), type: 'ClockStarted', data: { now: now.toISOString() }, metadata: {} }],
        {
          expectedRevision: NO_STREAM,
        },
      );
      return { now, revision: 0n };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return this.head();
    }
  }

  private legacyTime(): Date | undefined {
    if (this.legacyFile === undefined) return undefined;
    try {
      return new Date((JSON.parse(readFileSync(this.legacyFile, 'utf8')) as { now: string }).now);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
