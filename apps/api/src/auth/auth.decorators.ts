import {
  SetMetadata,
  UnauthorizedException,
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../http/api-error';
import type { ActorContext, AuthenticatedRequest, Role } from './actor';

export const IS_PUBLIC_KEY = 'ledger:public';
export const ROLES_KEY = 'ledger:roles';
export const BEARER_SCHEME = 'bearer';

/** No token needed (health, metrics). Everything else needs a valid bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * The caller needs at least one of these roles (`global-admin` always passes). Without `@Roles`, any
 * valid token passes. On a controller it applies to every handler; a handler's own `@Roles` wins.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({
      type: ErrorBodyDto,
      description:
        'Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; ' +
        'lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which.',
    }),
    ApiForbiddenResponse({
      type: ErrorBodyDto,
      description: `Forbidden: needs one of ${['global-admin', ...roles.filter((r) => r !== 'global-admin')].join(', ')}`,
    }),
  );

/** `@Actor() actor: ActorContext` — the authenticated caller (its tenant is the only tenant it may touch). */
export const Actor = createParamDecorator((_data: unknown, ctx: ExecutionContext): ActorContext => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  // Only reachable on a @Public() route: a programming error, surfaced as 401 rather than a crash.
  if (!actor) throw new UnauthorizedException('This endpoint needs a bearer token.');
  return actor;
});
