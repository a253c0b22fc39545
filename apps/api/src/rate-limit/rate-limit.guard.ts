import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ThrottlerGuard,
  ThrottlerStorage,
  getOptionsToken,
  getStorageToken,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
} from '@nestjs/throttler';
import { Counter, type Registry } from 'prom-client';
import type { AuthenticatedRequest } from '../auth/actor';
import { ApiError } from '../http/api-error';
import { METRICS_REGISTRY } from '../metrics/http-metrics';

/**
 * LEDGER_RATE_LIMIT per minute, counted per actor and tenant (after the AuthGuard has put the actor
 * on the request), per client address where no token is needed; over it, 429 TooManyRequests.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly refused: Counter;

  constructor(
    @Inject(getOptionsToken()) options: ThrottlerModuleOptions,
    @Inject(getStorageToken()) storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    super(options, storage, reflector);
    this.refused = new Counter({
      name: 'http_requests_rate_limited_total',
      help: 'Requests refused with 429 TooManyRequests because their caller exceeded LEDGER_RATE_LIMIT',
      registers: [registry],
    });
  }

  protected override async getTracker(req: Record<string, unknown> & AuthenticatedRequest): Promise<string> {
    const actor = req.actor;
    return actor ? `actor:${actor.tenantId}:${actor.id}` : `ip:${String(req.ip)}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    this.refused.inc();
    throw new ApiError(
      429,
      'TooManyRequests',
      `Too many requests: at most ${detail.limit} per minute; retry after ${detail.timeToBlockExpire} s.`,
      undefined,
      {
        'Retry-After': String(detail.timeToBlockExpire),
      },
    );
  }
}
