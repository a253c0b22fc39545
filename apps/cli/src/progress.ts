import { SingleBar } from 'cli-progress';

type Output = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * What a long command reports to stderr: a cli-progress bar redrawn in place on a terminal, a line
 * per tenth otherwise (cli-progress logs off a terminal on a timer, which says less in CI logs).
 */
export class Progress {
  private readonly started = process.hrtime.bigint();
  private readonly bar: SingleBar | undefined;
  private lastTenth = -1;

  constructor(
    private readonly out: Output,
    private readonly label: string,
    /** The first and last store positions of the work: progress is measured on positions, which ESDB does not number 1, 2, 3. */
    private readonly range: { first: bigint; last: bigint },
  ) {
    if (!out.isTTY) return;
    this.bar = new SingleBar({
      stream: out,
      format: `${label} [{bar}] {percent} {count} events {rate}`,
      barsize: 30,
      barCompleteChar: '#',
      barIncompleteChar: '.',
    });
    this.bar.start(1, 0, { percent: percent(0), count: 0, rate: rate(0, 0) });
  }

  /** Seconds since start. */
  get elapsed(): number {
    return Number(process.hrtime.bigint() - this.started) / 1e9;
  }

  update(position: bigint, count: number): void {
    const fraction = this.fraction(position);
    if (this.bar) {
      this.bar.update(fraction, { percent: percent(fraction), count, rate: rate(count, this.elapsed) });
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.out.write(`${this.label}: ${percent(fraction)} (${count} events)\n`);
  }

  /** Ends the bar and returns "N events in T s (R events/s)". */
  finish(count: number): string {
    this.stop();
    return `${count} events in ${this.elapsed.toFixed(2)} s (${rate(count, this.elapsed)})`;
  }

  /** Stops redrawing (the bar's timer would keep the process alive); safe to call twice. */
  stop(): void {
    this.bar?.stop();
  }

  private fraction(position: bigint): number {
    const { first, last } = this.range;
    if (last <= first) return 1;
    return Math.min(1, Math.max(0, Number(position - first) / Number(last - first)));
  }
}

function percent(fraction: number): string {
  return `${Math.floor(fraction * 100)}%`.padStart(4);
}

export function rate(count: number, seconds: number): string {
  return `${Math.round(count / Math.max(seconds, 1e-6))} events/s`;
}
