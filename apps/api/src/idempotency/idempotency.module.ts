import { Global, Inject, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '@app/application';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';

const PURGE_EVERY_MS = 3_600_000;

/** Global so that @Idempotent() works in any feature module. */
@Global()
@Module({
  providers: [
    {
      provide: IdempotencyStore,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig) => new IdempotencyStore(config.dataDir),
    },
    IdempotencyInterceptor,
  ],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private purgeTimer?: NodeJS.Timeout;

  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}

  onModuleInit(): void {
    this.purge();
    // Housekeeping only; unref'd so it never keeps a process (or a test) alive.
    this.purgeTimer = setInterval(() => this.purge(), PURGE_EVERY_MS).unref();
  }

  private purge(): void {
    try {
      this.store.purgeExpired();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not purge expired idempotency keys');
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
    this.store.close();
  }
}
