import { Projector } from '@app/projections';
import { Inject, Injectable } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../metrics';

/** Where the read models stand, for alerting on a projector that falls behind or stops. */
@Injectable()
export class ReadModelMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, projector: Projector) {
    new Gauge({
      name: 'ledger_read_model_checkpoint',
      help: 'Store position up to which every read model has applied the events',
      registers: [registry],
      collect() {
        this.set(Number(projector.checkpoint));
      },
    });
    new Gauge({
      name: 'ledger_read_model_lag_events',
      help: 'Events stored but not yet applied by every read model (capped at 10,000)',
      registers: [registry],
      async collect() {
        // While the store is unreachable the last value stays: /metrics must keep answering.
        await projector.status().then(
          ({ lag }) => this.set(lag),
          () => undefined,
        );
      },
    });
  }
}
