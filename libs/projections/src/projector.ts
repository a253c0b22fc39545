import { isLedgerEvent } from '@app/domain';
import { EventStore, RecordedEvent, headPosition, truncateWal } from '@app/event-store';
import { ReadModelDatabase } from './database';
import { ProjectedEvent, Projection, handlesType, toProjected } from './projection';

/** One command's part of a preview: its events, then what its answer reads; a discarded step's events are rolled back before the next step. */
export interface PreviewStep<T = unknown> {
  events: readonly ProjectedEvent[];
  read: () => T;
  discard?: boolean;
}

export interface ProjectorLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

const NOTHING_APPLIED = -1n;
const BATCH_SIZE = 500;
/** Events per transaction when catching up: fewer, larger commits; a batch still commits with its checkpoints. */
const CATCH_UP_BATCH_SIZE = 5_000;
const RETRY_DELAY_MS = 1000;
const LAG_CAP = 10_000;
/** How often waits past their deadline are failed: one timer for all of them, not one per command. */
const DEADLINE_SWEEP_MS = 250;

interface Waiter {
  position: bigint;
  deadline: number;
  timeoutMs: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Feeds every projection from one checkpointed subscription to all events. Each batch commits its
 * read-model updates together with the checkpoints, and reads the checkpoints inside that same
 * write transaction (a compare-and-set): with several processes on one folder, an event another
 * process already applied is skipped, never applied twice, and none is skipped.
 */
export class Projector {
  private readonly appliers: { projection: Projection; apply: (event: ProjectedEvent) => void }[];
  /** The appliers of the read models that answers read: a preview applies only these. */
  private readonly previewers: { projection: Projection; apply: (event: ProjectedEvent) => void }[];
  private readonly readCheckpoints;
  private readonly writeCheckpoint;
  private readonly applyBatch: (events: readonly RecordedEvent[]) => bigint;
  private readonly previewTx: (steps: readonly PreviewStep[]) => never;
  private readonly discardedStep: (step: PreviewStep) => never;
  /** The lowest checkpoint of all projections: every event up to it is in every read model. */
  private applied = NOTHING_APPLIED;
  /** Commands waiting for the read models, answered as the checkpoint passes their position. */
  private waiters: Waiter[] = [];
  private sweeper: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private subscription: { unsubscribe(): Promise<void> } | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly projections: readonly Projection[],
    private readonly logger: ProjectorLogger,
    previewed: readonly Projection[] = projections,
  ) {
    this.prepareSchema();
    this.appliers = projections.map((projection) => ({ projection, apply: projection.bind(db) }));
    this.previewers = this.appliers.filter(({ projection }) => previewed.includes(projection));
    this.readCheckpoints = db
      .prepare<[], { name: string; position: bigint }>('SELECT name, position FROM projection_checkpoints')
      .safeIntegers(true);
    this.writeCheckpoint = db.prepare('UPDATE projection_checkpoints SET position = ? WHERE name = ?');
    const applyBatch = db.transaction((events: readonly RecordedEvent[]) => this.applyInTransaction(events));
    this.applyBatch = (events) => applyBatch.immediate(events);
    // A nested transaction is a savepoint: throwing out of it rolls back only the discarded step.
    this.discardedStep = db.transaction((step: PreviewStep): never => {
      throw new Preview(this.previewStep(step));
    });
    const previewTx = db.transaction((steps: readonly PreviewStep[]): never => {
      throw new Preview(steps.map((step) => (step.discard ? this.previewDiscarded(step) : this.previewStep(step))));
    });
    this.previewTx = (steps) => previewTx.immediate(steps);
    this.advance(this.lowestCheckpoint());
  }

  /** Starts catching up, then follows live events, until stop(). */
  start(): void {
    this.stopped = false;
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.unsubscribe();
    await this.running;
    this.running = undefined;
  }

  get checkpoint(): bigint {
    return this.applied;
  }

  /** Where the read models stand against the store; `lag` counts the events still to apply (up to LAG_CAP). */
  async status(): Promise<{ checkpoint: string; head: string; lag: number }> {
    const head = await headPosition(this.store);
    const checkpoint = this.checkpoint;
    let lag = 0;
    if (head > checkpoint) {
      const from = checkpoint === NOTHING_APPLIED ? 'start' : checkpoint;
      for await (const event of this.store.readAll({ fromPosition: from, maxCount: LAG_CAP + 1 })) {
        if (event.position > checkpoint) lag++;
      }
    }
    return { checkpoint: checkpoint.toString(), head: head.toString(), lag };
  }

