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
  @ApiProperty({ type: 'integer', minimum: 0, description: 'max(0, assigned - valid): seats expired while assigned' }) overAssigned: number;
}

export class SubscriptionListDoc implements SubscriptionList {
  @ApiProperty({ type: [SubscriptionViewDoc] }) items: SubscriptionViewDoc[];
}
