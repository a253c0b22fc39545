import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** How often the thread copies the WAL back into the database file. */
const CHECKPOINT_EVERY_MS = 100;
/**
 * The writer's own automatic checkpoint (on its thread, at commit) stays on at this WAL size, far above what the
 * thread leaves: it bounds the WAL should the thread fall behind or be down.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;
/** Checkpoints in a row at most, each copying what was committed during the one before. */
const CATCH_UP_ROUNDS = 8;
/** How long truncateWal waits for another connection's checkpoint to end, as long as the read models' busy timeout. */
const TRUNCATE_WAIT_MS = 10_000;
/** Before a thread that died is started again. */
const RESTART_DELAY_MS = 1000;

/**
 * The thread's code, plain JavaScript so that it starts in milliseconds from the sources as from the build. PASSIVE
 * never waits for readers or writers (another process's checkpoint under way is skipped: it reports busy). FULL
 * makes the checkpoint sync the WAL before copying and the database file before the WAL can restart.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  // What was committed during a checkpoint is copied by the next; once one finds nothing new, the writer's next commit
  // can start the WAL over (it needs every frame copied), so the WAL does not grow to the backstop under steady writes.
  for (let i = 0, last = -1; i < workerData.rounds; i++) {
    const { log } = checkpoint.get();
    if (log === last) break;
    last = log;
  }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints one SQLite file's WAL from a worker thread with its own connection, so the copy and its fsyncs stay
 * off the writer's thread; each process on a data folder runs its own. Started again if it dies, until stop().
 */
export class WalCheckpointer {
  private worker: Worker | undefined;
  private restart: NodeJS.Timeout | undefined;
  private stopped = false;

  /** `onFailure` hears of each death of the thread (a warning on stderr by default). */
  constructor(
    private readonly file: string,
    private readonly onFailure: (error: Error) => void = (error) =>
      process.emitWarning(`The WAL checkpoint thread of ${file} failed; it starts again: ${error.message}`),
  ) {
    this.start();
  }

  /** Ends the thread, after the checkpoint under way; resolves once its connection is closed. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restart);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Held until it has closed its connection: the caller may be the last thing keeping the process alive.
    worker.ref();
    worker.postMessage('stop');
    await exited;
  }

  private start(): void {
    const worker = new Worker(THREAD, {
      eval: true,
      // Not the parent's preloads (ts-node when run from the sources: ~70 MB of compiler per thread); plain JavaScript needs none.
      execArgv: [],
      workerData: {
        driver: require.resolve('better-sqlite3'),
        file: this.file,
        everyMs: CHECKPOINT_EVERY_MS,
        rounds: CATCH_UP_ROUNDS,
      },
    });
    // A checkpoint thread never keeps the process alive.
    worker.unref();
    // A failure ends the thread ('exit' follows): the backstop checkpoint covers the gap until it is back. Once
    // stopped, a thread still starting may find its file gone: nothing to report.
    worker.on('error', (error) => {
      if (!this.stopped) this.onFailure(error);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      if (!this.stopped) this.restart = setTimeout(() => this.start(), RESTART_DELAY_MS).unref();
    });
    this.worker = worker;
  }
}

/** Atomics.wait sleeps on a shared cell: the caller is synchronous (a commit's follow-up), so it cannot await a timer. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Copies the whole WAL into the file and truncates it, so no older copy of a page stays in it (E1). While another
 * connection checkpoints (this process's thread, another process's) SQLite answers busy at once, without waiting as
 * its busy timeout would: retried every millisecond until through, else it throws.
 */
export function truncateWal(db: Database.Database): void {
  const deadline = Date.now() + TRUNCATE_WAIT_MS;
  for (;;) {
    const [{ busy }] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (busy === 0) return;
    if (Date.now() > deadline)
      throw new Error(`The WAL of ${db.name} stayed busy for ${TRUNCATE_WAIT_MS} ms: not truncated`);
    Atomics.wait(pause, 0, 0, 1);
  }
}
