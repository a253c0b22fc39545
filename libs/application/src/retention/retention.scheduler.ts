import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectLedgerConfig, LedgerConfig } from '../config';
import { RetentionSaga } from './retention-saga';

export const RETENTION_INTERVAL = 'retention-saga';

/**
 * Runs the retention saga every LEDGER_RETENTION_INTERVAL_MS (a @nestjs/schedule interval), and once at
 * start-up so what fell due while the service was down is purged at once. With LEDGER_CLOCK=manual the
 * interval runs too (another process may move the shared clock); POST /v1/clock/advance adds a pass of its own.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly saga: RetentionSaga,
    private readonly registry: SchedulerRegistry,
    @InjectLedgerConfig() private readonly config: LedgerConfig,
  ) {}

  onApplicationBootstrap(): void {
    const interval = setInterval(() => this.saga.tick(), this.config.retentionIntervalMs);
    interval.unref();
    this.registry.addInterval(RETENTION_INTERVAL, interval);
    this.saga.tick();
  }

  /** Before any store closes (that happens on application shutdown): no new pass, the running one finishes. */
  async onModuleDestroy(): Promise<void> {
    if (this.registry.doesExist('interval', RETENTION_INTERVAL)) this.registry.deleteInterval(RETENTION_INTERVAL);
    await this.saga.stop();
  }
}
