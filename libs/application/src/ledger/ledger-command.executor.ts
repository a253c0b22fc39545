import { Actor, Catalog, DomainError, LedgerCommand, LedgerEvent, availableSeats, decide } from '@app/domain';
import { WrongExpectedVersionError } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { Clock } from '../clock/clock';
import { LedgerStore } from './ledger-store';
import { TenantLocks } from './tenant-locks';

export interface CommandContext {
  tenantId: string;
  actor: Actor;
  correlationId: string;
  /** What caused this command: the event a saga reacted to; unset, each command gets a fresh id. */
  causationId?: string;
}

export interface CommandOutcome {
  events: LedgerEvent[];
  /** Store position of the last event appended, or of the last event known when nothing was appended. */
  position: bigint | null;
  /** Available seats per SKU as they were when the command was decided. */
  availableBefore: Map<string, number>;
  occurredAt: string;
}

const MAX_ATTEMPTS = 25;

/**
 * The one command path: read the tenant's ledger, decide, append with the revision read; another
 * writer in between (another process) means catch up and decide again, so S3 and U1 hold across processes.
 */
export class LedgerCommandExecutor {
  private readonly locks = new TenantLocks();

  constructor(
    private readonly ledgers: LedgerStore,
    private readonly clock: Clock,
    private readonly catalog: Catalog,
  ) {}

  async execute(command: LedgerCommand, context: CommandContext, options: { dryRun?: boolean } = {}): Promise<CommandOutcome> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return await this.locks.run(context.tenantId, () => this.attempt(command, context, options.dryRun ?? false));
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        await jitter(attempt);
      }
    }
    throw new DomainError('ConcurrencyConflict', 'The ledger kept changing under this command; try again', {
      attempts: MAX_ATTEMPTS,
    });
  }

  private async attempt(command: LedgerCommand, context: CommandContext, dryRun: boolean): Promise<CommandOutcome> {
    const ledger = await this.ledgers.load(context.tenantId);
    const now = this.clock.now();
    const events = decide(command, ledger.state, { now, catalog: this.catalog });
    const availableBefore = new Map(
      [...ledger.state.subscriptions.values()].map((subscription) => [subscription.skuId, availableSeats(subscription)]),
    );
    const occurredAt = now.toISOString();
    if (dryRun || events.length === 0) return { events, position: ledger.position, availableBefore, occurredAt };
    const result = await this.ledgers.append(context.tenantId, ledger, events, {
      actor: context.actor,
      tenantId: context.tenantId,
      occurredAt,
      correlationId: context.correlationId,
      causationId: context.causationId ?? randomUUID(),
    });
    return { events, position: result.position, availableBefore, occurredAt };
  }
}

/** Spreads retries of processes that collided, so they do not collide again in step. */
function jitter(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));
}
