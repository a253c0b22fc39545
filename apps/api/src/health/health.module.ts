import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { LedgerHealthIndicators } from './ledger-health.indicators';

/**
 * GET /health/live and /health/ready. The probes (STORE_PROBE, READ_MODEL_STATUS, optionally
 * HEALTH_OPTIONS) come from a global module of the ledger feature.
 */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [LedgerHealthIndicators],
})
export class HealthModule {}
