import { CommandContext, CommandOutcome } from '@app/application';
import { ExecutionContext, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthenticatedRequest } from '../auth';
import { IDEMPOTENT_REPLAYED_HEADER, LEDGER_POSITION_HEADER, type IdempotentRequest } from '../idempotency';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * `@LedgerContext() context: CommandContext`: who asks (from the token), in which tenant, and the
 * request's ids for correlation (a caller's X-Correlation-Id ties several requests together).
 */
export const LedgerContext = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandContext => {
  const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest & IdempotentRequest & { id?: string }>();
  const actor = req.actor;
  if (!actor) throw new UnauthorizedException('This endpoint needs a bearer token.');
  const given = req.headers['x-correlation-id'];
  const requestId = String(req.id);
  return {
    tenantId: actor.tenantId,
    actor: actor.name ? { id: actor.id, name: actor.name } : { id: actor.id },
    correlationId: typeof given === 'string' && CORRELATION_ID.test(given) ? given : requestId,
    ...(req.idempotency ? { idempotency: req.idempotency } : {}),
    // No causationId: the executor gives each command its own. The request id is the caller's to
    // choose and may repeat, and one commit's events are told apart from another's by their cause.
  };
});

/**
 * Sends a command's answer. Every success names the store position of its last event, so a client can
 * wait for it elsewhere; a retried Idempotency-Key gets the first answer's status and body again.
 */
export function answer<T>(res: Response, outcome: CommandOutcome): T {
  if (outcome.position !== null) res.setHeader(LEDGER_POSITION_HEADER, outcome.position.toString());
  if (outcome.replayed) {
    res.status(outcome.replayed.status);
    res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  }
  return outcome.body as T;
}
