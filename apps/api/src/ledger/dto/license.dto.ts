import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../http/optional';
import { MAX_BULK_USERS, SERVICE_PLAN_ID, SKU_ID, SKU_ID_MESSAGE } from './patterns';

export class LicenseToAddDto {
  @ApiProperty({ example: 'O365_BUSINESS_PREMIUM' })
  @Matches(SKU_ID, { message: SKU_ID_MESSAGE })
  skuId: string;

  @ApiPropertyOptional({ example: ['LYNC'], description: 'Plans of the SKU to leave off', type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(64)
  @Matches(SERVICE_PLAN_ID, { each: true, message: 'each of $property must be a service plan id (A-Z, 0-9, _)' })
  disabledPlans?: string[];
}

export class AssignLicenseDto {
  @ApiProperty({ type: [LicenseToAddDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LicenseToAddDto)
  addLicenses: LicenseToAddDto[];

  @ApiProperty({ type: [String], example: [] })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(SKU_ID, { each: true, message: 'each of $property must be a skuId (A-Z, 0-9, _)' })
  removeLicenses: string[];
}

export class BulkLicensesDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_BULK_USERS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_USERS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each of $property must be a user id (UUID)' })
  userIds: string[];

  @ApiProperty({ type: [String], minItems: 1, example: ['O365_BUSINESS_PREMIUM'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(SKU_ID, { each: true, message: 'each of $property must be a skuId (A-Z, 0-9, _)' })
  skuIds: string[];

  @ApiProperty({
    enum: ['add', 'replace', 'remove'],
    description: 'add to existing, replace existing, or remove the listed SKUs',
  })
  @IsIn(['add', 'replace', 'remove'])
  mode: 'add' | 'replace' | 'remove';

  @ApiPropertyOptional({
    default: false,
    description: 'Compute the result, apply nothing; answers 200 with each failure when rules fail',
  })
  @Optional()
  @IsBoolean()
  dryRun?: boolean;
}

export class ReassignLicenseDto {
  @ApiProperty({ example: 'O365_BUSINESS_PREMIUM' })
  @Matches(SKU_ID, { message: SKU_ID_MESSAGE })
  skuId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  fromUserId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  toUserId: string;
}
