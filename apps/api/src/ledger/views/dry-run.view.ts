import { Consequence } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DryRunResult, RuleFailure } from '../dry-run';

export class RuleFailureDoc implements RuleFailure {
  @ApiProperty({
    example: 'InsufficientSeats',
    description: 'Error code of the contract, as a refused command would answer',
  })
  error: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class ConsequenceDoc implements Consequence {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ['provisioned', 'softDeleted', 'restored'], nullable: true, type: String })
  mailbox: Consequence['mailbox'];
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the soft-deleted data would be purged',
  })
  purgeAfter: string | null;
  @ApiProperty({ type: [String] }) aliasesReleased: string[];
  @ApiProperty({ enum: ['deleted', 'restored'], nullable: true, type: String })
  contactsList: Consequence['contactsList'];
  @ApiProperty({ type: [String] }) licensesRemoved: string[];
  @ApiProperty({ type: [String], description: 'The SKUs the user would get; for a restore, the licenses given back' })
  licensesAssigned: string[];
  @ApiProperty({
    type: [String],
    description: 'A restore (U5): the aliases not given back, because someone else has taken them since',
  })
  aliasesNotRestored: string[];
}

export class DryRunResultDoc implements DryRunResult {
  @ApiProperty({ enum: [true] }) dryRun: true;
  @ApiProperty({ description: 'false: the command would be refused; `error` says why' }) ok: boolean;
  @ApiProperty({ type: [ConsequenceDoc] }) consequences: ConsequenceDoc[];
  @ApiPropertyOptional({ type: RuleFailureDoc }) error?: RuleFailureDoc;
}
