import { ApiProperty } from '@nestjs/swagger';
import { PendingPurge } from '../mailbox-retention/mailbox-retention.queries';
import { RetentionTimeline } from './retention-timeline.handlers';
import { TimelineEntry } from './retention-timeline.queries';

export class TimelineActorDoc {
  @ApiProperty({ example: 'system:retention' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'Retention saga' }) name: string | null;
}

export class TimelineEntryDoc implements TimelineEntry {
  @ApiProperty({ format: 'date-time', description: 'Clock time of the step' }) at: string;

  @ApiProperty({
    example: 'MailboxSoftDeleted',
    description:
      'The event type (UserCreated, LicenseAssigned, LicenseUpdated, LicenseRemoved, MailboxProvisioned, MailboxSoftDeleted, ' +
      'MailboxRestored, MailboxPurged, AliasesReleased, ContactsListDeleted, ContactsListRestored, UserDeleted, UserPurged), ' +
      'or a step derived from one: ContactsListPurged (with MailboxPurged) and SharePointDocumentsRetained (L6: once per ' +
      'change that removed data — a soft-delete, a deletion or a purge).',
  })
  type: string;

  @ApiProperty({ type: TimelineActorDoc, description: 'Who did it; the retention saga is system:retention' })
  actor: TimelineActorDoc;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { purgeAfter: '2030-01-31T10:00:00.000Z' },
    description:
      'The event data without the userId: e.g. skuId and reason of LicenseRemoved, purgeAfter of MailboxSoftDeleted',
  })
  details: Record<string, unknown>;
}

export class ScheduledPurgeDoc implements PendingPurge {
  @ApiProperty({ format: 'date-time', description: 'purgeAfter: the saga purges at or soon after this instant' })
  at: string;

  @ApiProperty({
    enum: ['purgeMailbox', 'purgeUser'],
    description:
      "purgeMailbox: the mailbox and contacts list (L5); purgeUser: the deleted user's data but SharePoint documents, freeing the UPN (U4)",
  })
  action: PendingPurge['action'];
}

export class RetentionTimelineDoc implements RetentionTimeline {
  @ApiProperty() userId: string;
  @ApiProperty({ type: [TimelineEntryDoc], description: 'Every lifecycle step, oldest first' })
  entries: TimelineEntryDoc[];
  @ApiProperty({ type: [ScheduledPurgeDoc], description: 'Purges still pending (empty once purged or restored)' })
  scheduled: ScheduledPurgeDoc[];
}
