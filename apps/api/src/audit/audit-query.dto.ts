import { LEDGER_EVENT_TYPES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidationOptions,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { PageQueryDto } from '../http/page-query.dto';
import { SKU_ID, SKU_ID_MESSAGE } from '../ledger/dto/patterns';

/** A calendar date, or a date-time that names its offset: a time without one would be read in the server's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INSTANT_MESSAGE = '$property must be an ISO 8601 date-time with a time zone, e.g. 2026-11-30T10:00:00Z';

function IsInstant(options: ValidationOptions = {}) {
  return applyDecorators(
    Matches(INSTANT, { ...options, message: INSTANT_MESSAGE }),
    IsISO8601({ strict: true, strictSeparator: true }, { ...options, message: INSTANT_MESSAGE }),
  );
}

/** `type=LicenseAssigned,LicenseRemoved` or `type=LicenseAssigned&type=LicenseRemoved`. */
function toTypeList({ value }: { value: unknown }): unknown {
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((item) => typeof item === 'string')) return value;
  return values.flatMap((item) => item.split(',')).map((item) => item.trim());
}

export class AuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Only events about this user: its userId, or its UPN (any case) as the entries named the user then (E3)',
    maxLength: 254,
  })
  @IsOptional()
  @IsString()
  @Length(1, 254)
  userId?: string;

  @ApiPropertyOptional({ description: 'Only events about this SKU' })
  @IsOptional()
  @Matches(SKU_ID, { message: SKU_ID_MESSAGE })
  skuId?: string;

  @ApiPropertyOptional({
    description: "Only events made by this actor id (the token's `sub`, or `system:retention`)",
    maxLength: 256,
  })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  actor?: string;

  @ApiPropertyOptional({
    description: 'Only events of these types: one, or several separated by commas',
    enum: LEDGER_EVENT_TYPES,
    isArray: true,
  })
  @IsOptional()
  @Transform(toTypeList)
  @ArrayMaxSize(LEDGER_EVENT_TYPES.length)
  @IsIn(LEDGER_EVENT_TYPES, {
    each: true,
    message: `each of $property must be one of ${LEDGER_EVENT_TYPES.join(', ')}`,
  })
  type?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events that occurred at or after this instant' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events that occurred at or before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class AuditStateQueryDto {
  @ApiProperty({
    format: 'date-time',
    description: 'The instant to replay up to (inclusive)',
    example: '2026-11-30T10:00:00Z',
  })
  @IsInstant()
  at: string;
}
