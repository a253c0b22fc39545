import { DomainError } from '@app/domain';
import { MailboxFilter, MailboxRetentionQueries, MailboxView, Page, PendingPurge, RetentionTimelineQueries, TimelineEntry } from '@app/projections';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

export class ListMailboxesQuery extends Query<Page<MailboxView>> {
  constructor(
    readonly tenantId: string,
    readonly filter: MailboxFilter,
  ) {
    super();
  }
}

export interface RetentionTimeline {
  userId: string;
  entries: TimelineEntry[];
  scheduled: PendingPurge[];
}

export class GetRetentionTimelineQuery extends Query<RetentionTimeline> {
  constructor(
    readonly tenantId: string,
    readonly userId: string,
  ) {
    super();
  }
}

@QueryHandler(ListMailboxesQuery)
export class ListMailboxesHandler implements IQueryHandler<ListMailboxesQuery, Page<MailboxView>> {
  constructor(private readonly mailboxes: MailboxRetentionQueries) {}

  async execute({ tenantId, filter }: ListMailboxesQuery): Promise<Page<MailboxView>> {
    return this.mailboxes.list(tenantId, filter);
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
