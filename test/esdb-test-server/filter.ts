import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './event-log';

export interface EventFilter {
  matches(event: StoredEvent): boolean;
  /** Events considered (matching or not) between two checkpoints. */
  checkpointInterval: number;
}

/** EventStoreDB's default search window when the client asks for `count` instead of `max`. */
const DEFAULT_WINDOW = 32;

export function compileFilter(options: ReadReq.Options.FilterOptions | undefined): EventFilter | undefined {
  if (!options) return undefined;
  const onType = options.hasEventType();
  const expression = onType ? options.getEventType()! : options.getStreamIdentifier()!;
  const field = (e: StoredEvent) => (onType ? e.type : e.streamId);
  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  const pattern = regex ? new RegExp(regex) : undefined;
  const window = options.hasMax() ? options.getMax() : DEFAULT_WINDOW;
  return {
    matches: pattern ? (e) => pattern.test(field(e)) : (e) => prefixes.some((p) => field(e).startsWith(p)),
    checkpointInterval: Math.max(1, window * Math.max(1, options.getCheckpointintervalmultiplier())),
  };
}
