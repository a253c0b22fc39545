import { ALERT_TYPES, AlertType } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';

export class RegisterWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.com/ledger',
    description: 'http(s), no credentials, a host of LEDGER_WEBHOOK_ALLOW when set',
  })
  @IsString()
  @Length(1, 2048)
  url: string;

  @ApiProperty({ enum: ALERT_TYPES, isArray: true, example: ['SeatsLow', 'SeatsOverAssigned'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALERT_TYPES.length)
  @ArrayUnique()
  @IsIn(ALERT_TYPES, { each: true })
  events: AlertType[];

  @ApiProperty({
    minLength: 16,
    maxLength: 256,
    writeOnly: true,
    description: 'HMAC-SHA256 key of X-Ledger-Signature; never shown again',
  })
  @IsString()
  @Length(16, 256)
  secret: string;
}
