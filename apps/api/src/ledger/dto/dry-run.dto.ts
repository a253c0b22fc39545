import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** `?dryRun=true`: decide, report what would happen, append nothing. */
export class DryRunQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Answer with what would happen and be lost; append nothing',
  })
  @IsOptional()
  // Query strings arrive as text: only `true` and `false` become booleans, anything else fails IsBoolean.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}
