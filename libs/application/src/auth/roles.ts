/** The four roles of API.md ("Authentication and roles"); `global-admin` may do everything. */
export const ROLES = ['global-admin', 'user-admin', 'auditor', 'compliance'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
