import { LedgerCommand } from '@app/domain';
import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandOutcome } from '../ledger/ledger-command.executor';

/**
 * Every ledger command travels the CommandBus in this one envelope: they all share one path
 * (read, decide, append with the revision read, wait for the read models), so one handler serves them.
 */
export class ExecuteLedgerCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: LedgerCommand,
    readonly context: CommandContext,
    readonly options: { dryRun?: boolean } = {},
  ) {
    super();
  }
}
