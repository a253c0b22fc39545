import { Global, Module } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { HttpMetrics, METRICS_REGISTRY, createMetricsRegistry } from './http-metrics';
import { MetricsController } from './metrics.controller';

/** GET /metrics. Global: feature modules may `@Inject(METRICS_REGISTRY)` to register their own metrics. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
    { provide: HttpMetrics, inject: [METRICS_REGISTRY], useFactory: (registry: Registry) => new HttpMetrics(registry) },
  ],
  exports: [METRICS_REGISTRY, HttpMetrics],
})
export class MetricsModule {}
