import { LEDGER_EVENT_TYPES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SubscriptionViewDoc } from '../ledger/views/subscription.view';

/** OpenAPI descriptions of the audit entry and point-in-time state (API.md, "Queries"). */
export class AuditActorDoc {
  @ApiProperty({ example: 'alice' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'Alice Doe', description: 'null when the token had no name' }) name: string | null;
}

export class AuditEntryDoc {
  @ApiProperty({ description: 'Store position: the order of the trail' }) position: number;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ enum: LEDGER_EVENT_TYPES }) type: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: AuditActorDoc }) actor: AuditActorDoc;
  @ApiPropertyOptional({ format: 'uuid', description: 'The user the event is about, when there is one' }) userId?: string;
  @ApiPropertyOptional({ description: 'The SKU the event is about, when there is one' }) skuId?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event data as stored' }) data: Record<string, unknown>;
  @ApiProperty() correlationId: string;
}

export class AuditPageDoc {
  @ApiProperty({ type: [AuditEntryDoc] }) items: AuditEntryDoc[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AuditAssignmentDoc {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() skuId: string;
  @ApiProperty({ type: [String] }) disabledPlans: string[];
}

export class AuditStateDoc {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [SubscriptionViewDoc] }) subscriptions: SubscriptionViewDoc[];
  @ApiProperty({ type: [AuditAssignmentDoc] }) assignments: AuditAssignmentDoc[];
}
