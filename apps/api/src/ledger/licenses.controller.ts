import { CommandContext, ExecuteLedgerCommand, GetUserQuery } from '@app/application';
import { BulkAssignLicenses, BulkSummary, summarizeBulk } from '@app/domain';
import { UserView } from '@app/projections';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth';
import { BulkLicensesDto, ReassignLicenseDto } from './dto/license.dto';
import { LedgerContext, exposePosition } from './ledger-request';
import { Idempotent } from '../idempotency';
import { BulkResultDoc } from './views/bulk-result.view';
import { ReassignResultDoc } from './views/user.view';

@ApiTags('licenses')
@Controller('v1/licenses')
export class LicensesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('bulk')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({
    summary: 'Add to or replace the licenses of many users at once (L9): all or nothing; dryRun applies nothing',
  })
  @ApiOkResponse({ type: BulkResultDoc })
  async bulk(
    @Body() body: BulkLicensesDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BulkSummary & { dryRun: boolean; applied: boolean }> {
    const command: BulkAssignLicenses = {
      type: 'BulkAssignLicenses',
      data: { userIds: body.userIds, skuIds: body.skuIds, mode: body.mode },
    };
    const dryRun = body.dryRun ?? false;
    const outcome = await this.commands.execute(new ExecuteLedgerCommand(command, context, { dryRun }));
    exposePosition(res, outcome);
    return { dryRun, applied: !dryRun && outcome.events.length > 0, ...summarizeBulk(command, outcome.events, outcome.availableBefore) };
  }

  @Post('reassign')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({ summary: 'Move one seat from one user to another, never free in between (L8)' })
  @ApiOkResponse({ type: ReassignResultDoc })
  async reassign(
    @Body() body: ReassignLicenseDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ from: UserView; to: UserView }> {
    exposePosition(res, await this.commands.execute(new ExecuteLedgerCommand({ type: 'ReassignLicense', data: body }, context)));
    const [from, to] = await Promise.all([
      this.queries.execute(new GetUserQuery(context.tenantId, body.fromUserId)),
      this.queries.execute(new GetUserQuery(context.tenantId, body.toUserId)),
    ]);
    return { from, to };
  }
}
