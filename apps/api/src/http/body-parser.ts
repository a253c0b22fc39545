import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { ApiError } from './api-error';
import { errorCodeForStatus } from './error-codes';

/** 1,000 userIds of 36 characters are ~40 kB; a quarter megabyte leaves room without inviting abuse. */
export const JSON_BODY_LIMIT = '256kb';

/**
 * express.json with the ledger's limit, turning body-parser's failures into contract errors at the
 * source (Nest would otherwise flatten a parse failure into a plain BadRequestException).
 * Non-strict so that a JSON array or string reaches the ValidationPipe and becomes ValidationFailed.
 */
export function jsonBodyParser(limit: string | number = JSON_BODY_LIMIT): RequestHandler {
  const parse = json({ limit, strict: false, type: ['application/json', 'application/*+json'] });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : toApiError(error, limit)));
  };
}

function toApiError(error: unknown, limit: string | number): unknown {
  const { type, status } = error as { type?: string; status?: number };
  switch (type) {
    case 'entity.parse.failed':
      return new ApiError(400, 'MalformedJson', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new ApiError(413, 'PayloadTooLarge', `The request body exceeds the limit of ${limit}.`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ApiError(415, 'UnsupportedMediaType', (error as Error).message);
    default:
      // A body that cannot be read or inflated (corrupt gzip, bad Content-Length) is no JSON either.
      if (status === 400) return new ApiError(400, 'MalformedJson', 'The request body could not be read as JSON.');
      if (typeof status === 'number' && status > 400 && status < 500) {
        return new ApiError(status, errorCodeForStatus(status), 'The request body could not be read.');
      }
      return error;
  }
}
