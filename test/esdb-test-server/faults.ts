import * as grpc from '@grpc/grpc-js';
import { serviceError } from './proto';

/** EventStoreDB's default MaxAppendSize (24.10, 25.0): bytes of event data per append. */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

/**
 * What a real node can do to a client, switchable while the server runs (`server.faults`). Every
 * answer has the shape EventStoreDB 24.10 gives it (its RpcExceptions and BatchAppend statuses).
 */
export interface Faults {
  /** Accepts every call and never answers: a hung node (the ServerFeatures probe included). */
  unresponsive: boolean;
  /** Answers appends and reads "Server Is Not Ready", as a node still starting or catching up does. */
  notReady: boolean;
  /** Refuses reads of and subscriptions to $all with AccessDenied, as for a user without $all rights. */
  accessDeniedOnAll: boolean;
  /** How far this server's clock runs ahead of the client's (ms): BatchAppend's absolute deadlines expire early. */
  clockAheadMs: number;
  /** A follower: calls that require the leader (and every write) answer NotLeader with this address. */
  leader?: { host: string; port: number };
  /** Bytes of event data per append (type, data, metadata, as the server counts them). */
  maxAppendSize: number;
}

export function defaultFaults(): Faults {
  return {
    unresponsive: false,
    notReady: false,
    accessDeniedOnAll: false,
    clockAheadMs: 0,
    maxAppendSize: DEFAULT_MAX_APPEND_SIZE,
  };
}

/** RpcExceptions.ServerNotReady: no `exception` trailer, so the client sees UNAVAILABLE. */
export function serverNotReady() {
  return serviceError(grpc.status.UNAVAILABLE, 'Server Is Not Ready');
}

/** RpcExceptions.AccessDenied. */
export function accessDenied() {
  return serviceError(grpc.status.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' });
}

/** RpcExceptions.LeaderInfo: the client reconnects to the leader it names. */
export function notLeader(leader: { host: string; port: number }) {
  return serviceError(grpc.status.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': leader.host,
    'leader-endpoint-port': String(leader.port),
  });
}

/** RpcExceptions.MaxAppendSizeExceeded (plain Append). */
export function maxAppendSizeExceeded(maxAppendSize: number) {
  return serviceError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });
}

/** The error a fault answers a call with before it is served, or undefined to serve it. */
export function refusal(faults: Faults, call: { write: boolean; all?: boolean; metadata: grpc.Metadata }) {
  if (faults.notReady) return serverNotReady();
  const requiresLeader = call.metadata.get('requires-leader')[0] === 'true';
  if (faults.leader && (call.write || requiresLeader)) return notLeader(faults.leader);
  if (faults.accessDeniedOnAll && call.all) return accessDenied();
  return undefined;
}

/** Event.SizeOnDisk as 24.10 counts it toward MaxAppendSize: data, metadata and the type in UTF-16. */
export function sizeOnDisk(event: { type: string; data: Uint8Array; metadata: Uint8Array }): number {
  return event.data.length + event.metadata.length + event.type.length * 2;
}
