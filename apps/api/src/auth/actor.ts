import type { Role } from '@app/application';

export { ROLES, isRole } from '@app/application';
export type { Role } from '@app/application';

/** The authenticated caller of a request, from its bearer token (never from the URL or body). */
export interface ActorContext {
  id: string;
  name?: string;
  tenantId: string;
  roles: Role[];
}

/** Express request after the AuthGuard has run. */
export interface AuthenticatedRequest {
  actor?: ActorContext;
}
