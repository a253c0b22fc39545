import { CommandContext, DecidedCommand, ExecuteLedgerCommand } from '@app/application';
import { DeleteUsers, LedgerCommand, failuresOf } from '@app/domain';
import { GetUserQuery, ListUsersQuery, Page, UserPageDoc, UserQueries, UserView, UserViewDoc } from '@app/projections';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Actor, ActorContext, Roles } from '../auth';
import { DEFAULT_PAGE_LIMIT } from '../http/page-query.dto';
import { AssignLicenseDto } from './dto/license.dto';
import { DryRunQueryDto } from './dto/dry-run.dto';
import {
  AddAliasDto,
  CreateUserDto,
  DeleteUsersDto,
  LegalHoldDto,
  ListUsersQueryDto,
  RestoreUserDto,
  UpdateUserDto,
} from './dto/user.dto';
import { DryRunResult, dryRunResult, toRuleFailure } from './dry-run';
import { RestoreResultDoc } from './views/restore-result.view';
import { LedgerContext, answer } from './ledger-request';
import { Idempotent } from '../idempotency';
import { BulkDeleteResult, BulkDeleteResultDoc } from './views/bulk-delete-result.view';
import { DryRunResultDoc } from './views/dry-run.view';

/** A command that takes licenses or deletes answers the user view, or with ?dryRun=true what would happen. */
const USER_OR_DRY_RUN = {
  schema: { oneOf: [{ $ref: getSchemaPath(UserViewDoc) }, { $ref: getSchemaPath(DryRunResultDoc) }] },
};
import { ApiCommandErrors, ApiErrors } from '../http/api-errors.decorator';

