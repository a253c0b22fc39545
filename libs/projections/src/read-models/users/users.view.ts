import { ApiProperty } from '@nestjs/swagger';
import { Page } from '../../paging';
import { MailboxViewDoc } from '../mailbox-retention/mailbox-retention.view';
import { LicenseView, UserView } from './users.queries';

/** OpenAPI descriptions of the user view (users read model, with the mailbox of mailboxRetention). */
export class LicenseViewDoc implements LicenseView {
  @ApiProperty() skuId: string;
  @ApiProperty({ type: [String] }) disabledPlans: string[];
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ description: 'Actor id' }) assignedBy: string;
}

export class UserViewDoc implements UserView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() userPrincipalName: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) usageLocation: string | null;
  @ApiProperty({ enum: ['active', 'deleted'] }) status: UserView['status'];
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: [LicenseViewDoc] }) licenses: LicenseViewDoc[];
  @ApiProperty({ type: MailboxViewDoc, nullable: true }) mailbox: MailboxViewDoc | null;
}

export class UserPageDoc implements Page<UserView> {
  @ApiProperty({ type: [UserViewDoc] }) items: UserViewDoc[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
