import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Optional } from '../../http/optional';
import { MAX_SEATS, SERVICE_PLAN_ID, SKU_ID, SKU_ID_MESSAGE } from './patterns';

const TERM_END_MESSAGE = '$property must be an ISO 8601 date-time';

export class CreateSubscriptionDto {
  @ApiProperty({ example: 'O365_BUSINESS_PREMIUM', pattern: SKU_ID.source })
  @Matches(SKU_ID, { message: SKU_ID_MESSAGE })
  skuId: string;

  @ApiProperty({ example: 'Office 365 Business Premium', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  name: string;

  @ApiProperty({ example: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'], description: 'Plan ids of the catalogue' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @ArrayUnique()
  @Matches(SERVICE_PLAN_ID, { each: true, message: 'each of $property must be a service plan id (A-Z, 0-9, _)' })
  servicePlans: string[];

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_SEATS, example: 25 })
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  seats: number;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-31T00:00:00.000Z',
    description: 'End of the term (SL1), in the future; none: no term',
  })
  @Optional()
  @IsISO8601({ strict: true }, { message: TERM_END_MESSAGE })
  termEndsAt?: string;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  trial?: boolean;
}

export class RenewSubscriptionDto {
  @ApiProperty({
    format: 'date-time',
    example: '2027-12-31T00:00:00.000Z',
    description: 'The new end of the term, in the future (SL2)',
  })
  @IsISO8601({ strict: true }, { message: TERM_END_MESSAGE })
  termEndsAt: string;
}

export class ChangeSeatsDto {
  @ApiProperty({ enum: ['purchase', 'expire', 'renew'] })
  @IsIn(['purchase', 'expire', 'renew'])
  action: 'purchase' | 'expire' | 'renew';

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_SEATS, example: 5 })
  @IsInt()
  @Min(1)
  @Max(MAX_SEATS)
  count: number;
}
