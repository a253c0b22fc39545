import type { Clock } from '@app/application';

/** The seed's clock: set by the scenario, never the system time, so months pass in seconds. */
export class ScenarioClock implements Clock {
  constructor(private current: Date) {}

  async now(): Promise<Date> {
    return new Date(this.current);
  }

  set(at: Date): void {
    this.current = new Date(at);
  }
}
