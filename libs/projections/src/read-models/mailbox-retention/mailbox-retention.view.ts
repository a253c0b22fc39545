import { ApiProperty } from '@nestjs/swagger';
import { Page } from '../../paging';
import { MailboxView } from './mailbox-retention.queries';

/** OpenAPI descriptions of the mailbox view (mailboxRetention read model). */
export class MailboxViewDoc implements MailboxView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ nullable: true, type: String, description: "The owner's UPN; null once the user is purged (E1)" })
  userPrincipalName: string | null;
  @ApiProperty({
    required: false,
    enum: [true],
    description: 'Present (true) once the personal fields are erased (E2)',
  })
  erased?: true;
  @ApiProperty({ enum: ['active', 'softDeleted', 'purged'] }) status: MailboxView['status'];
  @ApiProperty({ format: 'date-time' }) provisionedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) softDeletedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'softDeletedAt + 30 days' })
  purgeAfter: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) purgedAt: string | null;
  @ApiProperty({ enum: ['active', 'deleted', 'purged'] }) contactsList: MailboxView['contactsList'];
  @ApiProperty({
    description: 'The owner is under a legal hold (H1): nothing of this mailbox is purged until it is released',
  })
  hold: boolean;
}

export class MailboxPageDoc implements Page<MailboxView> {
  @ApiProperty({ type: [MailboxViewDoc] }) items: MailboxViewDoc[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
