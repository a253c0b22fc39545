import { ApiPropertyOptional } from '@nestjs/swagger';
import { QueryBoolean } from '../../http/query-boolean';

/** `?dryRun=true`: decide, report what would happen, append nothing. */
export class DryRunQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Answer with what would happen and be lost; append nothing',
  })
  @QueryBoolean()
  dryRun?: boolean;
}
