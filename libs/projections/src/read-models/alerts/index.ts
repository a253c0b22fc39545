import type { ReadModel } from '../../read-model';
import { GetAlertRulesHandler, ListAlertsHandler, ListWebhooksHandler } from './alerts.handlers';
import { alertsProjection } from './alerts.projection';
import { AlertQueries } from './alerts.queries';
import { AlertDoc, AlertPageDoc, AlertRulesDoc, SeatsBelowRuleDoc, WebhookDoc, WebhookListDoc } from './alerts.view';

export * from './alerts.handlers';
export * from './alerts.projection';
export * from './alerts.queries';
export * from './alerts.view';

export const alertsReadModel = {
  projection: alertsProjection,
  queries: [AlertQueries],
  handlers: [ListAlertsHandler, ListWebhooksHandler, GetAlertRulesHandler],
  views: [AlertDoc, AlertPageDoc, SeatsBelowRuleDoc, AlertRulesDoc, WebhookDoc, WebhookListDoc],
} satisfies ReadModel;
