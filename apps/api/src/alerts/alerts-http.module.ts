import { AlertsModule } from '@app/application';
import { Module } from '@nestjs/common';
import { AlertMetrics } from './alert-metrics';
import { AlertsController } from './alerts.controller';
import { WebhooksController } from './webhooks.controller';

/** N1: alert rules, alerts, webhooks and their deliveries; the worker runs with AlertsModule. */
@Module({
  imports: [AlertsModule],
  controllers: [AlertsController, WebhooksController],
  providers: [AlertMetrics],
})
export class AlertsHttpModule {}
