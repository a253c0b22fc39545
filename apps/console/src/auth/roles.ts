export type Role = 'global-admin' | 'user-admin' | 'auditor' | 'compliance';

/** What each task needs, as the API's @Roles say (API.md, "Authentication and roles", "Round 2"); global-admin may do all. */
const NEEDS = {
  readSeats: ['user-admin', 'auditor'],
  readUsers: ['user-admin', 'auditor', 'compliance'],
  changeLicenses: ['user-admin'],
  deleteUsers: ['user-admin'],
  restoreUsers: ['user-admin'],
  holdUsers: ['compliance'],
  readRetention: ['compliance'],
  readAudit: ['auditor', 'compliance'],
  readState: ['auditor'],
  readAlerts: ['auditor'],
  manageAlerts: [],
} satisfies Record<string, Role[]>;

export type Task = keyof typeof NEEDS;

export function may(roles: readonly Role[], task: Task): boolean {
  return roles.includes('global-admin') || NEEDS[task].some((role) => roles.includes(role));
}
