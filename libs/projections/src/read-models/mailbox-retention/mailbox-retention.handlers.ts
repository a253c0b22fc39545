import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Page } from '../../paging';
import { MailboxFilter, MailboxRetentionQueries, MailboxView } from './mailbox-retention.queries';

export class ListMailboxesQuery extends Query<Page<MailboxView>> {
  constructor(
    readonly tenantId: string,
    readonly filter: MailboxFilter,
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
