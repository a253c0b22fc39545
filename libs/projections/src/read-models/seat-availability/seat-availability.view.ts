import { ApiProperty } from '@nestjs/swagger';
import { SubscriptionList, SubscriptionView } from './seat-availability.queries';

/** OpenAPI description of the subscription view; the data comes from the seatAvailability read model. */
export class SubscriptionViewDoc implements SubscriptionView {
  @ApiProperty() skuId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) servicePlans: string[];
  @ApiProperty({ type: 'integer', minimum: 0 }) valid: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) expired: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) assigned: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'max(0, valid - assigned)' }) available: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'max(0, assigned - valid): seats expired while assigned' })
  overAssigned: number;
  @ApiProperty({
    enum: ['enabled', 'warning', 'suspended', 'deleted'],
    description:
      'SL1: warning (30 days after the term end: no new assignments), suspended (90 days: services disabled), deleted (licenses removed)',
  })
  status: SubscriptionView['status'];
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'End of the term; null: no term' })
  termEndsAt: string | null;
  @ApiProperty({ description: 'A trial subscription (SL1)' }) trial: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the next lifecycle step falls due unless renewed',
  })
  nextTransitionAt: string | null;
}

export class SubscriptionListDoc implements SubscriptionList {
  @ApiProperty({ type: [SubscriptionViewDoc] }) items: SubscriptionViewDoc[];
}
