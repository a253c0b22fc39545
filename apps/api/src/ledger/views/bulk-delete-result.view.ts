import { UserView, UserViewDoc } from '@app/projections';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RuleFailure } from '../dry-run';
import { RuleFailureDoc } from './dry-run.view';

/** A listed user: its view (as it is, or would be after the call) and, in a refused dry run, what fails for it. */
export type BulkDeleteUser = (UserView | { userId: string }) & { failures?: RuleFailure[] };

/** POST /v1/users/delete. */
export interface BulkDeleteResult {
  dryRun: boolean;
  applied: boolean;
  ok: boolean;
  users: BulkDeleteUser[];
}

export class BulkDeleteUserDoc extends UserViewDoc {
  @ApiPropertyOptional({
    type: [RuleFailureDoc],
    description: 'Refused dry run only; an unknown id has only userId and failures',
  })
  failures?: RuleFailureDoc[];
}

export class BulkDeleteResultDoc implements BulkDeleteResult {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'The users were deleted by this call' }) applied: boolean;
  @ApiProperty({
    description: 'false: a dry run that would be refused (a real call answers 404/409 and deletes nobody)',
  })
  ok: boolean;
  @ApiProperty({ type: [BulkDeleteUserDoc] }) users: BulkDeleteUserDoc[];
}
