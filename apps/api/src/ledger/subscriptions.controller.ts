import { ExecuteLedgerCommand, CommandContext } from '@app/application';
import {
  GetSubscriptionQuery,
  ListSubscriptionsQuery,
  SeatAvailabilityQueries,
  SubscriptionListDoc,
  SubscriptionView,
  SubscriptionViewDoc,
} from '@app/projections';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, ActorContext, Roles } from '../auth';
import { ChangeSeatsDto, CreateSubscriptionDto, RenewSubscriptionDto } from './dto/subscription.dto';
import { LedgerContext, answer } from './ledger-request';
import { Idempotent } from '../idempotency';
import { ApiCommandErrors, ApiErrors } from '../http/api-errors.decorator';

@ApiTags('subscriptions')
@Controller('v1/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly seats: SeatAvailabilityQueries,
  ) {}

  @Post()
  @Idempotent()
  @Roles('global-admin')
  @ApiOperation({
    summary: 'Add a subscription (S1): its plans come from the catalogue; optionally a term end and trial (SL1)',
  })
  @ApiCreatedResponse({ type: SubscriptionViewDoc, description: 'The subscription added' })
  @ApiCommandErrors('AddSubscription')
  async add(
    @Body() body: CreateSubscriptionDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubscriptionView> {
    const view = () => this.seats.get(context.tenantId, body.skuId);
    return answer(
      res,
      await this.commands.execute(new ExecuteLedgerCommand({ type: 'AddSubscription', data: body }, context, { view })),
    );
  }

  @Post(':skuId/seats')
  @Idempotent()
  @HttpCode(200)
  @Roles('global-admin')
  @ApiOperation({ summary: 'Purchase, expire or renew seats (S2)' })
  @ApiOkResponse({ type: SubscriptionViewDoc, description: 'The subscription after the change' })
  @ApiCommandErrors('ChangeSeats')
  async changeSeats(
    @Param('skuId') skuId: string,
    @Body() body: ChangeSeatsDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubscriptionView> {
    const view = () => this.seats.get(context.tenantId, skuId);
    return answer(
      res,
      await this.commands.execute(
        new ExecuteLedgerCommand({ type: 'ChangeSeats', data: { skuId, ...body } }, context, { view }),
      ),
    );
  }

  @Post(':skuId/renew')
  @Idempotent()
  @HttpCode(200)
  @Roles('global-admin')
  @ApiOperation({
    summary:
      'Renew to a new term end (SL2): from warning or suspended back to enabled; a deleted one cannot be renewed',
  })
  @ApiOkResponse({ type: SubscriptionViewDoc, description: 'The subscription, enabled until its new term end' })
  @ApiCommandErrors('RenewSubscription')
  async renew(
    @Param('skuId') skuId: string,
    @Body() body: RenewSubscriptionDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubscriptionView> {
    const view = () => this.seats.get(context.tenantId, skuId);
    const command = { type: 'RenewSubscription', data: { skuId, termEndsAt: body.termEndsAt } } as const;
    return answer(res, await this.commands.execute(new ExecuteLedgerCommand(command, context, { view })));
  }

  @Get()
  @Roles('user-admin', 'auditor')
  @ApiOperation({ summary: 'Seats of every subscription: valid, expired, assigned, available' })
  @ApiOkResponse({ type: SubscriptionListDoc, description: 'Every subscription of the tenant, in skuId order' })
  async list(@Actor() actor: ActorContext): Promise<{ items: SubscriptionView[] }> {
    return { items: await this.queries.execute(new ListSubscriptionsQuery(actor.tenantId)) };
  }

  @Get(':skuId')
  @Roles('user-admin', 'auditor')
  @ApiOperation({ summary: 'Seats of one subscription' })
  @ApiOkResponse({ type: SubscriptionViewDoc, description: 'The subscription' })
  @ApiErrors(...GetSubscriptionQuery.errors)
  get(@Param('skuId') skuId: string, @Actor() actor: ActorContext): Promise<SubscriptionView> {
    return this.queries.execute(new GetSubscriptionQuery(actor.tenantId, skuId));
  }
}
