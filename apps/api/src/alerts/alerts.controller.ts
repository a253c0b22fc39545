import { CommandContext, ExecuteLedgerCommand } from '@app/application';
import {
  AlertPageDoc,
  AlertQueries,
  AlertRulesDoc,
  AlertRulesView,
  AlertView,
  GetAlertRulesQuery,
  ListAlertsQuery,
  Page,
} from '@app/projections';
import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, ActorContext, Roles } from '../auth';
import { ApiCommandErrors } from '../http/api-errors.decorator';
import { DEFAULT_PAGE_LIMIT, PageQueryDto } from '../http/page-query.dto';
import { Idempotent } from '../idempotency';
import { LedgerContext, answer } from '../ledger/ledger-request';
import { AlertRulesDto } from './dto/alert-rules.dto';

/** N1: the tenant's alert rules and the alerts raised. */
@ApiTags('alerts')
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly alerts: AlertQueries,
  ) {}

  @Put('rules')
  @Idempotent()
  @Roles('global-admin')
  @ApiOperation({ summary: 'Set the alert rules (N1), replacing the previous ones whole' })
  @ApiOkResponse({ type: AlertRulesDoc, description: 'The rules now in force' })
  @ApiCommandErrors('SetAlertRules')
  async setRules(
    @Body() body: AlertRulesDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AlertRulesView> {
    const view = () => this.alerts.rulesOf(context.tenantId);
    return answer(
      res,
      await this.commands.execute(new ExecuteLedgerCommand({ type: 'SetAlertRules', data: body }, context, { view })),
    );
  }

  @Get('rules')
  @Roles('global-admin', 'auditor')
  @ApiOperation({ summary: 'The alert rules in force' })
  @ApiOkResponse({ type: AlertRulesDoc, description: 'The rules in force' })
  rules(@Actor() actor: ActorContext): Promise<AlertRulesView> {
    return this.queries.execute(new GetAlertRulesQuery(actor.tenantId));
  }

  @Get()
  @Roles('global-admin', 'auditor')
  @ApiOperation({
    summary: 'The alerts raised, newest first; cursor paging',
    description: 'Each alert is raised once per crossing of a rule.',
  })
  @ApiOkResponse({ type: AlertPageDoc, description: 'One page of alerts; nextCursor is null on the last' })
  list(@Query() query: PageQueryDto, @Actor() actor: ActorContext): Promise<Page<AlertView>> {
    return this.queries.execute(new ListAlertsQuery(actor.tenantId, query.limit ?? DEFAULT_PAGE_LIMIT, query.cursor));
  }
}
