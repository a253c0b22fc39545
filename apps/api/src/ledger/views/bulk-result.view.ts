import { BulkSummary } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RuleFailure } from '../dry-run';
import { RuleFailureDoc } from './dry-run.view';

/** POST /v1/licenses/bulk; `failures` only in a refused dry run. */
export interface BulkResult {
  dryRun: boolean;
  applied: boolean;
  ok: boolean;
  users: (BulkSummary['users'][number] & { failures?: RuleFailure[] })[];
  seats: BulkSummary['seats'];
  /** Failures of no one user (an unknown SKU), in a refused dry run. */
  failures?: RuleFailure[];
}

export class BulkUserResultDoc {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: [String] }) added: string[];
  @ApiProperty({ type: [String] }) removed: string[];
  @ApiProperty({ description: 'The user loses Exchange: the mailbox is soft-deleted for 30 days' })
  mailboxEntersGracePeriod: boolean;
  @ApiPropertyOptional({ type: [RuleFailureDoc], description: 'Refused dry run only: the rules this user breaks' })
  failures?: RuleFailureDoc[];
}

export class BulkSeatsDoc {
  @ApiProperty() skuId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seats this call takes' }) needed: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seats available before this call' }) available: number;
}

export class BulkResultDoc implements BulkResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() applied: boolean;
  @ApiProperty({
    description: 'false: a dry run that would be refused (a real call answers the error and applies nothing)',
  })
  ok: boolean;
  @ApiProperty({ type: [BulkUserResultDoc] }) users: BulkUserResultDoc[];
  @ApiProperty({ type: [BulkSeatsDoc], description: 'Per listed SKU; in a refused dry run, what is short' })
  seats: BulkSeatsDoc[];
  @ApiPropertyOptional({
    type: [RuleFailureDoc],
    description: 'Refused dry run only: failures of no one user (e.g. an unknown SKU)',
  })
  failures?: RuleFailureDoc[];
}
