import * as grpc from '@grpc/grpc-js';
import { DeleteReq, DeleteResp } from '@eventstore/db-client/generated/streams_pb';
import { expectedOf } from './append';
import type { EventLog, Expected } from './event-log';
import { refusal, type Faults } from './faults';
import { invalidArgument, serviceError, streamName } from './proto';

/** Streams.Delete (soft delete). Unlike Append, a wrong expected version is a gRPC error with trailers. */
export function deleteHandler(log: EventLog, faults: Faults) {
  return (call: grpc.ServerUnaryCall<DeleteReq, DeleteResp>, callback: grpc.sendUnaryData<DeleteResp>): void => {
    if (faults.unresponsive) return;
    const refused = refusal(faults, { write: true, metadata: call.metadata });
    if (refused) return callback(refused);
    const options = call.request.getOptions();
    if (!options) return callback(invalidArgument('Delete options are missing'));
    const name = streamName(options.getStreamIdentifier());
    const expected = expectedOf(options);
    const outcome = log.deleteStream(name, expected);
    if (!outcome.ok) {
      return callback(
        serviceError(grpc.status.FAILED_PRECONDITION, 'Wrong expected version', {
          exception: 'wrong-expected-version',
          'stream-name': name,
          'expected-version': versionNumber(expected),
          ...(outcome.current === 'no_stream' ? {} : { 'actual-version': outcome.current.toString(10) }),
        }),
      );
    }
    const p = outcome.position.toString(10);
    callback(null, new DeleteResp().setPosition(new DeleteResp.Position().setCommitPosition(p).setPreparePosition(p)));
  };
}

/** EventStoreDB's numeric expected versions: -1 no stream, -2 any, -4 stream exists. */
function versionNumber(expected: Expected): string {
  if (typeof expected === 'bigint') return expected.toString(10);
  return { no_stream: '-1', any: '-2', stream_exists: '-4' }[expected];
}
