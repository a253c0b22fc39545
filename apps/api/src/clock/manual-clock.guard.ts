import { CLOCK, Clock, ManualClock } from '@app/application';
import { CanActivate, Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../http/api-error';

/** The clock endpoints exist only with LEDGER_CLOCK=manual (API.md, "Clock"); checked before the body is validated. */
@Injectable()
export class ManualClockGuard implements CanActivate {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  canActivate(): boolean {
    if (!(this.clock instanceof ManualClock)) {
      throw new ApiError(404, 'NotFound', 'The clock endpoints exist only when the service runs with LEDGER_CLOCK=manual.');
    }
    return true;
  }
}
