import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@app/domain';
import { AppendTooLargeError, EventStoreUnavailableError } from '@app/event-store';
import { ReadModelBehindError } from '@app/projections';
import { ApiError, type ErrorBody } from './api-error';
import { errorCodeForStatus } from './error-codes';
import { redactUrl } from './redact';

const GENERIC_500 = 'An unexpected error occurred. Quote the request id when reporting it.';
const STORE_UNAVAILABLE =
  'The event store is unavailable; try again shortly. GET /health/ready reports when it is back.';
/** Seconds a client should wait before retrying while the event store is unreachable. */
const STORE_RETRY_AFTER_SECONDS = '5';

function isDomainError(error: unknown): error is DomainError {
  if (error instanceof DomainError) return true;
  // The same class loaded twice (e.g. two module registries) still counts.
  const e = error as Partial<DomainError> | null;
  return !!e && e.name === 'DomainError' && typeof e.code === 'string' && typeof e.status === 'number';
}

/** Maps anything thrown to the contract's `{statusCode, error, message, details?}` (API.md, "Errors"). */
export function toErrorBody(
  exception: unknown,
  requestId?: string,
): { body: ErrorBody; headers?: Record<string, string> } {
  if (exception instanceof ApiError) {
    return {
      body: {
        statusCode: exception.getStatus(),
        error: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      },
      headers: exception.headers,
    };
  }
  if (isDomainError(exception)) {
    return {
      body: {
        statusCode: exception.status,
        error: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      },
    };
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const raw =
      typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
    const messages = Array.isArray(raw) ? raw.map(String) : [];
    const message =
      messages.length > 0 ? messages.join('; ') : typeof raw === 'string' && raw !== '' ? raw : exception.message;
    return {
      body: {
        statusCode: status,
        error: errorCodeForStatus(status),
        message,
        ...(messages.length > 1 ? { details: { messages } } : {}),
      },
    };
  }
  // More event data than one append may carry (EventStoreDB's MaxAppendSize; SQLite enforces the same): nothing was stored.
  if (exception instanceof AppendTooLargeError) {
    return {
      body: {
        statusCode: 413,
        error: 'PayloadTooLarge',
        message:
          'The command produces more event data than the event store accepts in one append; split it into smaller requests.',
        details: { maxAppendSize: exception.maxAppendSize },
      },
    };
  }
  // The store (e.g. EventStoreDB) cannot be reached: a clear, retryable 503, not a 500 (the adapters fail fast, so no hang).
  if (
    exception instanceof EventStoreUnavailableError ||
    (exception as Error | null)?.name === 'EventStoreUnavailableError'
  ) {
    return {
      body: {
        statusCode: 503,
        error: 'ServiceUnavailable',
        message: STORE_UNAVAILABLE,
        ...(requestId ? { details: { requestId } } : {}),
      },
      headers: { 'Retry-After': STORE_RETRY_AFTER_SECONDS },
    };
  }
  if (exception instanceof ReadModelBehindError) {
    return {
      body: { statusCode: 503, error: 'ReadModelBehind', message: exception.message },
      headers: { 'Retry-After': '1' },
    };
  }
  // Server-side failures never leak their message; a deliberate 5xx HttpException (e.g. 503) keeps its status.
  const status = exception instanceof HttpException ? exception.getStatus() : 500;
  return {
    body: {
      statusCode: status,
      error: errorCodeForStatus(status),
      message: GENERIC_500,
      ...(requestId ? { details: { requestId } } : {}),
    },
  };
}

/**
 * The single exception filter of the API. 4xx are the client's business and logged by the access log;
 * anything else is a 500 InternalError with a generic message, logged once with its stack.
 */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request & { id?: unknown }>();
    const response = host.switchToHttp().getResponse<Response>();
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    const { body, headers } = toErrorBody(exception, requestId);

    if (body.statusCode === 503) {
      // An outage, not a bug: one line per request, without a stack that would flood the log.
      this.logger.warn(
        {
          requestId,
          method: request.method,
          url: redactUrl(request.originalUrl),
          reason: (exception as Error).message,
        },
        body.message,
      );
    } else if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId, method: request.method, url: redactUrl(request.originalUrl) },
        'Unhandled error',
      );
    } else if (!(request as { log?: unknown }).log) {
      // Refused before routing (e.g. by the body parser): the access log never saw this request.
      this.logger.warn(
        {
          requestId,
          method: request.method,
          url: redactUrl(request.originalUrl),
          statusCode: body.statusCode,
          error: body.error,
        },
        'Request refused',
      );
    }
    if (response.headersSent) {
      // A stream failed half-way: the status is gone, all we can do is cut the connection.
      response.destroy();
      return;
    }
    if (body.statusCode === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="license-ledger"');
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    response.status(body.statusCode).json(body);
  }
}
