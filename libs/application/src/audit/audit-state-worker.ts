import { OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { extname, join } from 'node:path';
import type { EventStoreConfig } from '../ledger/event-store.factory';
import type { StateWorkerReply, StateWorkerRequest } from './state-worker.protocol';

/** From the TypeScript sources (tests, ts-node) the thread compiles its file as the process does. */
const TS_EXEC_ARGV = ['--require', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register'];

export interface AuditStateAnswer {
  /** The AuditStateView's JSON text in UTF-8. */
  json: Uint8Array;
  /** Events folded past the checkpoint the fold started from. */
  events: number;
}

interface Pending {
  resolve: (answer: AuditStateAnswer) => void;
  reject: (error: Error) => void;
}

/**
 * GET /v1/audit/state off the main thread (A2, issue 9): one worker thread, started on the first query,
 * owns the store connection, the checkpoints and the folds, and answers finished JSON bytes whose buffer
 * is transferred, not copied. So the main thread's part of a query is two messages and a socket write,
 * at any history size and any number of parallel queries; folding in slices on the main thread bounded
 * the computation per turn, but the copies of large states still cost the main heap scavenges of 20-35 ms.
 */
export class AuditStateWorker implements OnModuleDestroy {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  private readonly config: EventStoreConfig;

  constructor({ eventStore, eventStoreConnectionString, dataDir }: EventStoreConfig) {
    // Only what the thread needs to open the store: no secret of the rest of the config crosses over.
    this.config = { eventStore, eventStoreConnectionString, dataDir };
  }

  answer(tenantId: string, at: Date): Promise<AuditStateAnswer> {
    const id = this.nextId++;
    const answered = new Promise<AuditStateAnswer>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.post({ kind: 'answer', id, tenantId, at: at.toISOString() }, true);
    return answered;
  }

  /** After a purge (E1): the thread's key cache and checkpoints forget the tenant's erased user. */
  forget(tenantId: string, userId: string): void {
    this.post({ kind: 'forget', tenantId, userId }, false);
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  /** Closes the thread's store connection and ends the thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage({ kind: 'close' } satisfies StateWorkerRequest);
    await exited;
  }

  private post(request: StateWorkerRequest, start: boolean): void {
    // Nothing to forget in a thread not started: it holds no state yet.
    if (start) this.worker ??= this.start();
    this.worker?.postMessage(request);
  }

  private start(): Worker {
    const file = join(__dirname, `audit-state.thread${extname(__filename)}`);
    const worker = new Worker(file, {
      workerData: this.config,
      execArgv: file.endsWith('.ts') ? TS_EXEC_ARGV : [],
    });
    worker.on('message', (reply: StateWorkerReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) pending?.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
      else pending?.resolve({ json: reply.json, events: reply.events });
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      // A thread that died takes its queries with it; the next query starts a new one.
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error(`The point-in-time worker thread exited (code ${code})`));
    });
    return worker;
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}
