import * as grpc from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp, type BatchAppendReq } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, Expected, ProposedEvent } from './event-log';
import { maxAppendSizeExceeded, refusal, sizeOnDisk, type Faults } from './faults';
import { invalidArgument, parseUuid, serviceError, streamName } from './proto';

type AppendCall = grpc.ServerReadableStream<AppendReq, AppendResp>;

/** Streams.Append: client-streaming, the options first, then one message per event; all or nothing. */
export function appendHandler(log: EventLog, faults: Faults) {
  return (call: AppendCall, callback: grpc.sendUnaryData<AppendResp>): void => {
    if (faults.unresponsive) return;
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let size = 0;
    let failed = false;
    const fail = (error: ReturnType<typeof serviceError>) => {
      if (failed) return;
      failed = true;
      callback(error);
    };
    call.on('data', (request: AppendReq) => {
      if (failed) return;
      try {
        if (!options) {
          if (!request.hasOptions()) throw invalidArgument('The first append message must carry the options');
          const refused = refusal(faults, { write: true, metadata: call.metadata });
          if (refused) throw refused;
          options = request.getOptions();
        } else if (request.hasProposedMessage()) {
          const event = toProposed(request.getProposedMessage()!);
          size += sizeOnDisk(event);
          if (size > faults.maxAppendSize) throw maxAppendSizeExceeded(faults.maxAppendSize);
          proposed.push(event);
        } else {
          throw invalidArgument('Expected a proposed message');
        }
      } catch (error) {
        fail(error as ReturnType<typeof serviceError>);
      }
    });
    call.on('error', () => (failed = true));
    call.on('end', () => {
      if (failed) return;
      if (!options) return fail(invalidArgument('Append options are missing'));
      const expected = expectedOf(options);
      const outcome = log.append(streamName(options.getStreamIdentifier()), expected, proposed);
      callback(
        null,
        outcome.ok ? success(outcome.revision, outcome.position) : wrongExpectedVersion(expected, outcome.current),
      );
    });
  };
}

/** Append's and BatchAppend's proposed messages have the same fields. */
export function toProposed(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined || contentType === undefined) {
    throw serviceError(grpc.status.INVALID_ARGUMENT, 'Required metadata property missing', {
      exception: 'missing-required-metadata-property',
      'required-metadata-properties': 'type,content-type',
    });
  }
  return {
    id: parseUuid(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

export function expectedOf(options: {
  hasRevision(): boolean;
  getRevision(): string;
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
}): Expected {
  if (options.hasRevision()) return BigInt(options.getRevision());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function success(revision: bigint, position: bigint): AppendResp {
  const ok = new AppendResp.Success();
  if (revision < 0n) ok.setNoStream(new Empty());
  else ok.setCurrentRevision(revision.toString(10));
  if (position < 0n) ok.setNoPosition(new Empty());
  else
    ok.setPosition(
      new AppendResp.Position().setCommitPosition(position.toString(10)).setPreparePosition(position.toString(10)),
    );
  return new AppendResp().setSuccess(ok);
}

/** Not a gRPC error: the client reads it from the response (status OK). */
function wrongExpectedVersion(expected: Expected, current: bigint | 'no_stream'): AppendResp {
  const wev = new AppendResp.WrongExpectedVersion();
  if (current === 'no_stream') wev.setCurrentNoStream(new Empty());
  else wev.setCurrentRevision(current.toString(10));
  if (expected === 'any') wev.setExpectedAny(new Empty());
  else if (expected === 'no_stream') wev.setExpectedNoStream(new Empty());
  else if (expected === 'stream_exists') wev.setExpectedStreamExists(new Empty());
  else wev.setExpectedRevision(expected.toString(10));
  return new AppendResp().setWrongExpectedVersion(wev);
}
