import { parentPort, workerData } from 'node:worker_threads';
import { EventStoreConfig, createEventStore } from '../ledger/event-store.factory';
import { auditStateView } from './audit-state';
import { StateCheckpoints } from './state-checkpoints';
import type { StateWorkerReply, StateWorkerRequest } from './state-worker.protocol';

/**
 * The point-in-time worker thread (AuditStateWorker starts it): its own store connection behind
 * crypto-shredding, its own checkpoints, and its own heap, so neither the folds nor the garbage of
 * their state copies ever reach the main thread's event loop or its garbage collector.
 */
const port = parentPort!;
const store = createEventStore(workerData as EventStoreConfig);
const checkpoints = new StateCheckpoints(store);
const encoder = new TextEncoder();

port.on('message', (request: StateWorkerRequest) => {
  if (request.kind === 'answer') void answer(request.id, request.tenantId, new Date(request.at));
  else if (request.kind === 'forget') {
    // E1: the main thread's subscription saw the UserPurged; this thread's key cache and states forget too.
    store.keys.forget(request.tenantId, request.userId);
    checkpoints.forget(request.tenantId);
  } else void store.close().finally(() => process.exit(0)); // ends this thread only
});

async function answer(id: number, tenantId: string, at: Date): Promise<void> {
  try {
    const { state, events } = await checkpoints.foldAt(tenantId, at);
    const json = encoder.encode(JSON.stringify(auditStateView(at, state)));
    port.postMessage({ id, json, events } satisfies StateWorkerReply, [json.buffer]);
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, error: { name, message } } satisfies StateWorkerReply);
  }
}
