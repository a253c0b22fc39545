import { AuditAssignment, AuditStateView } from '@app/application';
import { SubscriptionViewDoc } from '@app/projections';
import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI descriptions of the point-in-time state (API.md, "Queries"): folded from the events, no read model. */
export class AuditAssignmentDoc implements AuditAssignment {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() skuId: string;
  @ApiProperty({ type: [String] }) disabledPlans: string[];
}

export class AuditStateDoc implements AuditStateView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [SubscriptionViewDoc] }) subscriptions: SubscriptionViewDoc[];
  @ApiProperty({ type: [AuditAssignmentDoc] }) assignments: AuditAssignmentDoc[];
}
