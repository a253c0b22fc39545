import { CommandContext, DecidedCommand, ExecuteLedgerCommand } from '@app/application';
import { BulkAssignLicenses, failuresOf, summarizeBulk } from '@app/domain';
import { UserQueries, UserView } from '@app/projections';
import { Body, Controller, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth';
import { DryRunQueryDto } from './dto/dry-run.dto';
import { BulkLicensesDto, ReassignLicenseDto } from './dto/license.dto';
import { DryRunResult, dryRunResult, toRuleFailure } from './dry-run';
import { LedgerContext, answer } from './ledger-request';
import { Idempotent } from '../idempotency';
import { ApiCommandErrors } from '../http/api-errors.decorator';
import { BulkResult, BulkResultDoc } from './views/bulk-result.view';
import { DryRunResultDoc } from './views/dry-run.view';
import { ReassignResultDoc } from './views/reassign-result.view';

@ApiTags('licenses')
@ApiExtraModels(DryRunResultDoc, ReassignResultDoc)
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
    summary:
      'Add, replace or remove the licenses of many users at once (L9): all or nothing; dryRun applies nothing and reports each failure',
  })
  @ApiOkResponse({
    type: BulkResultDoc,
    description:
      'What was (or, with dryRun, would be) added and removed per user, and the seats used; a dry run answers 200 with ok false when rules fail',
  })
  @ApiCommandErrors('BulkAssignLicenses')
  async bulk(
    @Body() body: BulkLicensesDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BulkResult> {
    const command: BulkAssignLicenses = {
      type: 'BulkAssignLicenses',
      data: { userIds: body.userIds, skuIds: body.skuIds, mode: body.mode },
    };
    const dryRun = body.dryRun ?? false;
    const view = ({ events, availableBefore }: DecidedCommand): BulkResult => ({
      dryRun,
      applied: !dryRun && events.length > 0,
      ok: true,
      ...summarizeBulk(command, events, availableBefore),
    });
    const outcome = await this.commands.execute(new ExecuteLedgerCommand(command, context, { dryRun, view }));
    if (!outcome.refused) return answer(res, outcome);
    // A refused dry run: what passed, each user's failures, and the seats that are short.
    const failures = failuresOf(outcome.refused);
    const summary = summarizeBulk(command, outcome.events, outcome.availableBefore);
    const short = failures.flatMap((failure) =>
      failure.code === 'InsufficientSeats' ? (failure.details?.seats as BulkResult['seats']) : [],
    );
    return {
      dryRun,
      applied: false,
      ok: false,
      users: summary.users.map((user) => ({
        ...user,
        failures: failures.filter((failure) => failure.userId === user.userId).map(toRuleFailure),
      })),
      seats: summary.seats.map((seats) => short.find((need) => need.skuId === seats.skuId) ?? seats),
      failures: failures
        .filter((failure) => failure.userId === undefined && failure.code !== 'InsufficientSeats')
        .map(toRuleFailure),
    };
  }

  @Post('reassign')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({
    summary: 'Move one seat from one user to another, never free in between (L8); ?dryRun=true previews',
  })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(ReassignResultDoc) }, { $ref: getSchemaPath(DryRunResultDoc) }] },
    description: 'Both users after the move; with ?dryRun=true, what would happen (200 even when refused)',
  })
  @ApiCommandErrors('ReassignLicense')
  async reassign(
    @Query() query: DryRunQueryDto,
    @Body() body: ReassignLicenseDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ from: UserView; to: UserView } | DryRunResult> {
    const command = { type: 'ReassignLicense', data: body } as const;
    if (query.dryRun)
      return dryRunResult(await this.commands.execute(new ExecuteLedgerCommand(command, context, { dryRun: true })));
    const view = () => ({
      from: this.users.get(context.tenantId, body.fromUserId),
      to: this.users.get(context.tenantId, body.toUserId),
    });
    return answer(res, await this.commands.execute(new ExecuteLedgerCommand(command, context, { view })));
  }
}
