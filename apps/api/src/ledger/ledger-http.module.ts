import { LedgerModule } from '@app/application';
import { EVENT_STORE } from '@app/event-store';
import { Projector } from '@app/projections';
import { Global, Module } from '@nestjs/common';
import { READ_MODEL_STATUS, STORE_PROBE } from '../health/health.tokens';
import { LicensesController } from './licenses.controller';
import { ReadModelMetrics } from './read-model-metrics';
import { SubscriptionsController } from './subscriptions.controller';
import { UsersController } from './users.controller';

/** The admin endpoints of API.md ("Commands" and the subscription and user queries), and what readiness probes. */
@Global()
@Module({
  imports: [LedgerModule],
  controllers: [SubscriptionsController, UsersController, LicensesController],
  providers: [
    { provide: STORE_PROBE, useExisting: EVENT_STORE },
    { provide: READ_MODEL_STATUS, useExisting: Projector },
    ReadModelMetrics,
  ],
  exports: [STORE_PROBE, READ_MODEL_STATUS],
})
export class LedgerHttpModule {}
