import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, StoredEvent } from './event-log';
import { refusal, type Faults } from './faults';
import { compileFilter, type EventFilter } from './filter';
import { eventResponse, invalidArgument, streamIdentifier, streamName, type ReadEventShape } from './proto';
import { isClosed, send, type ReadCall } from './response-writer';
import type { SubscriptionRegistry } from './subscriptions';

/** Streams.Read: one RPC for stream reads, $all reads and both kinds of subscription. */
export function readHandler(log: EventLog, subscriptions: SubscriptionRegistry, faults: Faults) {
  return (call: ReadCall): void => {
    if (faults.unresponsive) return;
    const refused = refusal(faults, {
      write: false,
      all: call.request.getOptions()?.hasAll(),
      metadata: call.metadata,
    });
    if (refused) return void call.emit('error', refused);
    serveRead(log, subscriptions, call).catch((error: unknown) => {
      if (!isClosed(call)) call.emit('error', error);
    });
  };
}

async function serveRead(log: EventLog, subscriptions: SubscriptionRegistry, call: ReadCall): Promise<void> {
  const options = call.request.getOptions();
  if (!options || (!options.hasStream() && !options.hasAll())) throw invalidArgument('Read options are missing');
  const shape: ReadEventShape = {
    structuredUuid: !options.getUuidOption()?.hasString(),
    allPosition: options.hasAll(),
  };
  const filter = options.hasFilter() ? compileFilter(options.getFilter()) : undefined;
  if (options.hasSubscription()) return subscriptions.serve(call, options, shape, filter);

  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  let events: StoredEvent[];
  if (options.hasStream()) {
    const name = streamName(options.getStream()!.getStreamIdentifier());
    const stored = log.readStream(name);
    if (!stored) {
      const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name));
      if (await send(call, new ReadResp().setStreamNotFound(notFound))) call.end();
      return;
    }
    events = selectFromStream(stored, options.getStream()!, backwards);
  } else {
    events = selectFromAll(log, options.getAll()!, backwards, filter);
  }
  const count = Number(BigInt.asUintN(53, BigInt(options.getCount() || '0')));
  for (const event of events.slice(0, count)) {
    if (!(await send(call, eventResponse(event, shape)))) return;
  }
  call.end();
}

/** Stream reads are inclusive of the start revision in both directions. */
function selectFromStream(
  events: StoredEvent[],
  options: ReadReq.Options.StreamOptions,
  backwards: boolean,
): StoredEvent[] {
  if (!backwards) {
    if (options.hasEnd()) return [];
    const from = options.hasStart() ? 0n : BigInt(options.getRevision());
    return events.filter((e) => e.revision >= from);
  }
  if (options.hasEnd()) return [...events].reverse();
  const upTo = options.hasStart() ? 0n : BigInt(options.getRevision());
  return events.filter((e) => e.revision <= upTo).reverse();
}

/** $all positions: forwards is inclusive (pre-position), backwards exclusive (post-position), as in the server. */
function selectFromAll(
  log: EventLog,
  options: ReadReq.Options.AllOptions,
  backwards: boolean,
  filter: EventFilter | undefined,
): StoredEvent[] {
  const all = log.all;
  const at = options.hasPosition() ? BigInt(options.getPosition()!.getCommitPosition()) : undefined;
  let selected: StoredEvent[];
  if (!backwards) {
    selected = options.hasEnd() ? [] : all.slice(at === undefined ? 0 : log.indexAfter(at - 1n));
  } else {
    selected = options.hasStart()
      ? []
      : all.slice(0, at === undefined ? all.length : log.indexAfter(at - 1n)).reverse();
  }
  return filter ? selected.filter((e) => filter.matches(e)) : selected;
}
