import { DomainError } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Page } from '../../paging';
import { AlertQueries, AlertRulesView, AlertView, WebhookView } from './alerts.queries';

export class ListAlertsQuery extends Query<Page<AlertView>> {
  constructor(
    readonly tenantId: string,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

export class ListWebhooksQuery extends Query<{ items: WebhookView[] }> {
  constructor(readonly tenantId: string) {
    super();
  }
}

export class GetAlertRulesQuery extends Query<AlertRulesView> {
  constructor(readonly tenantId: string) {
    super();
  }
}

/** N1: the alerts raised, newest first. */
@QueryHandler(ListAlertsQuery)
export class ListAlertsHandler implements IQueryHandler<ListAlertsQuery, Page<AlertView>> {
  constructor(private readonly alerts: AlertQueries) {}

  async execute({ tenantId, limit, cursor }: ListAlertsQuery): Promise<Page<AlertView>> {
    return this.alerts.alertsPage(tenantId, limit, cursor);
  }
}

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, { items: WebhookView[] }> {
  constructor(private readonly alerts: AlertQueries) {}

  async execute({ tenantId }: ListWebhooksQuery): Promise<{ items: WebhookView[] }> {
    return { items: this.alerts.webhooksOf(tenantId) };
  }
}

@QueryHandler(GetAlertRulesQuery)
export class GetAlertRulesHandler implements IQueryHandler<GetAlertRulesQuery, AlertRulesView> {
  constructor(private readonly alerts: AlertQueries) {}

  async execute({ tenantId }: GetAlertRulesQuery): Promise<AlertRulesView> {
    return this.alerts.rulesOf(tenantId);
  }
}

/** 404 NotFound for a webhook the tenant does not have (or removed). */
export function requireWebhook(alerts: AlertQueries, tenantId: string, webhookId: string): WebhookView {
  const webhook = alerts.webhookOf(tenantId, webhookId);
  if (!webhook) throw new DomainError('NotFound', `Webhook ${webhookId} not found`, { webhookId });
  return webhook;
}
