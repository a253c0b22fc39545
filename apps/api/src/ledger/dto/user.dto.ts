import { USER_ORDERS, type UserOrder } from '@app/projections';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsUUID,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Optional } from '../../http/optional';
import { PageQueryDto } from '../../http/page-query.dto';
import { QueryBoolean } from '../../http/query-boolean';
import { MAX_BULK_USERS, SKU_ID, SKU_ID_MESSAGE, USAGE_LOCATION, USAGE_LOCATION_MESSAGE } from './patterns';

const EMAIL_MESSAGE = '$property must be an e-mail address';

export class CreateUserDto {
  @ApiProperty({ example: 'ada@contoso.com', description: 'E-mail form, unique case-insensitively' })
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  userPrincipalName: string;

  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 256 })
  @IsString()
  @Length(1, 256)
  displayName: string;

  @ApiPropertyOptional({
    example: 'GB',
    description: 'ISO 3166-1 alpha-2, upper case; needed before a license is assigned',
  })
  @Optional()
  @Matches(USAGE_LOCATION, { message: USAGE_LOCATION_MESSAGE })
  @IsISO31661Alpha2({ message: USAGE_LOCATION_MESSAGE })
  usageLocation?: string;

  @ApiPropertyOptional({ example: ['ada.l@contoso.com'], type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsEmail({}, { each: true, message: 'each of $property must be an e-mail address' })
  @MaxLength(254, { each: true })
  aliases?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Ada King', minLength: 1, maxLength: 256 })
  @Optional()
  @IsString()
  @Length(1, 256)
  displayName?: string;

  @ApiPropertyOptional({ example: 'FR' })
  @Optional()
  @Matches(USAGE_LOCATION, { message: USAGE_LOCATION_MESSAGE })
  @IsISO31661Alpha2({ message: USAGE_LOCATION_MESSAGE })
  usageLocation?: string;
}

export class AddAliasDto {
  @ApiProperty({ example: 'sales@contoso.com' })
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  alias: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'A case-insensitive prefix of the UPN or of the display name',
    minLength: 1,
    maxLength: 256,
    example: 'ada',
  })
  @Optional()
  @IsString()
  @Length(1, 256)
  search?: string;

  @ApiPropertyOptional({ description: 'Only users holding this SKU' })
  @Optional()
  @Matches(SKU_ID, { message: SKU_ID_MESSAGE })
  skuId?: string;

  @ApiPropertyOptional({ enum: ['active', 'deleted'] })
  @Optional()
  @IsIn(['active', 'deleted'])
  status?: 'active' | 'deleted';

  @ApiPropertyOptional({ example: 'GB', description: 'Only users of this usage location' })
  @Optional()
  @Matches(USAGE_LOCATION, { message: USAGE_LOCATION_MESSAGE })
  usageLocation?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only users under a legal hold (H1); false: only users not held. Anything else is 400.',
  })
  @QueryBoolean()
  hold?: boolean;

  @ApiPropertyOptional({
    enum: USER_ORDERS,
    default: 'createdAt',
    description:
      'createdAt: creation order. A cursor resumes after the last row of its page, so users created or deleted meanwhile shift no one.',
  })
  @Optional()
  @IsIn(USER_ORDERS)
  orderBy?: UserOrder;
}

export class DeleteUsersDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_BULK_USERS, description: 'Distinct user ids' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_USERS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each of $property must be a user id (UUID)' })
  userIds: string[];

  @ApiPropertyOptional({
    default: false,
    description: 'Report what would happen (200 even when refused), delete nobody',
  })
  @Optional()
  @IsBoolean()
  dryRun?: boolean;
}

export class RestoreUserDto {
  @ApiPropertyOptional({
    default: true,
    description:
      'true: the licenses held at deletion come back (every one needs a seat, else 409 InsufficientSeats); false: restored without licenses',
  })
  @Optional()
  @IsBoolean()
  withLicenses?: boolean;
}

export class LegalHoldDto {
  @ApiProperty({
    example: 'Litigation 2026-114',
    minLength: 1,
    maxLength: 500,
    description: 'Why the hold stands; a new one replaces it',
  })
  @IsString()
  @Length(1, 500)
  reason: string;
}
