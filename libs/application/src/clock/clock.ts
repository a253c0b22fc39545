/** The one source of time: the domain never calls `new Date()`, so grace periods are testable to the millisecond. */
export interface Clock {
  /** Async because the manual clock is read from the event store, where every API node finds the same time. */
  now(): Promise<Date>;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  async now(): Promise<Date> {
    return new Date();
  }
}
