import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, of, throwError } from 'rxjs';
import { catchError, finalize, tap } from 'rxjs/operators';
import type { AuthenticatedRequest } from '../auth/actor';
import { ApiError } from '../http/api-error';
import { validationFailed } from '../http/validation';
import { requestFingerprint } from './fingerprint';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const LEDGER_POSITION_HEADER = 'X-Ledger-Position';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** Response headers that are part of the answer and replayed with it. */
const REPLAYED_HEADERS = [LEDGER_POSITION_HEADER, 'Location'];
const KEY_PATTERN = /^[\x21-\x7e]+$/;

/**
 * Applied by @Idempotent(). With an Idempotency-Key header: the first request of a (tenant, key)
 * runs and its 2xx answer is remembered; the same request again gets that answer replayed without
 * running anything; another request with the key gets 422 IdempotencyKeyReused; a duplicate while the
 * first is still running gets 409 ConcurrencyConflict. A failed request frees its key.
 *
 * The answer is captured when the handler returns, so X-Ledger-Position must be set by then (in the
 * handler, or by an interceptor listed after this one).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();

    const key = Array.isArray(header) ? header.join(',') : header;
    if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !KEY_PATTERN.test(key)) {
      return throwError(() =>
        validationFailed({ [IDEMPOTENCY_KEY_HEADER]: [`must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters`] }),
      );
    }
    const tenantId = request.actor?.tenantId ?? '';
    const fingerprint = requestFingerprint({
      method: request.method,
      path: request.path,
      query: request.query,
      body: request.body,
      actorId: request.actor?.id,
    });

    const reservation = this.store.reserve(tenantId, key, fingerprint);
    switch (reservation.outcome) {
      case 'replay': {
        const { statusCode, body, headers } = reservation.response;
        response.status(statusCode);
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
        return of(body);
      }
      case 'mismatch':
        return throwError(
          () => new ApiError(422, 'IdempotencyKeyReused', `The Idempotency-Key "${key}" was already used for a different request.`),
        );
      case 'inFlight':
        return throwError(
          () =>
            new ApiError(409, 'ConcurrencyConflict', `A request with the Idempotency-Key "${key}" is still in progress; retry shortly.`, undefined, {
              'Retry-After': '1',
            }),
        );
      case 'reserved':
        break;
    }

    const { owner } = reservation;
    let settled = false;
    const release = () => {
      if (settled) return;
      settled = true;
      try {
        this.store.release(tenantId, key, owner);
      } catch (error) {
        this.logger.error({ err: error }, 'could not release an idempotency key');
      }
    };
    return next.handle().pipe(
      tap((body) => {
        if (response.statusCode < 200 || response.statusCode >= 300) return release();
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = response.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        settled = true;
        try {
          this.store.complete(tenantId, key, owner, { statusCode: response.statusCode, body: toJson(body), headers });
        } catch (error) {
          // The command did run: keep the key reserved (retries get 409 until the lease ends) rather than run it twice.
          this.logger.error({ err: error, key, tenantId }, 'could not remember an idempotent response');
        }
      }),
      catchError((error: unknown) => {
        release();
        return throwError(() => error);
      }),
      // Torn down without an answer (e.g. the client went away): free the key too.
      finalize(release),
    );
  }
}

/** What res.json() would send, so a replay is byte-for-byte the same document. */
function toJson(body: unknown): unknown {
  return body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown);
}
