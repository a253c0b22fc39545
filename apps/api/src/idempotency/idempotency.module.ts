import { Global, Module } from '@nestjs/common';
import { IdempotencyGuard } from './idempotency.guard';

/** Global so that @Idempotent() works in any feature module. */
@Global()
@Module({
  providers: [IdempotencyGuard],
  exports: [IdempotencyGuard],
})
export class IdempotencyModule {}
