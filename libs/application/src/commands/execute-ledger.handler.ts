import { Projector } from '@app/projections';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { READ_MODEL_WAIT } from '../ledger/answer-preview';
import { CommandOutcome, LedgerCommandExecutor } from '../ledger/ledger-command.executor';
import { ExecuteLedgerCommand } from './execute-ledger.command';

@CommandHandler(ExecuteLedgerCommand)
export class ExecuteLedgerHandler implements ICommandHandler<ExecuteLedgerCommand, CommandOutcome> {
  private readonly logger = new Logger('ExecuteLedgerHandler');

  constructor(
    private readonly executor: LedgerCommandExecutor,
    private readonly projector: Projector,
    @Inject(READ_MODEL_WAIT) private readonly readModelWaitMs: number,
  ) {}

  /** Answers once the read models have applied the events, so the caller's next query sees them. */
  async execute({ command, context, options }: ExecuteLedgerCommand): Promise<CommandOutcome> {
    const outcome = await this.executor.execute(command, context, options);
    if (outcome.events.length > 0 && !options.dryRun && outcome.position !== null) {
      try {
        await this.projector.waitFor(outcome.position, this.readModelWaitMs);
      } catch (error) {
        // The events are stored: failing now would invite a retry that applies the command twice.
        // The answer says the position; the views catch up with it when the read models do.
        this.logger.warn(
          { err: error, tenantId: context.tenantId, position: String(outcome.position) },
          'Answering before the read models caught up',
        );
      }
    }
    return { ...outcome, position: outcome.position ?? this.projector.checkpoint };
  }
}
