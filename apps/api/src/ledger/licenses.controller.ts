import { CommandContext, DecidedCommand, ExecuteLedgerCommand } from '@app/application';
import { BulkAssignLicenses, BulkSummary, summarizeBulk } from '@app/domain';
import { UserQueries, UserView } from '@app/projections';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth';
import { BulkLicensesDto, ReassignLicenseDto } from './dto/license.dto';
import { LedgerContext, answer } from './ledger-request';
import { Idempotent } from '../idempotency';
import { ApiCommandErrors } from '../http/api-errors.decorator';
import { BulkResultDoc } from './views/bulk-result.view';
import { ReassignResultDoc } from './views/reassign-result.view';

@ApiTags('licenses')
@Controller('v1/licenses')
export class LicensesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly users: UserQueries,
  ) {}

  @Post('bulk')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({
    summary: 'Add to or replace the licenses of many users at once (L9): all or nothing; dryRun applies nothing',
  })
  @ApiOkResponse({ type: BulkResultDoc, description: 'What was (or, with dryRun, would be) added and removed per user, and the seats used' })
  @ApiCommandErrors('BulkAssignLicenses')
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
    const view = ({ events, availableBefore }: DecidedCommand) => ({
      dryRun,
      applied: !dryRun && events.length > 0,
      ...summarizeBulk(command, events, availableBefore),
    });
    return answer(res, await this.commands.execute(new ExecuteLedgerCommand(command, context, { dryRun, view })));
  }

  @Post('reassign')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({ summary: 'Move one seat from one user to another, never free in between (L8)' })
  @ApiOkResponse({ type: ReassignResultDoc, description: 'Both users after the move' })
  @ApiCommandErrors('ReassignLicense')
  async reassign(
    @Body() body: ReassignLicenseDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ from: UserView; to: UserView }> {
    const view = () => ({ from: this.users.get(context.tenantId, body.fromUserId), to: this.users.get(context.tenantId, body.toUserId) });
    return answer(res, await this.commands.execute(new ExecuteLedgerCommand({ type: 'ReassignLicense', data: body }, context, { view })));
  }
}
