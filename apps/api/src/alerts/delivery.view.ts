import { ALERT_TYPES, AlertType } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { DeliveryStatus } from '@app/application';

export interface DeliveryView {
  alertId: string;
  type: AlertType;
  attempts: number;
  status: DeliveryStatus;
  lastError: string | null;
}

export class DeliveryDoc implements DeliveryView {
  @ApiProperty({ format: 'uuid' }) alertId: string;
  @ApiProperty({ enum: ALERT_TYPES }) type: AlertType;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Attempts made so far, by any node' }) attempts: number;

  @ApiProperty({
    enum: ['pending', 'delivered', 'failing'],
    description:
      'pending: not yet answered 2xx (retried with backoff); delivered; failing: LEDGER_WEBHOOK_MAX_ATTEMPTS attempts failed, no more are made',
  })
  status: DeliveryStatus;

  @ApiProperty({ type: String, nullable: true, example: 'HTTP 503', description: 'Why the last attempt failed' })
  lastError: string | null;
}

export class DeliveryPageDoc {
  @ApiProperty({ type: [DeliveryDoc], description: 'Newest first' }) items: DeliveryDoc[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
