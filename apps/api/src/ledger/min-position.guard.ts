import { Projector } from '@app/projections';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { validationFailed } from '../http/validation';

export const MIN_POSITION_HEADER = 'X-Ledger-Min-Position';
/** How long a GET waits for this node's read models (API.md, "Many API nodes, one store"). */
export const MIN_POSITION_WAIT = Symbol('MIN_POSITION_WAIT');
export const DEFAULT_MIN_POSITION_WAIT_MS = 10_000;

/** Positions are unsigned 64-bit in EventStoreDB; anything longer is not one. */
const POSITION = /^\d{1,20}$/;

/**
 * Read-your-writes across nodes: a GET with X-Ledger-Min-Position (an earlier answer's X-Ledger-Position,
 * from any node) answers only once this node's read models have applied it; too long → 503 ReadModelBehind.
 * A guard (after the AuthGuard), not an interceptor: a route without interceptors skips Nest's RxJS pipeline.
 */
@Injectable()
export class MinPositionGuard implements CanActivate {
  constructor(
    private readonly projector: Projector,
    @Inject(MIN_POSITION_WAIT) private readonly waitMs: number,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers[MIN_POSITION_HEADER.toLowerCase()];
    if (request.method !== 'GET' || header === undefined) return true;
    const value = Array.isArray(header) ? header.join(',') : header.trim();
    if (!POSITION.test(value))
      throw validationFailed({ [MIN_POSITION_HEADER]: ['must be a non-negative integer (a store position)'] });
    await this.projector.waitFor(BigInt(value), this.waitMs);
    return true;
  }
}
