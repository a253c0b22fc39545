/**
 * given(...events).when(command).then(...expected) / .thenThrows(code, details?) for the ledger decider.
 * Every run also proves that decide() left the state untouched and that its events fold cleanly.
 */
import {
  Catalog,
  DomainError,
  DomainErrorCode,
  EXCHANGE,
  LedgerCommand,
  LedgerEvent,
  LedgerState,
  LicenseRemovalReason,
  LicenseToAdd,
  decide,
  evolve,
  initialState,
  purgeAfterFrom,
} from '@app/domain';

export const LYNC = 'LYNC';
export const SHAREPOINT = 'SHAREPOINT';
export const OFFICE = 'OFFICE';
export { EXCHANGE };
/** LYNC is not offered here (U3). */
export const LYNC_BLOCKED = 'CN';

export const catalog = new Catalog([
  { id: EXCHANGE, name: 'Exchange Online', unavailableIn: [] },
  { id: LYNC, name: 'Lync Online', unavailableIn: [LYNC_BLOCKED] },
  { id: SHAREPOINT, name: 'SharePoint Online', unavailableIn: [] },
  { id: OFFICE, name: 'Office', unavailableIn: [] },
]);

export const SKU = {
  /** Every plan: Exchange, Lync, SharePoint, Office. */
  PREMIUM: 'BUSINESS_PREMIUM',
  EXCHANGE: 'EXCHANGE_STANDARD',
  SHAREPOINT: 'SHAREPOINT_PLAN1',
  OFFICE: 'OFFICE_PROPLUS',
} as const;

const PLANS: Record<string, string[]> = {
  [SKU.PREMIUM]: [EXCHANGE, LYNC, SHAREPOINT, OFFICE],
  [SKU.EXCHANGE]: [EXCHANGE],
  [SKU.SHAREPOINT]: [SHAREPOINT],
  [SKU.OFFICE]: [OFFICE],
};

