/** What a long command reports to stderr: a bar redrawn in place on a terminal, a line per tenth otherwise. */
export class Progress {
  private readonly started = process.hrtime.bigint();
  private lastDraw = 0;
  private lastTenth = -1;
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly label: string,
    /** The first and last store positions of the work: progress is measured on positions, which ESDB does not number 1, 2, 3. */
    private readonly range: { first: bigint; last: bigint },
  ) {}

  /** Seconds since start. */
  get elapsed(): number {
    return Number(process.hrtime.bigint() - this.started) / 1e9;
  }

  update(position: bigint, count: number): void {
    const fraction = this.fraction(position);
    if (this.out.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && fraction < 1) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      this.out.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent(fraction)} ${count} events ${rate(count, this.elapsed)}`);
      this.drawn = true;
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.out.write(`${this.label}: ${percent(fraction)} (${count} events)\n`);
  }

  /** Ends the bar and returns "N events in T s (R events/s)". */
  finish(count: number): string {
    if (this.drawn) this.out.write('\n');
    return `${count} events in ${this.elapsed.toFixed(2)} s (${rate(count, this.elapsed)})`;
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
