import { Module } from '@nestjs/common';
import { ledgerConfigModule } from '@app/application';
import { AlertsHttpModule } from './alerts/alerts-http.module';
import { AuditHttpModule } from './audit/audit-http.module';
import { AuthModule } from './auth/auth.module';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { ledgerLoggerModule } from './http/logging';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LedgerHttpModule } from './ledger/ledger-http.module';
import { MetricsModule } from './metrics/metrics.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RetentionHttpModule } from './retention/retention-http.module';

/** The HTTP/service infrastructure every endpoint sits on; e2e tests compose it with their own modules. */
export const INFRASTRUCTURE_IMPORTS = [
  ledgerConfigModule(),
  ledgerLoggerModule(),
  AuthModule,
  RateLimitModule,
  IdempotencyModule,
  MetricsModule,
  HealthModule,
];

@Module({
  imports: [
    ...INFRASTRUCTURE_IMPORTS,
    // The ledger feature; it also provides STORE_PROBE and READ_MODEL_STATUS to the health checks.
    LedgerHttpModule,
    RetentionHttpModule,
    AuditHttpModule,
    AlertsHttpModule,
    ConsoleModule,
  ],
})
export class AppModule {}
