import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ApiError } from '../http/api-error';

/**
 * LEDGER_OPS_TOKEN: /metrics and the details of /health/ready show store positions and volumes of
 * every tenant, so with the token set only a caller sending `Authorization: Bearer <token>` sees them.
 */
export function hasOpsAccess(req: Request, opsToken: string | undefined): boolean {
  if (opsToken === undefined) return true;
  const sent = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '')?.[1];
  // Hashes of equal length, so the comparison takes the same time whatever was sent.
  return sent !== undefined && timingSafeEqual(digest(sent), digest(opsToken));
}

export function requireOpsAccess(req: Request, opsToken: string | undefined): void {
  if (!hasOpsAccess(req, opsToken)) {
    throw new ApiError(
      401,
      'Unauthenticated',
      'This endpoint needs the operations token: send "Authorization: Bearer <LEDGER_OPS_TOKEN>".',
    );
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
