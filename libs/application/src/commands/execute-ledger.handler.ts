import { Projector } from '@app/projections';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandOutcome, LedgerCommandExecutor } from '../ledger/ledger-command.executor';
import { ExecuteLedgerCommand } from './execute-ledger.command';

@CommandHandler(ExecuteLedgerCommand)
export class ExecuteLedgerHandler implements ICommandHandler<ExecuteLedgerCommand, CommandOutcome> {
  constructor(
    private readonly executor: LedgerCommandExecutor,
    private readonly projector: Projector,
  ) {}

  /** Answers only once the read models have applied the events, so the caller's next query sees them. */
  async execute({ command, context, options }: ExecuteLedgerCommand): Promise<CommandOutcome> {
    const outcome = await this.executor.execute(command, context, options);
    if (outcome.events.length > 0 && !options.dryRun && outcome.position !== null) {
      await this.projector.waitFor(outcome.position);
    }
    return { ...outcome, position: outcome.position ?? this.projector.checkpoint };
  }
}
