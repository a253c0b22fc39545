import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import {
  DEFAULT_HEALTH_OPTIONS,
  HEALTH_OPTIONS,
  READ_MODEL_STATUS,
  STORE_PROBE,
  type HealthOptions,
  type ReadModelStatus,
  type StoreProbe,
} from './health.tokens';

class TimeoutError extends Error {}

/** Settles within `ms`, so a store that hangs makes readiness fail instead of hanging it. */
function withTimeout<T>(work: () => Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve().then(work), timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

@Injectable()
export class LedgerHealthIndicators {
  private readonly options: HealthOptions;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(STORE_PROBE) private readonly storeProbe?: StoreProbe,
    @Optional() @Inject(READ_MODEL_STATUS) private readonly readModelStatus?: ReadModelStatus,
    @Optional() @Inject(HEALTH_OPTIONS) options?: Partial<HealthOptions>,
  ) {
    this.options = { ...DEFAULT_HEALTH_OPTIONS, ...options };
  }

  async eventStore(key = 'eventStore'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    if (!this.storeProbe) return indicator.down({ message: 'no event store probe is registered' });
    const started = Date.now();
    try {
      await withTimeout(() => this.storeProbe!.ping(), this.options.timeoutMs, 'the event store');
      return indicator.up({ responseTimeMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: reason(error) });
    }
  }

  async readModels(key = 'readModels'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    if (!this.readModelStatus) return indicator.down({ message: 'no read-model status is registered' });
    try {
      const { checkpoint, head, lag } = await withTimeout(
        () => this.readModelStatus!.status(),
        this.options.timeoutMs,
        'the read models',
      );
      const { maxReadModelLag } = this.options;
      if (maxReadModelLag !== undefined && lag > maxReadModelLag) {
        return indicator.down({
          checkpoint,
          head,
          lag,
          maxLag: maxReadModelLag,
          message: `read models are ${lag} events behind`,
        });
      }
      return indicator.up({ checkpoint, head, lag });
    } catch (error) {
      return indicator.down({ message: reason(error) });
    }
  }
}
