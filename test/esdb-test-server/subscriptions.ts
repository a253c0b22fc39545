import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, StoredEvent } from './event-log';
import type { EventFilter } from './filter';
import { checkpointResponse, eventResponse, serviceError, streamName, type ReadEventShape } from './proto';
import { send, type ReadCall } from './response-writer';

interface ActiveSubscription {
  call: ReadCall;
  stop: () => void;
}

/** Where a subscription is in its source; `next()` returns what was appended since and advances. */
interface Cursor {
  next(): StoredEvent[];
}

/**
 * Catch-up subscriptions: confirmation, past events, caught-up, then live events, in one loop over
 * the log, so nothing is sent twice or skipped between the catch-up and live phases.
 */
export class SubscriptionRegistry {
  private readonly active = new Set<ActiveSubscription>();

  constructor(private readonly log: EventLog) {}

  get count(): number {
    return this.active.size;
  }

  async serve(call: ReadCall, options: ReadReq.Options, shape: ReadEventShape, filter?: EventFilter): Promise<void> {
    let stopped = false;
    let waiter: { cancel(): void } | undefined;
    const entry: ActiveSubscription = { call, stop: () => ((stopped = true), waiter?.cancel()) };
    this.active.add(entry);
    call.on('cancelled', entry.stop);
    try {
      const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
      if (!(await send(call, new ReadResp().setConfirmation(confirmation)))) return;
      const cursor = options.hasAll() ? this.allCursor(options.getAll()!) : this.streamCursor(options.getStream()!);
      let caughtUp = false;
      let considered = 0;
      while (!stopped) {
        const batch = cursor.next();
        for (const event of batch) {
          considered += 1;
          if ((!filter || filter.matches(event)) && !(await send(call, eventResponse(event, shape)))) return;
          if (
            filter &&
            considered % filter.checkpointInterval === 0 &&
            !(await send(call, checkpointResponse(event.position)))
          )
            return;
          if (stopped) return;
        }
        if (batch.length > 0) continue;
        if (!caughtUp) {
          caughtUp = true;
          if (filter && this.log.lastPosition >= 0n && !(await send(call, checkpointResponse(this.log.lastPosition))))
            return;
          if (!(await send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) return;
          continue;
        }
        // Taken synchronously right after an empty read, so no append can slip in between.
        const next = this.log.nextAppend();
        waiter = next;
        await next.promise;
      }
    } finally {
      this.active.delete(entry);
      call.off('cancelled', entry.stop);
    }
  }

  /** Ends every subscription with an error status, as a server restart or overload would. */
  drop(code = grpc.status.UNAVAILABLE, details = 'Subscription dropped by the test server'): number {
    const dropped = [...this.active];
    for (const { call, stop } of dropped) {
      stop();
      call.emit('error', serviceError(code, details));
    }
    return dropped.length;
  }

  /** $all subscriptions start after the given position (exclusive), or at the end. */
  private allCursor(options: ReadReq.Options.AllOptions): Cursor {
    let after = options.hasStart()
      ? -1n
      : options.hasEnd()
        ? this.log.lastPosition
        : BigInt(options.getPosition()!.getCommitPosition());
    return {
      next: () => {
        const batch = this.log.all.slice(this.log.indexAfter(after));
        if (batch.length) after = batch[batch.length - 1].position;
        return batch;
      },
    };
  }

  /** Stream subscriptions start after the given revision (exclusive), or at the end. */
  private streamCursor(options: ReadReq.Options.StreamOptions): Cursor {
    const name = streamName(options.getStreamIdentifier());
    const last = this.log.lastRevision(name);
    let after = options.hasStart()
      ? -1n
      : options.hasEnd()
        ? last === 'no_stream'
          ? -1n
          : last
        : BigInt(options.getRevision());
    return {
      next: () => {
        const batch = (this.log.readStream(name) ?? []).filter((e) => e.revision > after);
        if (batch.length) after = batch[batch.length - 1].revision;
        return batch;
      },
    };
  }
}
