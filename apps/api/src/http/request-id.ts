import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id if it is safe to log and echo, else a fresh UUID. */
export function requestIdFor(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * First middleware of the app: fixes `req.id` and echoes it, so every answer (also a body rejected
 * before routing) carries it and the pino access log uses the same id.
 */
export function requestIdMiddleware(req: Request & { id?: unknown }, res: Response, next: NextFunction): void {
  const id = requestIdFor(req);
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}
