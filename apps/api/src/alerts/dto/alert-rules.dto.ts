import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_SEATS, SKU_ID, SKU_ID_MESSAGE } from '../../ledger/dto/patterns';

export class SeatsBelowDto {
  @ApiProperty({ example: 'O365_BP', pattern: SKU_ID.source })
  @Matches(SKU_ID, { message: SKU_ID_MESSAGE })
  skuId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_SEATS,
    example: 2,
    description: 'SeatsLow once available seats fall below this',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_SEATS)
  available: number;
}

export class AlertRulesDto {
  @ApiPropertyOptional({ type: [SeatsBelowDto], description: 'One threshold per SKU of the tenant; omitted: none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => SeatsBelowDto)
  seatsBelow?: SeatsBelowDto[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 30,
    description:
      "PurgeDueSoon once a soft-deleted mailbox's purgeAfter is this many days away or fewer (once per purgeAfter, not while held); left out: never",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  purgeDueWithinDays?: number;
}
