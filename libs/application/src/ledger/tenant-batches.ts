/**
 * Queues each tenant's work in this process and hands it over in batches, one batch at a time per
 * tenant: what arrives while a batch runs (or within one turn of the event loop) forms the next one.
 * Other processes are kept out by expected revisions.
 */
export class TenantBatches<T> {
  private readonly queues = new Map<string, T[]>();

  constructor(
    private readonly run: (tenantId: string, batch: T[]) => Promise<void>,
    private readonly maxBatch: number,
  ) {}

  add(tenantId: string, item: T): void {
    const queue = this.queues.get(tenantId);
    if (queue) {
      queue.push(item);
      return;
    }
    this.queues.set(tenantId, [item]);
    // One turn of the event loop lets the requests already read from the sockets join the first batch.
    setImmediate(() => void this.drain(tenantId));
  }

  /** Puts items back at the head of the tenant's queue, to run in the next batch. */
  putBack(tenantId: string, items: readonly T[]): void {
    this.queues.get(tenantId)?.unshift(...items);
  }

  private async drain(tenantId: string): Promise<void> {
    const queue = this.queues.get(tenantId)!;
    while (queue.length > 0) await this.run(tenantId, queue.splice(0, this.maxBatch));
    this.queues.delete(tenantId);
  }
}
