import { DomainError, DomainErrorCode } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { MailboxRetentionQueries, PendingPurge } from '../mailbox-retention/mailbox-retention.queries';
import { RetentionTimelineQueries, TimelineEntry } from './retention-timeline.queries';

export interface RetentionTimeline {
  userId: string;
  entries: TimelineEntry[];
  scheduled: PendingPurge[];
}

export class GetRetentionTimelineQuery extends Query<RetentionTimeline> {
  /** What its handler refuses with; routes document them. */
  static readonly errors: readonly DomainErrorCode[] = ['UserNotFound'];

  constructor(
    readonly tenantId: string,
    readonly userId: string,
  ) {
    super();
  }
}

/** A3: what happened to the user's data, by whom and when, and the purges still to come. */
@QueryHandler(GetRetentionTimelineQuery)
export class GetRetentionTimelineHandler implements IQueryHandler<GetRetentionTimelineQuery, RetentionTimeline> {
  constructor(
    private readonly timeline: RetentionTimelineQueries,
    private readonly mailboxes: MailboxRetentionQueries,
  ) {}

  async execute({ tenantId, userId }: GetRetentionTimelineQuery): Promise<RetentionTimeline> {
    const entries = this.timeline.entriesOf(tenantId, userId);
    if (!entries) throw new DomainError('UserNotFound', `User ${userId} not found`, { userId });
    return { userId, entries, scheduled: this.mailboxes.pendingPurges(tenantId, userId) };
  }
}
