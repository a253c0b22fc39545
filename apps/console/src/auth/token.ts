import type { Role } from './roles';

/** What the console reads from a bearer token (it never verifies it: the API does, on every call). */
export interface Identity {
  token: string;
  actor: string;
  name: string | null;
  roles: Role[];
  tenant: string | null;
  expiresAt: number;
}

/** The claims of a JWT, or null when it is not one. */
export function readToken(token: string, rolesClaim = 'roles', tenantClaim = 'tid'): Identity | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    const roles = claims[rolesClaim];
    return {
      token: token.trim(),
      actor: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : null,
      roles: Array.isArray(roles) ? (roles.filter((r) => typeof r === 'string') as Role[]) : [],
      tenant: typeof claims[tenantClaim] === 'string' ? claims[tenantClaim] : null,
      expiresAt: claims.exp * 1000,
    };
  } catch {
    return null;
  }
}
