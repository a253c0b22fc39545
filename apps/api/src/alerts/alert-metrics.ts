import { WebhookDeliveryWorker } from '@app/application';
import { AlertQueries } from '@app/projections';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../metrics';

/** N1 in /metrics: the alerts raised (as this node's read model holds them) and this node's delivery attempts. */
@Injectable()
export class AlertMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, alerts: AlertQueries, worker: WebhookDeliveryWorker) {
    new Gauge({
      name: 'ledger_alerts_raised',
      help: 'Alerts raised so far, by type (every node raises the same ones)',
      labelNames: ['type'],
      registers: [registry],
      collect() {
        for (const { type, count } of alerts.countByType()) this.set({ type }, count);
      },
    });
    new Counter({
      name: 'ledger_webhook_attempts_total',
      help: 'Webhook delivery attempts this node made, by outcome (delivered, retry, failing)',
      labelNames: ['outcome'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [outcome, count] of Object.entries(worker.attempts)) this.inc({ outcome }, count);
      },
    });
  }
}
