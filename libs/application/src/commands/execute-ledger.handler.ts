import { ledgerStreamId } from '@app/domain';
import { EVENT_STORE, EventStore, NO_STREAM, WrongExpectedVersionError, readStreamOrEmpty } from '@app/event-store';
import { ProjectedEvent, Projector } from '@app/projections';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CommandOutcome, DecidedCommand, LedgerCommandExecutor } from '../ledger/ledger-command.executor';
import { ExecuteLedgerCommand } from './execute-ledger.command';

export const READ_MODEL_WAIT = Symbol('READ_MODEL_WAIT');
/** How long a command waits for the read models to apply its events before it answers anyway. */
export const DEFAULT_READ_MODEL_WAIT_MS = 30_000;
/** Past any stored position: the read models' position guards let previewed events through. */
const PREVIEW_POSITION = 2n ** 62n;

@CommandHandler(ExecuteLedgerCommand)
export class ExecuteLedgerHandler implements ICommandHandler<ExecuteLedgerCommand, CommandOutcome> {
  private readonly logger = new Logger('ExecuteLedgerHandler');

  constructor(
    private readonly executor: LedgerCommandExecutor,
    private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_WAIT) private readonly readModelWaitMs: number,
  ) {}

  /** Answers once the read models have applied the events, so the caller's next query sees them. */
  async execute({ command, context, options }: ExecuteLedgerCommand): Promise<CommandOutcome> {
    const { view } = options;
    const outcome = await this.executor.execute(command, context, {
      dryRun: options.dryRun,
      ...(view ? { answer: (decided: DecidedCommand) => this.preview(decided, view) } : {}),
    });
    if (outcome.events.length > 0 && !options.dryRun && outcome.position !== null) {
      try {
        await this.projector.waitFor(outcome.position, this.readModelWaitMs);
      } catch (error) {
        // The events are stored: failing now would invite a retry that applies the command twice.
        // The answer says the position; the views catch up with it when the read models do.
        this.logger.warn({ err: error, tenantId: context.tenantId, position: String(outcome.position) }, 'Answering before the read models caught up');
      }
    }
    return { ...outcome, position: outcome.position ?? this.projector.checkpoint };
  }

  /** The answer is read from the read models with the decided events applied and rolled back: the same view a query shows after the append. */
  private async preview(decided: DecidedCommand, view: (decided: DecidedCommand) => unknown): Promise<unknown> {
    if (decided.position !== null) await this.projector.waitFor(decided.position, this.readModelWaitMs);
    const streamId = ledgerStreamId(decided.metadata.tenantId);
    const events = decided.events.map(
      (event, index): ProjectedEvent =>
        ({
          ...event,
          eventId: randomUUID(),
          streamId,
          revision: (decided.revision ?? -1n) + 1n + BigInt(index),
          position: PREVIEW_POSITION + BigInt(index),
          metadata: decided.metadata,
        }),
    );
    try {
      // Through JSON, as the answer is sent and stored, so a replay is the same document.
      return toJson(this.projector.preview(events, () => view(decided)));
    } catch (error) {
      await this.refuseIfStale(streamId, decided);
      throw error;
    }
  }

  /**
   * Another node may have appended after this decision and the read models already hold it, so the
   * preview collides with it: the decision is stale, and deciding again (as a failed append would) answers right.
   */
  private async refuseIfStale(streamId: string, decided: DecidedCommand): Promise<void> {
    const expected = decided.revision ?? NO_STREAM;
    for await (const last of readStreamOrEmpty(this.store, streamId, { direction: 'backwards', maxCount: 1 })) {
      if (last.revision !== decided.revision) throw new WrongExpectedVersionError(streamId, expected, last.revision);
    }
  }
}

function toJson(body: unknown): unknown {
  return body === undefined ? undefined : (JSON.parse(JSON.stringify(body)) as unknown);
}
