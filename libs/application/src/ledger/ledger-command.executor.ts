import {
  Actor,
  Catalog,
  DomainError,
  LedgerCommand,
  LedgerEvent,
  LedgerEventMetadata,
  RememberedCommand,
  RulesFailed,
  availableSeats,
  decide,
  rememberedCommand,
} from '@app/domain';
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
  /** The request's Idempotency-Key, its fingerprint and the status its success answers with. */
  idempotency?: { key: string; fingerprint: string; status: number };
}

/** A command decided on the tenant's ledger and not stored yet: what its answer is built from. */
export interface DecidedCommand {
  events: LedgerEvent[];
  metadata: LedgerEventMetadata;
  /** Revision and position of the ledger it was decided on. */
  revision: bigint | null;
  position: bigint | null;
  /** Available seats per SKU as they were when the command was decided. */
  availableBefore: Map<string, number>;
}

export interface CommandOutcome {
  events: LedgerEvent[];
  /** Store position of the last event appended, or of the last event known when nothing was appended. */
  position: bigint | null;
  /** Available seats per SKU as they were when the command was decided. */
  availableBefore: Map<string, number>;
  occurredAt: string;
  /** The answer's body, built before the append (see ExecuteOptions.answer) or remembered from the first run. */
  body?: unknown;
  /** Set when the Idempotency-Key was already used for this request: nothing ran, this is the first answer. */
  replayed?: RememberedCommand;
  /** A dry run only: the rules the command broke (its `events` are those decided for the parts that passed). */
  refused?: DomainError;
}

export interface ExecuteOptions {
  /** Decide and append nothing; a broken rule (not malformed input) is reported in `refused` instead of thrown. */
  dryRun?: boolean;
  /** Builds the answer's body before the append, so that it travels with an Idempotency-Key in the events. */
  answer?: (decided: DecidedCommand) => Promise<unknown>;
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

  async execute(command: LedgerCommand, context: CommandContext, options: ExecuteOptions = {}): Promise<CommandOutcome> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return await this.locks.run(context.tenantId, () => this.attempt(command, context, options));
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        await jitter(attempt);
      }
    }
    throw new DomainError('ConcurrencyConflict', 'The ledger kept changing under this command; try again', {
      attempts: MAX_ATTEMPTS,
    });
  }

  /** The Idempotency-Key is looked up in the very state the command is decided on, so the answer holds on every node. */
  private async attempt(command: LedgerCommand, context: CommandContext, options: ExecuteOptions): Promise<CommandOutcome> {
    const ledger = await this.ledgers.load(context.tenantId);
    const now = await this.clock.now();
    const occurredAt = now.toISOString();
    const idempotency = context.idempotency;
    const first = idempotency && rememberedCommand(ledger.state, idempotency.key, now);
    if (first) {
      if (first.fingerprint !== idempotency.fingerprint) {
        throw new DomainError('IdempotencyKeyReused', `The Idempotency-Key "${idempotency.key}" was already used for a different request.`);
      }
      return { events: [], position: first.position, availableBefore: new Map(), occurredAt: first.occurredAt, body: first.body, replayed: first };
    }
    const availableBefore = new Map(
      [...ledger.state.subscriptions.values()].map((subscription) => [subscription.skuId, availableSeats(subscription)]),
    );
    let events: LedgerEvent[];
    try {
      events = decide(command, ledger.state, { now, catalog: this.catalog });
    } catch (error) {
      if (!options.dryRun || !(error instanceof DomainError) || error.code === 'ValidationFailed') throw error;
      const passed = error instanceof RulesFailed ? [...error.passed] : [];
      return { events: passed, position: ledger.position, availableBefore, occurredAt, refused: error };
    }
    const metadata: LedgerEventMetadata = {
      actor: context.actor,
      tenantId: context.tenantId,
      occurredAt,
      correlationId: context.correlationId,
      causationId: context.causationId ?? randomUUID(),
    };
    const body = await options.answer?.({ events, metadata, revision: ledger.revision, position: ledger.position, availableBefore });
    if (options.dryRun || events.length === 0) return { events, position: ledger.position, availableBefore, occurredAt, body };
    if (idempotency) metadata.idempotency = { key: idempotency.key, fingerprint: idempotency.fingerprint, status: idempotency.status, body: body ?? null };
    const result = await this.ledgers.append(context.tenantId, ledger, events, metadata);
    return { events, position: result.position, availableBefore, occurredAt, body };
  }
}

/** Spreads retries of processes that collided, so they do not collide again in step. */
function jitter(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));
}
