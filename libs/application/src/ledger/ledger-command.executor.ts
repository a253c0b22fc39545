import {
  Actor,
  Catalog,
  DomainError,
  LedgerCommand,
  LedgerEvent,
  LedgerEventMetadata,
  RememberedCommand,
  RulesFailed,
  UndoableFold,
  availableSeats,
  decide,
  rememberedCommand,
  usersOf,
} from '@app/domain';
import { AppendTooLargeError, WrongExpectedVersionError } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { Clock } from '../clock/clock';
import { AnswerPreview, AnswerRequest } from './answer-preview';
import { FoldedLedger, LedgerStore } from './ledger-store';
import { TenantBatches } from './tenant-batches';

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
  /** Revision and position of the ledger its batch was decided on. */
  revision: bigint | null;
  position: bigint | null;
  /** Available seats per SKU as they were when the command was decided (after the commands before it in its batch). */
  availableBefore: Map<string, number>;
}

export interface CommandOutcome {
  events: LedgerEvent[];
  /** Store position of the append that stored the command's events, or of the last event known when nothing was appended. */
  position: bigint | null;
  /** Available seats per SKU as they were when the command was decided. */
  availableBefore: Map<string, number>;
  occurredAt: string;
  /** The answer's body, built before the append (see ExecuteOptions.view) or remembered from the first run. */
  body?: unknown;
  /** Set when the Idempotency-Key was already used for this request: nothing ran, this is the first answer. */
  replayed?: RememberedCommand;
  /** A dry run only: the rules the command broke (its `events` are those decided for the parts that passed). */
  refused?: DomainError;
}

export interface ExecuteOptions {
  /** Decide and append nothing; a broken rule (not malformed input) is reported in `refused` instead of thrown. */
  dryRun?: boolean;
  /** Reads the answer's body from the read models as they will be once the decided events are applied (needs an AnswerPreview). */
  view?: (decided: DecidedCommand) => unknown;
}

interface QueuedCommand {
  command: LedgerCommand;
  context: CommandContext;
  options: ExecuteOptions;
  resolve: (outcome: CommandOutcome) => void;
  reject: (error: unknown) => void;
}

/** How one queued command of a batch ended, before the batch's append. */
type Decision =
  | { kind: 'refused'; error: unknown }
  | { kind: 'replayed'; outcome: CommandOutcome }
  /** A dry run that broke rules: reported in its outcome's `refused`, with no answer body. */
  | { kind: 'answered'; outcome: CommandOutcome }
  /** A dry run, or a command that changed nothing: answered, nothing to store. */
  | { kind: 'unchanged'; decided: DecidedCommand; outcome: CommandOutcome }
  | { kind: 'accepted'; decided: DecidedCommand; outcome: CommandOutcome }
  /** Same Idempotency-Key and request as an accepted command earlier in the batch: its answer, replayed. */
  | { kind: 'repeated'; first: number };

const MAX_ATTEMPTS = 25;
/** Commands of one tenant decided and appended together; bounded so one batch stays far below the append size limit in the usual case. */
const MAX_BATCH = 64;

/**
 * The one command path, with group commit: the commands queued for one tenant are decided one after
 * another on its folded state (each sees those accepted before it), and all their events go to the
 * store in one append (one transaction and fsync), with the revision the batch was decided on.
 * Another writer in between (another process) means catch up and decide the batch again, so S3 and
 * U1 hold across processes. A refused command touches no other; a failed append fails the whole
 * batch and leaves the state as it was.
 */
export class LedgerCommandExecutor {
  private readonly batches = new TenantBatches<QueuedCommand>(
    (tenantId, batch) => this.run(tenantId, batch),
    MAX_BATCH,
  );

  constructor(
    private readonly ledgers: LedgerStore,
    private readonly clock: Clock,
    private readonly catalog: Catalog,
    private readonly answers?: AnswerPreview,
  ) {}

  execute(command: LedgerCommand, context: CommandContext, options: ExecuteOptions = {}): Promise<CommandOutcome> {
    return new Promise((resolve, reject) =>
      this.batches.add(context.tenantId, { command, context, options, resolve, reject }),
    );
  }

