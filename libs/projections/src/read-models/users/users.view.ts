import { ApiProperty } from '@nestjs/swagger';
import { Page } from '../../paging';
import { MailboxViewDoc } from '../mailbox-retention/mailbox-retention.view';
import { LegalHoldView, LicenseView, UserView } from './users.queries';

/** OpenAPI descriptions of the user view (users read model, with the mailbox of mailboxRetention). */
export class LicenseViewDoc implements LicenseView {
  @ApiProperty() skuId: string;
  @ApiProperty({ type: [String] }) disabledPlans: string[];
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ description: 'Actor id' }) assignedBy: string;
}

export class LegalHoldActorDoc {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

export class LegalHoldViewDoc implements LegalHoldView {
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ type: LegalHoldActorDoc }) by: LegalHoldActorDoc;
  @ApiProperty({ minLength: 1, maxLength: 500 }) reason: string;
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
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set while deleted' }) deletedAt:
    string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'Set while deleted: restorable until then (U5), purged then unless held (H1); a hold released after it sets release + 30 days (H2)',
  })
  purgeAfter: string | null;
  @ApiProperty({ type: LegalHoldViewDoc, nullable: true, description: 'The legal hold (H1), null when none stands' })
  hold: LegalHoldViewDoc | null;
}

export class UserPageDoc implements Page<UserView> {
  @ApiProperty({ type: [UserViewDoc] }) items: UserViewDoc[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
