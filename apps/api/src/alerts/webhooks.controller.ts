import {
  CommandContext,
  ExecuteLedgerCommand,
  InjectLedgerConfig,
  LedgerConfig,
  PENDING,
  WebhookOutbox,
  WebhookSecrets,
  deliveryKey,
  validateWebhookUrl,
} from '@app/application';
import {
  AlertQueries,
  ListWebhooksQuery,
  Page,
  WebhookDoc,
  WebhookListDoc,
  WebhookView,
  requireWebhook,
} from '@app/projections';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Actor, ActorContext, Roles } from '../auth';
import { ApiCommandErrors, ApiErrors } from '../http/api-errors.decorator';
import { DEFAULT_PAGE_LIMIT, PageQueryDto } from '../http/page-query.dto';
import { Idempotent } from '../idempotency';
import { LedgerContext, answer } from '../ledger/ledger-request';
import { DeliveryPageDoc, DeliveryView } from './delivery.view';
import { RegisterWebhookDto } from './dto/webhook.dto';

/** N1: where the tenant's alerts are sent, and how their deliveries went. */
@ApiTags('alerts')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly alerts: AlertQueries,
    private readonly secrets: WebhookSecrets,
    private readonly outbox: WebhookOutbox,
    @InjectLedgerConfig() private readonly config: LedgerConfig,
  ) {}

  @Post()
  @Idempotent()
  @Roles('global-admin')
  @ApiOperation({
    summary: 'Register a webhook for alert types; deliveries are signed with its secret (X-Ledger-Signature)',
  })
  @ApiCreatedResponse({ type: WebhookDoc, description: 'The webhook registered (without its secret)' })
  @ApiCommandErrors('RegisterWebhook')
  async register(
    @Body() body: RegisterWebhookDto,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebhookView> {
    const url = validateWebhookUrl(body.url, this.config.webhooks.allowedHosts);
    const webhookId = randomUUID();
    await this.secrets.save(webhookId, body.secret);
    const view = () => this.alerts.webhookOf(context.tenantId, webhookId);
    const command = { type: 'RegisterWebhook' as const, data: { webhookId, url, events: body.events } };
    return answer(res, await this.commands.execute(new ExecuteLedgerCommand(command, context, { view })));
  }

  @Get()
  @Roles('global-admin')
  @ApiOperation({ summary: 'The registered webhooks (their secrets are never shown)' })
  @ApiOkResponse({ type: WebhookListDoc, description: 'Every webhook of the tenant' })
  list(@Actor() actor: ActorContext): Promise<{ items: WebhookView[] }> {
    return this.queries.execute(new ListWebhooksQuery(actor.tenantId));
  }

  @Delete(':webhookId')
  @Idempotent()
  @HttpCode(204)
  @Roles('global-admin')
  @ApiOperation({ summary: 'Remove a webhook: its deliveries not yet made are dropped' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiCommandErrors('RemoveWebhook')
  async remove(
    @Param('webhookId') webhookId: string,
    @LedgerContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    answer(
      res,
      await this.commands.execute(new ExecuteLedgerCommand({ type: 'RemoveWebhook', data: { webhookId } }, context)),
    );
  }

  @Get(':webhookId/deliveries')
  @Roles('global-admin')
  @ApiOperation({ summary: "A webhook's deliveries, newest first, with what every node's attempts did; cursor paging" })
  @ApiOkResponse({ type: DeliveryPageDoc, description: 'One page of deliveries; nextCursor is null on the last' })
  @ApiErrors('NotFound')
  async deliveries(
    @Param('webhookId') webhookId: string,
    @Query() query: PageQueryDto,
    @Actor() actor: ActorContext,
  ): Promise<Page<DeliveryView>> {
    requireWebhook(this.alerts, actor.tenantId, webhookId);
    const page = this.alerts.deliveriesPage(actor.tenantId, webhookId, query.limit ?? DEFAULT_PAGE_LIMIT, query.cursor);
    const outbox = await this.outbox.read(actor.tenantId);
    return {
      items: page.items.map(({ alertId, type }) => {
        const { attempts, status, lastError } = outbox.deliveries.get(deliveryKey(alertId, webhookId)) ?? PENDING;
        return { alertId, type, attempts, status, lastError };
      }),
      nextCursor: page.nextCursor,
    };
  }
}