  private async run(tenantId: string, batch: QueuedCommand[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcomes = await this.attempt(tenantId, batch);
        outcomes.forEach((outcome, index) =>
          outcome instanceof Refusal ? batch[index].reject(outcome.error) : batch[index].resolve(outcome),
        );
        return;
      } catch (error) {
        if (error instanceof AppendTooLargeError && batch.length > 1) {
          // Each command fits alone: halve the batch and let the rest run next.
          this.batches.putBack(tenantId, batch.splice(Math.ceil(batch.length / 2)));
          attempt--;
          continue;
        }
        const retry = error instanceof WrongExpectedVersionError && attempt < MAX_ATTEMPTS;
        if (!retry) {
          const failure = error instanceof WrongExpectedVersionError ? conflict() : error;
          for (const queued of batch) queued.reject(failure);
          return;
        }
        await jitter(attempt);
      }
    }
  }

  /** One try at a batch: decide each command in turn, preview the answers, append everything at once. */
  private async attempt(tenantId: string, batch: readonly QueuedCommand[]): Promise<(CommandOutcome | Refusal)[]> {
    const ledger = await this.ledgers.load(tenantId);
    // One time for the whole batch, stored in one transaction: the manual clock is one store read, not one per command.
    const now = await this.clock.now();
    const fold = new UndoableFold(ledger.state);
    const decisions: Decision[] = [];
    try {
      for (const queued of batch) decisions.push(this.decide(ledger, fold, now, queued, batch, decisions));
      await this.buildAnswers(tenantId, ledger, batch, decisions);
      const accepted = decisions.flatMap((decision) => (decision.kind === 'accepted' ? [decision] : []));
      if (accepted.length > 0) {
        const result = await this.ledgers.append(
          tenantId,
          ledger,
          accepted.map(({ decided }) => decided),
        );
        for (const { outcome } of accepted) outcome.position = result.position;
      }
    } catch (error) {
      // Nothing was stored: the state forgets the batch, and a retry decides it again.
      fold.undo();
      throw error;
    }
    return decisions.map((decision) => this.outcomeOf(decision, decisions));
  }

  /** The Idempotency-Key is looked up in the very state the command is decided on, so the answer holds on every node. */
  private decide(
    ledger: FoldedLedger,
    fold: UndoableFold,
    now: Date,
    queued: QueuedCommand,
    batch: readonly QueuedCommand[],
    earlier: readonly Decision[],
  ): Decision {
    const { command, context, options } = queued;
    const occurredAt = now.toISOString();
    const idempotency = context.idempotency;
    try {
      if (idempotency) {
        // A key first used earlier in this batch is not remembered in the state until the append.
        const inBatch = earlier.findIndex(
          (decision, at) => decision.kind === 'accepted' && batch[at].context.idempotency?.key === idempotency.key,
        );
        const first = rememberedCommand(ledger.state, idempotency.key, now);
        const fingerprint = inBatch >= 0 ? batch[inBatch].context.idempotency!.fingerprint : first?.fingerprint;
        if (fingerprint !== undefined && fingerprint !== idempotency.fingerprint) {
          throw new DomainError(
            'IdempotencyKeyReused',
            `The Idempotency-Key "${idempotency.key}" was already used for a different request.`,
          );
        }
        if (inBatch >= 0) return { kind: 'repeated', first: inBatch };
        if (first) return { kind: 'replayed', outcome: replayOf(first) };
      }
      const availableBefore = new Map(
        [...ledger.state.subscriptions.values()].map((subscription) => [
          subscription.skuId,
          availableSeats(subscription),
        ]),
      );
      let events: LedgerEvent[];
      try {
        events = decide(command, ledger.state, { now, catalog: this.catalog });
      } catch (error) {
        if (!options.dryRun || !(error instanceof DomainError) || error.code === 'ValidationFailed') throw error;
        const passed = error instanceof RulesFailed ? [...error.passed] : [];
        return {
          kind: 'answered',
          outcome: { events: passed, position: ledger.position, availableBefore, occurredAt, refused: error },
        };
      }
      const metadata: LedgerEventMetadata = {
        actor: context.actor,
        tenantId: context.tenantId,
        occurredAt,
        correlationId: context.correlationId,
        causationId: context.causationId ?? randomUUID(),
      };
      const decided: DecidedCommand = {
        events,
        metadata,
        revision: ledger.revision,
        position: ledger.position,
        availableBefore,
      };
      const outcome: CommandOutcome = { events, position: ledger.position, availableBefore, occurredAt };
      if (options.dryRun || events.length === 0) return { kind: 'unchanged', decided, outcome };
      for (const event of events) fold.evolve({ ...event, metadata });
      return { kind: 'accepted', decided, outcome };
    } catch (error) {
      return { kind: 'refused', error };
    }
  }

  /** Every answer of the batch in one rolled-back preview; a command's Idempotency-Key then travels with its answer. */
  private async buildAnswers(
    tenantId: string,
    ledger: FoldedLedger,
    batch: readonly QueuedCommand[],
    decisions: readonly Decision[],
  ): Promise<void> {
    const requests: (AnswerRequest & { outcome: CommandOutcome })[] = [];
    decisions.forEach((decision, index) => {
      const view = batch[index].options.view;
      if (!view || (decision.kind !== 'accepted' && decision.kind !== 'unchanged')) return;
      requests.push({
        decided: decision.decided,
        view,
        dryRun: decision.kind === 'unchanged',
        outcome: decision.outcome,
      });
    });
    if (requests.length > 0) {
      if (!this.answers) throw new Error('A command with a view needs the executor built with an AnswerPreview');
      const bodies = await this.answers.answers(tenantId, ledger, requests);
      requests.forEach((request, index) => (request.outcome.body = bodies[index]));
    }
    decisions.forEach((decision, index) => {
      const idempotency = batch[index].context.idempotency;
      if (decision.kind === 'accepted' && idempotency) {
        decision.decided.metadata.idempotency = { ...idempotency, body: decision.outcome.body ?? null };
      }
    });
  }

  private outcomeOf(decision: Decision, decisions: readonly Decision[]): CommandOutcome | Refusal {
    switch (decision.kind) {
      case 'refused':
        return new Refusal(decision.error);
      case 'repeated': {
        const first = decisions[decision.first] as Extract<Decision, { kind: 'accepted' }>;
        const { fingerprint, status, body } = first.decided.metadata.idempotency!;
        return replayOf({
          fingerprint,
          status,
          body,
          occurredAt: first.outcome.occurredAt,
          position: first.outcome.position,
          userIds: usersOf(first.decided.events),
        });
      }
      default:
        return decision.outcome;
    }
  }
}

function replayOf(first: RememberedCommand): CommandOutcome {
  return {
    events: [],
    position: first.position,
    availableBefore: new Map(),
    occurredAt: first.occurredAt,
    body: first.body,
    replayed: first,
  };
}

/** A command of the batch that was refused: only its caller hears of it. */
class Refusal {
  constructor(readonly error: unknown) {}
}

function conflict(): DomainError {
  return new DomainError('ConcurrencyConflict', 'The ledger kept changing under this command; try again', {
    attempts: MAX_ATTEMPTS,
  });
}

/** Spreads retries of processes that collided, so they do not collide again in step. */
function jitter(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));
}
