import { CLOCK, Clock, ManualClock } from '@app/application';
import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { ApiError } from '../http/api-error';

/**
 * The clock endpoints exist only with LEDGER_CLOCK=manual (API.md, "Clock"). A middleware, because
 * it runs before the global auth guard: without a manual clock the answer is 404 for everyone,
 * not 401 or 403 as if the endpoint were there.
 */
@Injectable()
export class ManualClockMiddleware implements NestMiddleware {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  use(_req: unknown, _res: unknown, next: () => void): void {
    if (!(this.clock instanceof ManualClock)) {
      throw new ApiError(
        404,
        'NotFound',
        'The clock endpoints exist only when the service runs with LEDGER_CLOCK=manual.',
      );
    }
    next();
  }
}
