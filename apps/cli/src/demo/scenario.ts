import { LedgerCommandExecutor, LedgerStore } from '@app/application';
import { Actor, Catalog, DomainError, LedgerCommand, LedgerState, availableSeats } from '@app/domain';
import { randomUUID } from 'node:crypto';
import { random, type Random } from './random';
import { ALICE, BOB, CAROL } from './roster';
import { ScenarioClock } from './scenario-clock';

export interface DemoOptions {
  tenantId: string;
  users: number;
  months: number;
  /** The demo's last day; its history runs `months` before it. */
  end: Date;
  domain: string;
  seed: number;
}

/** What the scenario did: the commands it ran, and the events and refusals they gave. */
export interface DemoTally {
  commands: number;
  refused: Record<string, number>;
  events: Record<string, number>;
  usersCreated: number;
  from: string;
  to: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The state of one seeding run: the random stream, the scenario's time of day, who is in which
 * department or on leave, and the one way to run a command at the scenario's time.
 */
export class DemoScenario {
  readonly rng: Random;
  readonly days: number;
  readonly tally: DemoTally = { commands: 0, refused: {}, events: {}, usersCreated: 0, from: '', to: '' };
  readonly department = new Map<string, string>();
  readonly onLeave = new Map<string, { back: number; skuId: string }>();
  readonly usedNames = new Set<string>();
  today = 0;
  private minuteOfDay = 8 * 60;
  private readonly start: Date;
  private readonly clock: ScenarioClock;
  private readonly executor: LedgerCommandExecutor;
  // Daily changes grow with the organisation (the rates are for 300 users); so does the pace.
  private readonly scale: number;
  private readonly step: number;

  constructor(
    private readonly ledgers: LedgerStore,
    catalog: Catalog,
    readonly options: DemoOptions,
  ) {
    this.rng = random(options.seed);
    this.days = Math.max(1, Math.round(options.months * 30));
    const end = options.end;
    this.start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()) - this.days * DAY);
    this.clock = new ScenarioClock(this.start);
    this.executor = new LedgerCommandExecutor(ledgers, this.clock, catalog);
    this.scale = Math.max(1, options.users / 300);
    this.step = Math.max(1, Math.round(12 / Math.sqrt(this.scale)));
  }

  async state(): Promise<LedgerState> {
    return (await this.ledgers.load(this.options.tenantId)).state;
  }

  /** Runs one command a few minutes after the previous one (time never goes back); a refusal is counted, not fatal. */
  async run(actor: Actor, command: LedgerCommand): Promise<boolean> {
    this.minuteOfDay = Math.min(this.minuteOfDay + this.rng.int(1, this.step), 23 * 60 + 58);
    this.clock.set(new Date(this.instant()));
    this.tally.commands++;
    try {
      const outcome = await this.executor.execute(command, {
        tenantId: this.options.tenantId,
        actor,
        correlationId: randomUUID(),
      });
      for (const event of outcome.events) this.tally.events[event.type] = (this.tally.events[event.type] ?? 0) + 1;
      if (!this.tally.from) this.tally.from = outcome.occurredAt;
      this.tally.to = outcome.occurredAt;
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.tally.refused[error.code] = (this.tally.refused[error.code] ?? 0) + 1;
      return false;
    }
  }

  /** Today's morning; day 0 goes on after the subscriptions were bought. */
  startDay(): void {
    if (this.today > 0) this.minuteOfDay = 8 * 60 + this.rng.int(0, 45);
  }

  /** The end of today's working hours, as an instant in ms; later commands run after it. */
  endOfDay(): number {
    this.minuteOfDay = Math.max(this.minuteOfDay, 23 * 60);
    return this.instant();
  }

  isWeekend(): boolean {
    const weekday = new Date(this.start.getTime() + this.today * DAY).getUTCDay();
    return weekday === 0 || weekday === 6;
  }

  /** How many times something with this daily rate (per 300 users) happens today. */
  occurrences(rate: number): number {
    const expected = rate * this.scale;
    return Math.floor(expected) + (this.rng.chance(expected - Math.floor(expected)) ? 1 : 0);
  }

  async available(skuId: string): Promise<number> {
    const subscription = (await this.state()).subscriptions.get(skuId);
    return subscription ? availableSeats(subscription) : 0;
  }

  /** Carol buys seats in packs of 10 before anyone runs short. */
  async ensureSeats(skuId: string, needed = 1): Promise<void> {
    if ((await this.available(skuId)) < needed + 1) {
      await this.run(CAROL, { type: 'ChangeSeats', data: { skuId, action: 'purchase', count: Math.max(10, needed) } });
    }
  }

  async activeUsers() {
    return [...(await this.state()).users.values()].filter((user) => user.status === 'active');
  }

  /** The admin of the next change: Alice more often than Bob. */
  admin(): Actor {
    return this.rng.chance(0.6) ? ALICE : BOB;
  }

  private instant(): number {
    return this.start.getTime() + this.today * DAY + this.minuteOfDay * 60_000;
  }
}
