import { EVENT_STORE, EventStore } from '@app/event-store';
import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger.module';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookSecrets } from './webhook-secrets';

/** N1's delivery side: the outbox streams, the secrets and the worker (the alerts themselves are a read model). */
@Module({
  imports: [LedgerModule],
  providers: [
    { provide: WebhookOutbox, inject: [EVENT_STORE], useFactory: (store: EventStore) => new WebhookOutbox(store) },
    { provide: WebhookSecrets, inject: [EVENT_STORE], useFactory: (store: EventStore) => new WebhookSecrets(store) },
    WebhookDeliveryWorker,
  ],
  exports: [WebhookOutbox, WebhookSecrets, WebhookDeliveryWorker],
})
export class AlertsModule {}