export const NOW = new Date('2025-01-15T09:30:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

export function later(from: Date | string, { days = 0, ms = 0 }: { days?: number; ms?: number }): Date {
  return new Date(new Date(from).getTime() + days * DAY_MS + ms);
}

export const iso = (date: Date) => date.toISOString();

export interface Outcome {
  events: LedgerEvent[];
  /** The state after the given and the decided events. */
  state: LedgerState;
}

export function given(...history: LedgerEvent[]) {
  let now = NOW;
  const scenario = {
    /** Decide at another instant than NOW. */
    at(instant: Date) {
      now = instant;
      return scenario;
    },
    when(command: LedgerCommand) {
      const state = history.reduce(evolve, initialState());
      const before = structuredClone(state);
      const run = () => {
        try {
          return decide(command, state, { now, catalog });
        } finally {
          expect(state).toEqual(before);
        }
      };
      const accept = (events: LedgerEvent[]): Outcome => {
        events.reduce(evolve, state);
        expectConsistent(state);
        return { events, state };
      };
      return {
        then(...expected: LedgerEvent[]): Outcome {
          const events = run();
          expect(events).toEqual(expected);
          return accept(events);
        },
        /** Accepted, whatever the events: to chain a decision into the next given, or to check all events at once. */
        decided(): Outcome {
          return accept(run());
        },
        thenThrows(code: DomainErrorCode, details?: Record<string, unknown>): DomainError {
          let thrown: unknown;
          try {
            const events = run();
            thrown = new Error(`Expected ${code} but decided ${JSON.stringify(events.map((event) => event.type))}`);
          } catch (error) {
            thrown = error;
          }
          if (!(thrown instanceof DomainError)) throw thrown;
          const error = thrown;
          expect(error.code).toBe(code);
          if (details) expect(error.details).toMatchObject(details);
          return error;
        },
      };
    },
  };
  return scenario;
}

/** Seat counts and the address indexes agree with the users, whatever the history. */
function expectConsistent(state: LedgerState): void {
  for (const subscription of state.subscriptions.values()) {
    const holders = [...state.users.values()].filter((user) => user.licenses.has(subscription.skuId)).length;
    expect({ skuId: subscription.skuId, assigned: subscription.assigned }).toEqual({
      skuId: subscription.skuId,
      assigned: holders,
    });
  }
  for (const user of state.users.values()) {
    if (user.status !== 'purged')
      expect(state.principalNames.get(user.userPrincipalName!.toLowerCase())).toBe(user.userId);
    for (const alias of user.aliases) expect(state.aliases.get(alias.toLowerCase())).toBe(user.userId);
  }
}

// Given events.

export function subscriptionAdded(skuId: string, seats: number, servicePlans = PLANS[skuId]): LedgerEvent {
  return { type: 'SubscriptionAdded', data: { skuId, name: skuId, servicePlans, seats } };
}

export function upnOf(userId: string): string {
  return `${userId}@contoso.com`;
}

export interface UserOptions {
  usageLocation?: string | null;
  aliases?: string[];
  userPrincipalName?: string;
}

/** A user in the US, UPN `<userId>@contoso.com`, no aliases, unless told otherwise. */
export function userCreated(userId: string, options: UserOptions = {}): LedgerEvent {
  const { usageLocation = 'US', aliases = [], userPrincipalName = upnOf(userId) } = options;
  return { type: 'UserCreated', data: { userId, userPrincipalName, displayName: userId, usageLocation, aliases } };
}

export function licenseAssigned(userId: string, skuId: string, disabledPlans: string[] = []): LedgerEvent {
  return { type: 'LicenseAssigned', data: { userId, skuId, disabledPlans } };
}

export function licenseUpdated(userId: string, skuId: string, disabledPlans: string[]): LedgerEvent {
  return { type: 'LicenseUpdated', data: { userId, skuId, disabledPlans } };
}

export function licenseRemoved(userId: string, skuId: string, reason: LicenseRemovalReason = 'removed'): LedgerEvent {
  return { type: 'LicenseRemoved', data: { userId, skuId, reason } };
}

export function mailboxProvisioned(userId: string): LedgerEvent {
  return { type: 'MailboxProvisioned', data: { userId } };
}

/** Soft-deleted at `at`: purgeAfter = at + 30 days. */
export function mailboxSoftDeleted(userId: string, at: Date = NOW): LedgerEvent {
  return { type: 'MailboxSoftDeleted', data: { userId, purgeAfter: purgeAfterFrom(at) } };
}

export function mailboxRestored(userId: string): LedgerEvent {
  return { type: 'MailboxRestored', data: { userId } };
}

export function mailboxPurged(userId: string): LedgerEvent {
  return { type: 'MailboxPurged', data: { userId } };
}

/** `reason` 'userDeleted' when the deletion released them (U4), so that a restore gives them back (U5). */
export function aliasesReleased(userId: string, aliases: string[], reason?: 'userDeleted'): LedgerEvent {
  return { type: 'AliasesReleased', data: { userId, aliases, ...(reason ? { reason } : {}) } };
}

export function contactsListDeleted(userId: string): LedgerEvent {
  return { type: 'ContactsListDeleted', data: { userId } };
}

export function contactsListRestored(userId: string): LedgerEvent {
  return { type: 'ContactsListRestored', data: { userId } };
}

export function userDeleted(userId: string, at: Date = NOW): LedgerEvent {
  return { type: 'UserDeleted', data: { userId, purgeAfter: purgeAfterFrom(at) } };
}

export function userPurged(userId: string, userPrincipalName = upnOf(userId)): LedgerEvent {
  return { type: 'UserPurged', data: { userId, userPrincipalName } };
}

/** A user who holds `skuId` and, when it carries Exchange, the mailbox it provisioned. */
export function userWithLicense(userId: string, skuId: string, options: UserOptions = {}): LedgerEvent[] {
  const withMailbox = PLANS[skuId]?.includes(EXCHANGE) ?? false;
  return [
    userCreated(userId, options),
    licenseAssigned(userId, skuId),
    ...(withMailbox ? [mailboxProvisioned(userId)] : []),
  ];
}

// Commands.

export function createUser(userId: string, userPrincipalName: string, aliases?: string[]): LedgerCommand {
  return {
    type: 'CreateUser',
    data: { userId, userPrincipalName, displayName: userId, ...(aliases ? { aliases } : {}) },
  };
}

export function addAlias(userId: string, alias: string): LedgerCommand {
  return { type: 'AddAlias', data: { userId, alias } };
}

export function assignLicense(
  userId: string,
  addLicenses: (string | LicenseToAdd)[],
  removeLicenses: string[] = [],
): LedgerCommand {
  return {
    type: 'AssignLicense',
    data: {
      userId,
      addLicenses: addLicenses.map((add) => (typeof add === 'string' ? { skuId: add } : add)),
      removeLicenses,
    },
  };
}

export function removeLicenses(userId: string, ...skuIds: string[]): LedgerCommand {
  return assignLicense(userId, [], skuIds);
}

export function bulk(mode: 'add' | 'replace', userIds: string[], skuIds: string[]): LedgerCommand {
  return { type: 'BulkAssignLicenses', data: { userIds, skuIds, mode } };
}

export function reassign(skuId: string, fromUserId: string, toUserId: string): LedgerCommand {
  return { type: 'ReassignLicense', data: { skuId, fromUserId, toUserId } };
}

export function deleteUser(userId: string): LedgerCommand {
  return { type: 'DeleteUser', data: { userId } };
}

export function purgeMailbox(userId: string): LedgerCommand {
  return { type: 'PurgeMailbox', data: { userId } };
}
