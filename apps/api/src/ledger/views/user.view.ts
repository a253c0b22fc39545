import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI descriptions of the user and mailbox views (users and mailboxRetention read models). */
export class MailboxViewDoc {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() userPrincipalName: string;
  @ApiProperty({ enum: ['active', 'softDeleted', 'purged'] }) status: string;
  @ApiProperty({ format: 'date-time' }) provisionedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) softDeletedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'softDeletedAt + 30 days' }) purgeAfter: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) purgedAt: string | null;
  @ApiProperty({ enum: ['active', 'deleted', 'purged'] }) contactsList: string;
}

export class LicenseViewDoc {
  @ApiProperty() skuId: string;
  @ApiProperty({ type: [String] }) disabledPlans: string[];
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ description: 'Actor id' }) assignedBy: string;
}

export class UserViewDoc {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() userPrincipalName: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) usageLocation: string | null;
  @ApiProperty({ enum: ['active', 'deleted'] }) status: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: [LicenseViewDoc] }) licenses: LicenseViewDoc[];
  @ApiProperty({ type: MailboxViewDoc, nullable: true }) mailbox: MailboxViewDoc | null;
}

export class UserPageDoc {
  @ApiProperty({ type: [UserViewDoc] }) items: UserViewDoc[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ReassignResultDoc {
  @ApiProperty({ type: UserViewDoc }) from: UserViewDoc;
  @ApiProperty({ type: UserViewDoc }) to: UserViewDoc;
}