  /** Resolves once every read model has applied the event at `position`; no timer per call, the flush that passes it answers. */
  waitFor(position: bigint, timeoutMs = 30_000): Promise<void> {
    if (this.applied >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ position, deadline: Date.now() + timeoutMs, timeoutMs, resolve, reject });
      this.sweeper ??= setInterval(() => this.failLateWaiters(), Math.min(DEADLINE_SWEEP_MS, timeoutMs)).unref();
    });
  }

  /**
   * What each step's `read` returns from the read models with its events and those of the kept
   * steps before it applied, all rolled back afterwards: the answers of a batch of commands are
   * known before their events are stored. Only the `previewed` read models get the events.
   */
  preview(steps: readonly PreviewStep[]): unknown[] {
    return this.rolledBack(() => this.previewTx(steps)) as unknown[];
  }

  /** Applies whatever is stored up to now and returns; used by the CLI's rebuild and verify. */
  async catchUp(onProgress?: (position: bigint, count: number) => void): Promise<number> {
    let count = 0;
    let batch: RecordedEvent[] = [];
    const from = this.lowestCheckpoint();
    for await (const event of this.store.readAll({ fromPosition: from === NOTHING_APPLIED ? 'start' : from })) {
      if (event.position <= from) continue;
      batch.push(event);
      if (batch.length >= CATCH_UP_BATCH_SIZE) {
        this.flush(batch);
        count += batch.length;
        onProgress?.(event.position, count);
        batch = [];
      }
    }
    if (batch.length > 0) {
      this.flush(batch);
      count += batch.length;
      onProgress?.(batch[batch.length - 1].position, count);
    }
    return count;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.follow();
      } catch (error) {
        this.logger.error('Projector stopped on an error; resuming from the checkpoint', error);
        if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS).unref());
      }
    }
  }

  /** Batches whatever the subscription has ready: flushing on the next macrotask groups a burst into one transaction. */
  private async follow(): Promise<void> {
    const from = this.lowestCheckpoint();
    const subscription = this.store.subscribeToAll({ fromPosition: from === NOTHING_APPLIED ? 'start' : from });
    this.subscription = subscription;
    let batch: RecordedEvent[] = [];
    let scheduled: NodeJS.Immediate | undefined;
    let failure: Error | undefined;
    const flushNow = () => {
      scheduled = undefined;
      const events = batch;
      batch = [];
      try {
        this.flush(events);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        void subscription.unsubscribe();
      }
    };
    try {
      for await (const event of subscription) {
        if (this.stopped) break;
        batch.push(event);
        if (batch.length >= BATCH_SIZE) {
          if (scheduled) clearImmediate(scheduled);
          flushNow();
        } else {
          scheduled ??= setImmediate(flushNow);
        }
        if (failure) break;
      }
    } finally {
      if (scheduled) clearImmediate(scheduled);
      await subscription.unsubscribe();
    }
    if (failure) throw failure;
  }

  private flush(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    this.advance(this.applyBatch(events));
    // E1: the pages that held a purged user's fields are copied back from the WAL and the WAL emptied.
    if (events.some((event) => event.type === 'UserPurged')) truncateWal(this.db);
  }

  private advance(applied: bigint): void {
    this.applied = applied;
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= applied) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
    if (still.length === 0) this.stopSweeper();
  }

  private failLateWaiters(): void {
    const now = Date.now();
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.deadline <= now) waiter.reject(new ReadModelBehindError(waiter.position, waiter.timeoutMs));
      else still.push(waiter);
    }
    this.waiters = still;
    if (still.length === 0) this.stopSweeper();
  }

  private stopSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private previewStep({ events, read }: PreviewStep): unknown {
    for (const event of events)
      for (const { projection, apply } of this.previewers) if (handlesType(projection, event.type)) apply(event);
    return read();
  }

  private previewDiscarded(step: PreviewStep): unknown {
    return this.rolledBack(() => this.discardedStep(step));
  }

  private rolledBack(run: () => never): unknown {
    try {
      return run();
    } catch (outcome) {
      if (outcome instanceof Preview) return outcome.result;
      throw outcome;
    }
  }

  /** Event by event, each projection past its own checkpoint; an event is converted once for all of them. */
  private applyInTransaction(events: readonly RecordedEvent[]): bigint {
    const stored = new Map(this.readCheckpoints.all().map((row) => [row.name, row.position]));
    const checkpoints = this.appliers.map(({ projection }) => stored.get(projection.name) ?? NOTHING_APPLIED);
    // Compared with the last applied, not the stored checkpoint: a redelivered event may sit in the same batch.
    const last = [...checkpoints];
    for (const event of events) {
      const ledgerEvent = isLedgerEvent(event);
      let projected: ProjectedEvent | undefined;
      for (let i = 0; i < this.appliers.length; i++) {
        if (event.position <= last[i]) continue;
        last[i] = event.position;
        const { projection, apply } = this.appliers[i];
        if (ledgerEvent && handlesType(projection, event.type)) apply((projected ??= toProjected(event)));
      }
    }
    this.appliers.forEach(({ projection }, i) => {
      if (last[i] !== checkpoints[i]) this.writeCheckpoint.run(last[i], projection.name);
      stored.set(projection.name, last[i]);
    });
    return min([...stored.values()]);
  }

  private lowestCheckpoint(): bigint {
    return min(this.readCheckpoints.all().map((row) => row.position));
  }

  /** Creates missing tables; a projection whose version changed is dropped and rebuilt from the start. */
  private prepareSchema(): void {
    const versionOf = this.db.prepare<[string], { version: number }>(
      'SELECT version FROM projection_checkpoints WHERE name = ?',
    );
    const reset = this.db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ${NOTHING_APPLIED})
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
    );
    this.db
      .transaction(() => {
        for (const projection of this.projections) {
          const stored = versionOf.get(projection.name);
          if (stored?.version !== projection.version) {
            for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
            reset.run(projection.name, projection.version);
            if (stored)
              this.logger.log(`Read model ${projection.name} changed to version ${projection.version}: rebuilding`);
          }
          this.db.exec(projection.schema);
        }
      })
      .immediate();
  }
}

/** The read models did not reach a position in time: retryable (503 ReadModelBehind). */
export class ReadModelBehindError extends Error {
  constructor(position: bigint, timeoutMs: number) {
    super(`The read models of this node did not reach position ${position} within ${timeoutMs} ms; try again shortly.`);
    this.name = 'ReadModelBehindError';
  }
}

/** Thrown out of a preview's transaction, so that SQLite rolls it back, carrying what was read. */
class Preview extends Error {
  constructor(readonly result: unknown) {
    super('preview rolled back');
  }
}

function min(values: readonly bigint[]): bigint {
  return values.reduce((lowest, value) => (value < lowest ? value : lowest), values[0] ?? NOTHING_APPLIED);
}
