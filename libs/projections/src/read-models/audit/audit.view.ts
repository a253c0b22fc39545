import { LEDGER_EVENT_TYPES, LedgerEventType } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Page } from '../../paging';
import { AuditLicense } from './audit.projection';
import { AuditActor, AuditEntry } from './audit.queries';

/** OpenAPI descriptions of the audit entry (API.md, "Queries"). */
export class AuditActorDoc implements AuditActor {
  @ApiProperty({ example: 'alice' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'Alice Doe', description: 'null when the token had no name' })
  name: string | null;
}

export class AuditLicenseDoc implements AuditLicense {
  @ApiProperty() skuId: string;
  @ApiProperty({ type: [String] }) disabledPlans: string[];
}

export class AuditEntryDoc implements AuditEntry {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Store position: the order of the trail' }) position: number;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ enum: LEDGER_EVENT_TYPES }) type: LedgerEventType;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: AuditActorDoc }) actor: AuditActorDoc;
  @ApiPropertyOptional({ format: 'uuid', description: 'The user the event is about, when there is one' })
  userId?: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "With userId: that user's UPN when the event happened (E3)",
  })
  userPrincipalName?: string | null;
  @ApiPropertyOptional({ description: 'The SKU the event is about, when there is one' }) skuId?: string;
  @ApiPropertyOptional({
    type: AuditLicenseDoc,
    nullable: true,
    description: "License changes: the user's license of that SKU before (null: none)",
  })
  before?: AuditLicenseDoc | null;
  @ApiPropertyOptional({
    type: AuditLicenseDoc,
    nullable: true,
    description: 'License changes: the license after (null: removed)',
  })
  after?: AuditLicenseDoc | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event data as stored' }) data: Record<
    string,
    unknown
  >;
  @ApiProperty() correlationId: string;
}

export class AuditPageDoc implements Page<AuditEntry> {
  @ApiProperty({ type: [AuditEntryDoc] }) items: AuditEntryDoc[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
