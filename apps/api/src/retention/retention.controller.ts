import {
  GetRetentionTimelineQuery,
  ListMailboxesQuery,
  MailboxPageDoc,
  MailboxView,
  Page,
  RetentionTimeline,
  RetentionTimelineDoc,
} from '@app/projections';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, ActorContext, Roles } from '../auth';
import { ErrorBodyDto } from '../http/api-error';
import { DEFAULT_PAGE_LIMIT } from '../http/page-query.dto';
import { ListMailboxesQueryDto } from './dto/list-mailboxes.dto';

/** What compliance staff see of the 30-day grace period (A3, L5, L6, U4). */
@ApiTags('retention')
@Controller('v1/retention')
export class RetentionController {
  constructor(private readonly queries: QueryBus) {}

  @Get('mailboxes')
  @Roles('compliance')
  @ApiOperation({
    summary: 'Mailboxes by retention status, optionally those to be purged before an instant; cursor paging',
    description:
      'Every mailbox of the tenant in the order it was first provisioned. A soft-deleted mailbox shows its purgeAfter ' +
      '(softDeletedAt + 30 days); the retention saga purges it at that time unless Exchange comes back first (L4, L5).',
  })
  @ApiOkResponse({ type: MailboxPageDoc, description: 'One page of mailboxes; nextCursor is null on the last' })
  list(@Query() query: ListMailboxesQueryDto, @Actor() actor: ActorContext): Promise<Page<MailboxView>> {
    return this.queries.execute(
      new ListMailboxesQuery(actor.tenantId, { ...query, limit: query.limit ?? DEFAULT_PAGE_LIMIT }),
    );
  }

  @Get('users/:userId/timeline')
  @Roles('compliance')
  @ApiOperation({
    summary: "A user's retention timeline: every lifecycle step with time and actor, and the purges still scheduled",
    description:
      'What was soft-deleted when and by whom, what was restored, what was purged (by system:retention), that SharePoint ' +
      'documents were retained (L6), and while a purge is pending, when it will happen. Purged users keep their timeline.',
  })
  @ApiParam({ name: 'userId', description: 'The userId the server assigned when the user was created' })
  @ApiOkResponse({ type: RetentionTimelineDoc, description: 'What happened to the user and what is scheduled' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'UserNotFound: the tenant never had this user' })
  timeline(@Param('userId') userId: string, @Actor() actor: ActorContext): Promise<RetentionTimeline> {
    return this.queries.execute(new GetRetentionTimelineQuery(actor.tenantId, userId));
  }
}
