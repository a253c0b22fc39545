import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

/** ISO 8601: a date (UTC midnight), or a date-time with `Z` or an offset (a local time would be ambiguous). */
export const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * The instant as toISOString() writes it (the read model's format, so strings compare as times), or
 * the input itself when it is no real instant: Date.parse would roll 30 February over to March.
 */
function toCanonicalInstant(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = ISO_INSTANT.exec(value);
  if (!match) return value;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(Date.UTC(year!, month! - 1, day));
  const real =
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours < 24 &&
    offsetMinutes < 60;
  const time = Date.parse(value);
  return real && !Number.isNaN(time) ? new Date(time).toISOString() : value;
}

export class ListMailboxesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'softDeleted', 'purged'] })
  @IsOptional()
  @IsIn(['active', 'softDeleted', 'purged'])
  status?: 'active' | 'softDeleted' | 'purged';

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2030-01-31T00:00:00Z',
    description: 'Only mailboxes whose purgeAfter is before this instant (ISO 8601 with Z or an offset, or a date)',
  })
  @IsOptional()
  @Transform(({ value }) => toCanonicalInstant(value))
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, {
    message: '$property must be an ISO 8601 instant, e.g. 2030-01-31T00:00:00Z',
  })
  purgeBefore?: string;
}
