import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_LIMIT = 100;

/** The cursor paging every list endpoint shares; its query DTO extends this and adds its filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  // Query strings arrive as text; only whole digits become a number, so `1.5` or `1e3` still fail IsInt.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  // A users cursor carries its last row's sort key, up to a 256-character display name.
  @MaxLength(4096)
  cursor?: string;
}
