import * as grpc from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './event-log';

export function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Clients may send either form; 64-bit halves arrive as decimal strings (jstype = JS_STRING). */
export function parseUuid(uuid: UUID | undefined): string {
  if (!uuid) throw invalidArgument('Event id is missing');
  if (!uuid.hasStructured()) {
    // The server parses ids as GUIDs: anything else fails the append.
    if (!UUID_PATTERN.test(uuid.getString())) throw invalidArgument(`Event id is not a UUID: ${uuid.getString()}`);
    return uuid.getString().toLowerCase();
  }
  const s = uuid.getStructured()!;
  const hex = [s.getMostSignificantBits(), s.getLeastSignificantBits()]
    .map((half) => BigInt.asUintN(64, BigInt(half)).toString(16).padStart(16, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The server answers in the form the read asked for (UUIDOption); structured is the default. */
export function toUuid(id: string, structured: boolean): UUID {
  if (!structured) return new UUID().setString(id);
  const hex = id.replace(/-/g, '');
  const half = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString(10);
  return new UUID().setStructured(
    new UUID.Structured().setMostSignificantBits(half(hex.slice(0, 16))).setLeastSignificantBits(half(hex.slice(16))),
  );
}

export interface ReadEventShape {
  structuredUuid: boolean;
  /** $all reads carry the event's commit position; stream reads say "no position". */
  allPosition: boolean;
}

export function eventResponse(e: StoredEvent, shape: ReadEventShape): ReadResp {
  const position = e.position.toString(10);
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(toUuid(e.id, shape.structuredUuid))
    .setStreamIdentifier(streamIdentifier(e.streamId))
    .setStreamRevision(e.revision.toString(10))
    .setCommitPosition(position)
    .setPreparePosition(position)
    .setCustomMetadata(e.metadata)
    .setData(e.data);
  recorded
    .getMetadataMap()
    .set('type', e.type)
    .set('content-type', e.contentType)
    .set('created', e.created.toString(10));
  const read = new ReadResp.ReadEvent().setEvent(recorded);
  if (shape.allPosition) read.setCommitPosition(position);
  else read.setNoPosition(new Empty());
  return new ReadResp().setEvent(read);
}

export function checkpointResponse(position: bigint): ReadResp {
  const p = position.toString(10);
  return new ReadResp().setCheckpoint(new ReadResp.Checkpoint().setCommitPosition(p).setPreparePosition(p));
}

/** A gRPC error the way EventStoreDB sends it: the client reads the `exception` trailer first. */
export function serviceError(code: grpc.status, details: string, trailers: Record<string, string> = {}) {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

export function invalidArgument(details: string) {
  return serviceError(grpc.status.INVALID_ARGUMENT, details);
}
