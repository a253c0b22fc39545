import { LedgerModule } from '@app/application';
import { EVENT_STORE } from '@app/event-store';
import { Projector } from '@app/projections';
import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { READ_MODEL_STATUS, STORE_PROBE } from '../health/health.tokens';
import { GraphController } from './graph.controller';
import { LicensesController } from './licenses.controller';
import { DEFAULT_MIN_POSITION_WAIT_MS, MIN_POSITION_WAIT, MinPositionInterceptor } from './min-position.interceptor';
import { ReadModelMetrics } from './read-model-metrics';
import { SubscriptionsController } from './subscriptions.controller';
import { UsersController } from './users.controller';

/** The admin endpoints of API.md ("Commands" and the subscription and user queries), and what readiness probes. */
@Global()
@Module({
  imports: [LedgerModule],
  controllers: [SubscriptionsController, UsersController, LicensesController, GraphController],
  providers: [
    { provide: STORE_PROBE, useExisting: EVENT_STORE },
    { provide: READ_MODEL_STATUS, useExisting: Projector },
    ReadModelMetrics,
    { provide: MIN_POSITION_WAIT, useValue: DEFAULT_MIN_POSITION_WAIT_MS },
    { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
  ],
  exports: [STORE_PROBE, READ_MODEL_STATUS],
})
export class LedgerHttpModule {}
