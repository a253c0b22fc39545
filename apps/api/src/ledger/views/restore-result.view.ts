import { UserViewDoc } from '@app/projections';
import { ApiProperty } from '@nestjs/swagger';

/** The answer of POST /v1/users/{userId}/restore (U5). */
export class RestoreResultDoc {
  @ApiProperty({ type: UserViewDoc }) user: UserViewDoc;
  @ApiProperty({ type: [String], description: 'Aliases released at the deletion that someone else has taken since' })
  aliasesNotRestored: string[];
}
