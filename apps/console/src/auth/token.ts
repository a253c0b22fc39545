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

/** Where a token holds the roles and the tenant: `roles` and `tid` in the API's own tokens, configurable for a provider's. */
export interface ClaimNames {
  rolesClaim: string;
  tenantClaim: string;
}

export const OWN_CLAIMS: ClaimNames = { rolesClaim: 'roles', tenantClaim: 'tid' };

/** The claims of a JWT, or null when it is not one. */
export function readToken(token: string, { rolesClaim, tenantClaim }: ClaimNames = OWN_CLAIMS): Identity | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    const roles = claimAt(claims, rolesClaim);
    const tenant = claimAt(claims, tenantClaim);
    return {
      token: token.trim(),
      actor: claims.sub,
      name: typeof claims.name === 'string' ? claims.name : null,
      roles: Array.isArray(roles) ? (roles.filter((r) => typeof r === 'string') as Role[]) : [],
      tenant: typeof tenant === 'string' ? tenant : null,
      expiresAt: claims.exp * 1000,
    };
  } catch {
    return null;
  }
}

/** A claim by name, or by a dotted path into objects (Keycloak: `realm_access.roles`), as the API reads it. */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.'))
    value =
      typeof value === 'object' && value !== null && Object.hasOwn(value, part)
        ? (value as Record<string, unknown>)[part]
        : undefined;
  return value;
}
