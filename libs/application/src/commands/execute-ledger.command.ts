import { LedgerCommand } from '@app/domain';
import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandOutcome, DecidedCommand } from '../ledger/ledger-command.executor';

export interface ExecuteLedgerOptions {
  dryRun?: boolean;
  /**
   * The answer's body, read (synchronously) from the read models as they will be once the decided
   * events are applied: it is built before the append so that an Idempotency-Key's answer is stored with the events.
   */
  view?: (decided: DecidedCommand) => unknown;
}

/**
 * Every ledger command travels the CommandBus in this one envelope: they all share one path
 * (read, decide, append with the revision read, wait for the read models), so one handler serves them.
 */
export class ExecuteLedgerCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: LedgerCommand,
    readonly context: CommandContext,
    readonly options: ExecuteLedgerOptions = {},
  ) {
    super();
  }
}
