import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** At most ten years per call, so the clock cannot be thrown past what Date can hold. */
export const MAX_ADVANCE_DAYS = 3650;

export class AdvanceClockDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_ADVANCE_DAYS, example: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_DAYS)
  days?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_ADVANCE_DAYS * 24, example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_DAYS * 24)
  hours?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_ADVANCE_DAYS * 24 * 60, example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_DAYS * 24 * 60)
  minutes?: number;
}
