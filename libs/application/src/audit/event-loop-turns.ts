import { performance } from 'node:perf_hooks';

/** Longest a point-in-time fold computes before the event loop (the other folds, a forget()) gets a turn. */
export const SLICE_MS = 4;
/** Units of work (events folded) between two looks at the clock. */
export const UNITS_PER_CHECK = 64;

/**
 * Shares an event loop between point-in-time folds (A2): at most one of them computes at a time, for
 * one slice, then lets the event loop run once (setImmediate) and hands the turn to the next waiting
 * fold, round-robin. So however many folds run in parallel, the loop is never held for much more than
 * one slice (a per-fold slice would hold it for one slice per parallel fold), and a short fold is not
 * stuck behind a long one.
 */
export class EventLoopTurns {
  /** Folds waiting for a turn, oldest first. */
  private readonly waiting: (() => void)[] = [];
  /** True while a fold holds the turn or is being handed it. */
  private busy = false;
  private sliceStart = 0;
  private units = 0;
  /** Turns given back to the event loop so far (tests count them instead of timing). */
  passes = 0;

  constructor(private readonly sliceMs: number = SLICE_MS) {}

  /** Runs the work in turns: it calls due() after each unit of work and awaits pass() when that says so. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.startSlice();
    this.busy = true;
    try {
      return await work();
    } finally {
      this.handOver();
    }
  }

  /** True once the current slice has been used up; checks the clock only every UNITS_PER_CHECK units. */
  due(): boolean {
    return ++this.units % UNITS_PER_CHECK === 0 && performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Lets the event loop run once, and the folds that waited longer take their turns, before going on. */
  async pass(): Promise<void> {
    this.passes++;
    const turn = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.handOver();
    await turn;
  }

  private handOver(): void {
    if (this.waiting.length === 0) {
      this.busy = false;
      return;
    }
    setImmediate(() => {
      this.startSlice();
      this.waiting.shift()?.();
    });
  }

  private startSlice(): void {
    this.sliceStart = performance.now();
    this.units = 0;
  }
}
