import { CommandContext, ExecuteLedgerCommand } from '@app/application';
import { LedgerCommand } from '@app/domain';
import { GetUserQuery, ListUsersQuery, Page, UserPageDoc, UserQueries, UserView, UserViewDoc } from '@app/projections';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Actor, ActorContext, Roles } from '../auth';
import { DEFAULT_PAGE_LIMIT } from '../http/page-query.dto';
import { AssignLicenseDto } from './dto/license.dto';
import { AddAliasDto, CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { LedgerContext, answer } from './ledger-request';
import { Idempotent } from '../idempotency';
import { ApiCommandErrors, ApiErrors } from '../http/api-errors.decorator';

@ApiTags('users')
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
  create(@Body() body: CreateUserDto, @LedgerContext() context: CommandContext, @Res({ passthrough: true }) res: Response) {
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

  @Delete(':userId')
  @Idempotent()
  @Roles('user-admin')
  @ApiOperation({ summary: 'Delete a user: frees every license at once; data kept for the 30-day grace period (U4)' })
  @ApiOkResponse({ type: UserViewDoc, description: 'The user, status deleted' })
  @ApiCommandErrors('DeleteUser')
  remove(@Param('userId') userId: string, @LedgerContext() context: CommandContext, @Res({ passthrough: true }) res: Response) {
    return this.run({ type: 'DeleteUser', data: { userId } }, userId, context, res);
  }

  @Post(':userId/assignLicense')
  @Idempotent()
  @HttpCode(200)
  @Roles('user-admin')
  @ApiOperation({ summary: 'Add and remove licenses of one user, atomically (L1); Exchange changes follow L3/L4' })
  @ApiOkResponse({ type: UserViewDoc, description: 'The user with its licenses after the change' })
  @ApiCommandErrors('AssignLicense')
  assignLicense(
    @Param('userId') userId: string,
    @Body() body: AssignLicenseDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run({ type: 'AssignLicense', data: { userId, ...body } }, userId, context, res);
  }

  @Get()
  @Roles('user-admin', 'auditor', 'compliance')
  @ApiOperation({ summary: 'Find users: a UPN or display-name prefix, a SKU, a status, a usage location; ordered, keyset paging' })
  @ApiOkResponse({ type: UserPageDoc, description: 'One page of users; nextCursor is null on the last' })
  list(@Query() query: ListUsersQueryDto, @Actor() actor: ActorContext): Promise<Page<UserView>> {
    return this.queries.execute(new ListUsersQuery(actor.tenantId, { ...query, limit: query.limit ?? DEFAULT_PAGE_LIMIT }));
  }

  @Get(':userId')
  @Roles('user-admin', 'auditor', 'compliance')
  @ApiOperation({ summary: 'One user, by userId or by a UPN in any case (the user holding it now, deleted-but-not-purged included)' })
  // One path template with PATCH and DELETE /v1/users/{userId}; the parameter also takes a UPN here.
  @ApiParam({ name: 'userId', example: 'ada@contoso.com', description: 'A userId, or a UPN in any case' })
  @ApiOkResponse({ type: UserViewDoc, description: 'The user' })
  @ApiErrors(...GetUserQuery.errors)
  get(@Param('userId') userIdOrUpn: string, @Actor() actor: ActorContext): Promise<UserView> {
    return this.queries.execute(new GetUserQuery(actor.tenantId, userIdOrUpn));
  }

  private async run(command: LedgerCommand, userId: string, context: CommandContext, res: Response): Promise<UserView> {
    const view = () => this.users.get(context.tenantId, userId);
    return answer(res, await this.commands.execute(new ExecuteLedgerCommand(command, context, { view })));
  }
}
