import { LedgerModule } from '@app/application';
import { EVENT_STORE } from '@app/event-store';
import { Projector } from '@app/projections';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { READ_MODEL_STATUS, STORE_PROBE } from '../health/health.tokens';
import { GraphController } from './graph.controller';
import { LicensesController } from './licenses.controller';
import { DEFAULT_MIN_POSITION_WAIT_MS, MIN_POSITION_WAIT, MinPositionGuard } from './min-position.guard';
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
    // After AuthModule's and RateLimitModule's guards (modules imported before this one): a caller is known before it waits.
    { provide: APP_GUARD, useClass: MinPositionGuard },
  ],
  exports: [STORE_PROBE, READ_MODEL_STATUS],
})
export class LedgerHttpModule {}