@ApiTags('users')
@ApiExtraModels(DryRunResultDoc, RestoreResultDoc)
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly users: UserQueries,
  ) {}

  @Post()
  @Idempotent()
  @Roles('user-admin')
  @ApiOperation({ summary: 'Create a user (U1); the server assigns its userId' })
  @ApiCreatedResponse({ type: UserViewDoc, description: 'The user created' })
  @ApiCommandErrors('CreateUser')
  create(
    @Body() body: CreateUserDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const userId = randomUUID();
    return this.run({ type: 'CreateUser', data: { userId, ...body } }, userId, context, res);
  }

  @Patch(':userId')
  @Idempotent()
  @Roles('user-admin')
  @ApiOperation({ summary: 'Change the display name or usage location (U3 keeps holding for held licenses)' })
  @ApiOkResponse({ type: UserViewDoc, description: 'The user after the change' })
  @ApiCommandErrors('UpdateUser')
  update(
    @Param('userId') userId: string,
    @Body() body: UpdateUserDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run({ type: 'UpdateUser', data: { userId, ...body } }, userId, context, res);
  }

  @Post(':userId/aliases')
  @Idempotent()
  @Roles('user-admin')
  @ApiOperation({ summary: 'Add an e-mail alias, unique among all UPNs and aliases (U1)' })
  @ApiCreatedResponse({ type: UserViewDoc, description: 'The user with the alias' })
  @ApiCommandErrors('AddAlias')
  addAlias(
    @Param('userId') userId: string,
    @Body() body: AddAliasDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run({ type: 'AddAlias', data: { userId, alias: body.alias } }, userId, context, res);
  }

  @Post('delete')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({
    summary:
      'Delete several users in one commit, all or nothing (U4 for each); dryRun answers 200 with each failure named',
  })
  @ApiOkResponse({
    type: BulkDeleteResultDoc,
    description: 'The users deleted (or, with dryRun, who would be and what fails)',
  })
  @ApiCommandErrors('DeleteUsers')
  async removeMany(
    @Body() body: DeleteUsersDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BulkDeleteResult> {
    const command: DeleteUsers = { type: 'DeleteUsers', data: { userIds: body.userIds } };
    const dryRun = body.dryRun ?? false;
    const views = () => body.userIds.map((userId) => this.users.get(context.tenantId, userId));
    const outcome = await this.commands.execute(
      new ExecuteLedgerCommand(command, context, {
        dryRun,
        view: () => ({ dryRun, applied: !dryRun, ok: true, users: views() }),
      }),
    );
    if (!outcome.refused) return answer(res, outcome);
    // A refused dry run: every listed user with what fails for it (an unknown id has no view, only its failures).
    const failures = failuresOf(outcome.refused);
    const users = body.userIds.map((userId) => {
      const view = this.users.get(context.tenantId, userId);
      return {
        ...(view ?? { userId }),
        failures: failures.filter((failure) => failure.userId === userId).map(toRuleFailure),
      };
    });
    return { dryRun, applied: false, ok: false, users };
  }

  @Delete(':userId')
  @Idempotent()
  @Roles('user-admin')
  @ApiOperation({
    summary:
      'Delete a user: frees every license at once; data kept for the 30-day grace period (U4); ?dryRun=true previews',
  })
  @ApiOkResponse({
    ...USER_OR_DRY_RUN,
    description: 'The user, status deleted; with ?dryRun=true, what would happen (200 even when refused)',
  })
  @ApiCommandErrors('DeleteUser')
  remove(
    @Param('userId') userId: string,
    @Query() query: DryRunQueryDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run({ type: 'DeleteUser', data: { userId } }, userId, context, res, query.dryRun);
  }

  @Post(':userId/assignLicense')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({
    summary:
      'Add and remove licenses of one user, atomically (L1); Exchange changes follow L3/L4; ?dryRun=true previews',
  })
  @ApiOkResponse({
    ...USER_OR_DRY_RUN,
    description: 'The user with its licenses after the change; with ?dryRun=true, what would happen',
  })
  @ApiCommandErrors('AssignLicense')
  assignLicense(
    @Param('userId') userId: string,
    @Query() query: DryRunQueryDto,
    @Body() body: AssignLicenseDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run({ type: 'AssignLicense', data: { userId, ...body } }, userId, context, res, query.dryRun);
  }

  @Post(':userId/restore')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({
    summary:
      'Restore a deleted user until its purgeAfter, in one commit: licenses (or none), mailbox and contacts list (L4), aliases no one took (U5); ?dryRun=true previews',
  })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(RestoreResultDoc) }, { $ref: getSchemaPath(DryRunResultDoc) }] },
    description:
      'The user restored, and the aliases others took meanwhile; with ?dryRun=true, what would happen (200 even when refused)',
  })
  @ApiCommandErrors('RestoreUser')
  async restore(
    @Param('userId') userId: string,
    @Query() query: DryRunQueryDto,
    @Body() body: RestoreUserDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ user: UserView | undefined; aliasesNotRestored: string[] } | DryRunResult> {
    const command: LedgerCommand = { type: 'RestoreUser', data: { userId, withLicenses: body.withLicenses ?? true } };
    if (query.dryRun)
      return dryRunResult(await this.commands.execute(new ExecuteLedgerCommand(command, context, { dryRun: true })));
    const view = ({ events }: DecidedCommand) => ({
      user: this.users.get(context.tenantId, userId),
      aliasesNotRestored: events.flatMap((event) =>
        event.type === 'UserRestored' ? event.data.aliasesNotRestored : [],
      ),
    });
    return answer(res, await this.commands.execute(new ExecuteLedgerCommand(command, context, { view })));
  }

  @Put(':userId/hold')
  @Idempotent()
  @Roles('compliance')
  @ApiOperation({
    summary:
      'Place a legal hold (H1): nothing of the user is purged while it stands; on a held user, replaces the reason',
  })
  @ApiOkResponse({ type: UserViewDoc, description: 'The user, held' })
  @ApiCommandErrors('PlaceLegalHold')
  placeHold(
    @Param('userId') userId: string,
    @Body() body: LegalHoldDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run({ type: 'PlaceLegalHold', data: { userId, reason: body.reason } }, userId, context, res);
  }

  @Delete(':userId/hold')
  @Idempotent()
  @Roles('compliance')
  @ApiOperation({
    summary:
      'Release the legal hold (H2): nothing is purged at once; whatever fell due gets purgeAfter = now + 30 days',
  })
  @ApiOkResponse({ type: UserViewDoc, description: 'The user, no longer held' })
  @ApiCommandErrors('ReleaseLegalHold')
  releaseHold(
    @Param('userId') userId: string,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run({ type: 'ReleaseLegalHold', data: { userId } }, userId, context, res);
  }

  @Get()
  @Roles('user-admin', 'auditor', 'compliance')
  @ApiOperation({
    summary:
      'Find users: a UPN or display-name prefix, a SKU, a status, a usage location, held or not; ordered, keyset paging',
  })
  @ApiOkResponse({ type: UserPageDoc, description: 'One page of users; nextCursor is null on the last' })
  list(@Query() query: ListUsersQueryDto, @Actor() actor: ActorContext): Promise<Page<UserView>> {
    return this.queries.execute(
      new ListUsersQuery(actor.tenantId, { ...query, limit: query.limit ?? DEFAULT_PAGE_LIMIT }),
    );
  }

  @Get(':userId')
  @Roles('user-admin', 'auditor', 'compliance')
  @ApiOperation({
    summary: 'One user, by userId or by a UPN in any case (the user holding it now, deleted-but-not-purged included)',
  })
  // One path template with PATCH and DELETE /v1/users/{userId}; the parameter also takes a UPN here.
  @ApiParam({ name: 'userId', example: 'ada@contoso.com', description: 'A userId, or a UPN in any case' })
  @ApiOkResponse({ type: UserViewDoc, description: 'The user' })
  @ApiErrors(...GetUserQuery.errors)
  get(@Param('userId') userIdOrUpn: string, @Actor() actor: ActorContext): Promise<UserView> {
    return this.queries.execute(new GetUserQuery(actor.tenantId, userIdOrUpn));
  }

  private async run(
    command: LedgerCommand,
    userId: string,
    context: CommandContext,
    res: Response,
    dryRun = false,
  ): Promise<UserView | DryRunResult> {
    if (dryRun)
      return dryRunResult(await this.commands.execute(new ExecuteLedgerCommand(command, context, { dryRun })));
    const view = () => this.users.get(context.tenantId, userId);
    return answer(res, await this.commands.execute(new ExecuteLedgerCommand(command, context, { view })));
  }
}
