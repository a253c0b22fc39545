import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LEDGER_CONFIG, type LedgerConfig } from '@app/application';
import { RateLimitGuard } from './rate-limit.guard';

const ONE_MINUTE_MS = 60_000;

/** Rate limiting (LEDGER_RATE_LIMIT); import after AuthModule, so its guard runs once the actor is known. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig) => ({
        throttlers: [{ ttl: ONE_MINUTE_MS, limit: config.rateLimitPerMinute ?? Number.MAX_SAFE_INTEGER }],
        skipIf: () => config.rateLimitPerMinute === undefined,
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
