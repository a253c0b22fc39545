import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TokenError, TokenService } from '@app/application';
import type { Request } from 'express';
import { ApiError } from '../http/api-error';
import type { AuthenticatedRequest, Role } from './actor';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-_.~+/]+=*)[ \t]*$/i;

/**
 * Global guard (APP_GUARD): every route not marked @Public() needs `Authorization: Bearer <JWT>`
 * (401 Unauthenticated otherwise); @Roles() then narrows who may call it (403 Forbidden).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header) throw unauthenticated('Missing bearer token: send "Authorization: Bearer <token>".', false);
    const match = BEARER.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".', true);

    let actor;
    try {
      actor = await this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof TokenError) throw unauthenticated(error.message, true);
      throw error;
    }
    request.actor = actor;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!required || required.length === 0 || actor.roles.includes('global-admin')) return true;
    if (required.some((role) => actor.roles.includes(role))) return true;
    throw new ApiError(
      403,
      'Forbidden',
      `This action needs one of the roles: ${[...new Set(['global-admin', ...required])].join(', ')}.`,
      {
        requiredRoles: required,
      },
    );
  }
}

function unauthenticated(message: string, invalidToken: boolean): ApiError {
  // RFC 6750 §3: tell the client whether to fetch a new token.
  const challenge = invalidToken
    ? 'Bearer realm="license-ledger", error="invalid_token"'
    : 'Bearer realm="license-ledger"';
  return new ApiError(401, 'Unauthenticated', message, undefined, { 'WWW-Authenticate': challenge });
}
