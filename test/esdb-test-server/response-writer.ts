import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';

export type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** True once the client cancelled or the call was ended (dropped); writers stop then. */
export function isClosed(call: ReadCall): boolean {
  return call.cancelled || call.writableEnded || call.destroyed;
}

/** Writes with flow control: waits for 'drain' so a slow reader never makes the server buffer the log. */
export async function send(call: ReadCall, message: ReadResp): Promise<boolean> {
  if (isClosed(call)) return false;
  if (call.write(message)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      call.off('drain', done).off('cancelled', done).off('close', done);
      resolve();
    };
    call.on('drain', done).on('cancelled', done).on('close', done);
  });
  return !isClosed(call);
}
