import { HttpException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Error codes the HTTP layer itself produces (domain codes come from DomainError). */
export type HttpErrorCode =
  | 'ValidationFailed'
  | 'MalformedJson'
  | 'Unauthenticated'
  | 'Forbidden'
  | 'NotFound'
  | 'ConcurrencyConflict'
  | 'PayloadTooLarge'
  | 'IdempotencyKeyReused'
  | 'InternalError'
  | (string & {});

/** The one error body of API.md: `{statusCode, error, message, details?}`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

/** OpenAPI schema of ErrorBody, for `@ApiResponse({ status: 409, type: ErrorBodyDto })`. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ type: 'integer', example: 409 })
  statusCode: number;

  @ApiProperty({ example: 'InsufficientSeats', description: 'Stable error code of the public contract' })
  error: string;

  @ApiProperty({ example: 'Not enough seats of SKU ENTERPRISEPACK.' })
  message: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
}

/** An HTTP-layer refusal carrying its contract code; the exception filter renders it as ErrorBody. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: HttpErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. WWW-Authenticate or Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super({ statusCode: status, error: code, message, ...(details ? { details } : {}) }, status);
  }
}
