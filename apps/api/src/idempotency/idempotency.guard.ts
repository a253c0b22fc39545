import { HttpStatus, Injectable, RequestMethod, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/actor';
import { validationFailed } from '../http/validation';
import { requestFingerprint } from './fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const LEDGER_POSITION_HEADER = 'X-Ledger-Position';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const KEY_PATTERN = /^[\x21-\x7e]+$/;

/** What the command path needs of an Idempotency-Key: it is decided on with the ledger (see LedgerCommandExecutor). */
export interface IdempotentRequest {
  idempotency?: { key: string; fingerprint: string; status: number };
}

/**
 * Applied by @Idempotent(). Validates the Idempotency-Key header and attaches it to the request with
 * the request's fingerprint and the status the route answers a success with. Whether the key was used
 * is decided by the ledger itself, on the same read that decides the command, on any node.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest & IdempotentRequest>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return true;

    const key = Array.isArray(header) ? header.join(',') : header;
    if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !KEY_PATTERN.test(key)) {
      throw validationFailed({
        [IDEMPOTENCY_KEY_HEADER]: [`must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters`],
      });
    }
    const fingerprint = requestFingerprint({
      method: request.method,
      path: request.path,
      query: request.query,
      body: request.body,
      actorId: request.actor?.id,
    });
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
    const status =
      declared ?? (request.method === RequestMethod[RequestMethod.POST] ? HttpStatus.CREATED : HttpStatus.OK);
    request.idempotency = { key, fingerprint, status };
    return true;
  }
}
