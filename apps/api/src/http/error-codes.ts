import { STATUS_CODES } from 'node:http';

const CODES: Record<number, string> = {
  400: 'ValidationFailed',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'ConcurrencyConflict',
  413: 'PayloadTooLarge',
  500: 'InternalError',
};

/** The contract code for a bare HTTP status (e.g. a BadRequestException thrown by ParseIntPipe). */
export function errorCodeForStatus(status: number): string {
  if (CODES[status]) return CODES[status];
  // Statuses the contract does not name: the PascalCase reason phrase, e.g. 415 UnsupportedMediaType.
  const phrase = STATUS_CODES[status] ?? (status >= 500 ? 'InternalError' : 'BadRequest');
  return phrase.replace(/[^A-Za-z0-9 ]/g, '').replace(/(?:^|\s)(\w)/g, (_, c: string) => c.toUpperCase());
}
