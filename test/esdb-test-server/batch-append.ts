import * as grpc from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import {
  AllStreamPosition,
  MaximumAppendSizeExceeded,
  Timeout,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, Expected, ProposedEvent } from './event-log';
import { refusal, sizeOnDisk, type Faults } from './faults';
import { parseUuid, streamIdentifier, streamName } from './proto';
import { toProposed } from './append';

type BatchAppendCall = grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>;

interface PendingWrite {
  stream: string;
  expected: Expected;
  /** The client's absolute deadline (BatchAppendReq.Options field 6, deadline_21_10_0), in ms. */
  deadline: number;
  events: ProposedEvent[];
  size: number;
}

/**
 * Streams.BatchAppend, as 24.10 serves it: one long-lived bidirectional call; each append is a
 * correlation id, options on its first chunk, proposed messages, and an is_final chunk. Failures are
 * per-append statuses in the response (google.rpc.Status with typed details), not gRPC errors,
 * except NotLeader, which fails the whole call.
 */
export function batchAppendHandler(log: EventLog, faults: Faults) {
  return (call: BatchAppendCall): void => {
    const pending = new Map<string, PendingWrite>();
    const answer = (
      request: BatchAppendReq,
      stream: string,
      outcome: { status?: Status; success?: BatchAppendResp.Success },
    ) => {
      const response = new BatchAppendResp().setCorrelationId(request.getCorrelationId());
      response.setStreamIdentifier(streamIdentifier(stream));
      if (outcome.status) response.setError(outcome.status);
      else response.setSuccess(outcome.success);
      call.write(response);
    };
    call.on('data', (request: BatchAppendReq) => {
      if (faults.unresponsive) return;
      const id = parseUuid(request.getCorrelationId());
      const options = request.getOptions();
      if (options) {
        const refused = refusal(faults, { write: true, metadata: call.metadata });
        // NotLeader is thrown while converting the write's result: it fails the whole call.
        if (refused && refused.code !== grpc.status.UNAVAILABLE) return void call.emit('error', refused);
        const stream = streamName(options.getStreamIdentifier());
        if (refused) return answer(request, stream, { status: emptyStatus(refused.details) });
        // The client's proto calls field 6 `deadline`; the server's names it deadline_21_10_0 (a Timestamp).
        const deadline = options.getDeadline();
        pending.set(id, {
          stream,
          expected: expectedOf(options),
          deadline: deadline ? deadline.toDate().getTime() : Number.POSITIVE_INFINITY,
          events: [],
          size: 0,
        });
      }
      const write = pending.get(id);
      if (!write) return;
      for (const message of request.getProposedMessagesList()) {
        const event = toProposed(message);
        write.events.push(event);
        write.size += sizeOnDisk(event);
      }
      if (write.size > faults.maxAppendSize) {
        pending.delete(id);
        return answer(request, write.stream, { status: maximumAppendSizeExceeded(faults.maxAppendSize) });
      }
      if (!request.getIsFinal()) return;
      pending.delete(id);
      // The server measures the client's absolute deadline against its own clock.
      if (write.deadline - (Date.now() + faults.clockAheadMs) <= 0)
        return answer(request, write.stream, { status: timeout() });
      const outcome = log.append(write.stream, write.expected, write.events);
      if (!outcome.ok)
        return answer(request, write.stream, { status: wrongExpectedVersion(write.expected, outcome.current) });
      answer(request, write.stream, { success: success(outcome.revision, outcome.position) });
    });
    call.on('end', () => {
      if (!faults.unresponsive) call.end();
    });
    call.on('error', () => undefined);
  };
}

function expectedOf(options: BatchAppendReq.Options): Expected {
  if (options.hasStreamPosition()) return BigInt(options.getStreamPosition());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function status(code: Code, message: string, details: { serializeBinary(): Uint8Array }, typeName: string): Status {
  const any = new Any();
  any.pack(details.serializeBinary(), typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

/** NotHandled (not ready, too busy) in BatchAppend: no code, google.protobuf.Empty details, so the client raises UnknownError. */
function emptyStatus(message: string): Status {
  return status(Code.OK, message, new GoogleEmpty(), 'google.protobuf.Empty');
}

function maximumAppendSizeExceeded(maxAppendSize: number): Status {
  const details = new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
  return status(
    Code.INVALID_ARGUMENT,
    `Maximum Append Size of ${maxAppendSize} Exceeded.`,
    details,
    'event_store.client.MaximumAppendSizeExceeded',
  );
}

function timeout(): Status {
  return status(Code.DEADLINE_EXCEEDED, 'Timeout', new Timeout(), 'event_store.client.Timeout');
}

function wrongExpectedVersion(expected: Expected, current: bigint | 'no_stream'): Status {
  const details = new WrongExpectedVersion();
  if (current === 'no_stream') details.setCurrentNoStream(new GoogleEmpty());
  else details.setCurrentStreamRevision(current.toString(10));
  if (expected === 'any') details.setExpectedAny(new GoogleEmpty());
  else if (expected === 'no_stream') details.setExpectedNoStream(new GoogleEmpty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new GoogleEmpty());
  else details.setExpectedStreamPosition(expected.toString(10));
  return status(Code.FAILED_PRECONDITION, 'WrongExpectedVersion', details, 'event_store.client.WrongExpectedVersion');
}

function success(revision: bigint, position: bigint): BatchAppendResp.Success {
  const ok = new BatchAppendResp.Success();
  if (revision < 0n) ok.setNoStream(new GoogleEmpty());
  else ok.setCurrentRevision(revision.toString(10));
  if (position < 0n) ok.setNoPosition(new GoogleEmpty());
  else
    ok.setPosition(
      new AllStreamPosition().setCommitPosition(position.toString(10)).setPreparePosition(position.toString(10)),
    );
  return ok;
}
