import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The one source of time: the domain never calls `new Date()`, so grace periods are testable to the millisecond. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

export interface ClockAdvance {
  days?: number;
  hours?: number;
  minutes?: number;
}

/**
 * For demos and tests: starts at the real time, stands still, and moves only when advanced.
 * Kept in a file so it survives restarts and every process on the data folder reads the same time.
 */
export class ManualClock implements Clock {
  constructor(private readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, JSON.stringify({ now: new Date().toISOString() }), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }

  now(): Date {
    return new Date((JSON.parse(readFileSync(this.file, 'utf8')) as { now: string }).now);
  }

  advance({ days = 0, hours = 0, minutes = 0 }: ClockAdvance): Date {
    const next = new Date(this.now().getTime() + ((days * 24 + hours) * 60 + minutes) * 60_000);
    // Write then rename: a reader never sees a half-written file.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ now: next.toISOString() }));
    renameSync(temporary, this.file);
    return next;
  }
}
