import { LedgerEvent, LedgerEventType } from './events';

type DataOf<K extends LedgerEventType> = Extract<LedgerEvent, { type: K }>['data'];

/**
 * E1: the personal fields of each event type (UPN, display name, aliases), which the store encrypts under
 * the user's key. Keyed by every type, so a new event must say which of its fields are personal.
 */
export const PERSONAL_FIELDS = {
  SubscriptionAdded: [],
  SeatsPurchased: [],
  SeatsExpired: [],
  SeatsRenewed: [],
  UserCreated: ['userPrincipalName', 'displayName', 'aliases'],
  UserUpdated: ['displayName'],
  AliasAdded: ['alias'],
  UserDeleted: [],
  UserPurged: ['userPrincipalName'],
  LicenseAssigned: [],
  LicenseUpdated: [],
  LicenseRemoved: [],
  MailboxProvisioned: [],
  MailboxSoftDeleted: [],
  MailboxRestored: [],
  MailboxPurged: [],
  AliasesReleased: ['aliases'],
  ContactsListDeleted: [],
  ContactsListRestored: [],
  AlertRulesSet: [],
  WebhookRegistered: [],
  WebhookRemoved: [],
  SubscriptionEnteredWarning: [],
  SubscriptionSuspended: [],
  SubscriptionDeleted: [],
  SubscriptionRenewed: [],
  UserRestored: ['aliasesNotRestored'],
  // The reason names a matter, not the user; it stays readable after erasure, like the audit's actors.
  LegalHoldPlaced: [],
  LegalHoldReleased: [],
} as const satisfies { [K in LedgerEventType]: readonly Exclude<keyof DataOf<K>, 'userId' | 'erased'>[] };

/** The personal fields of an event of this type (none for a type that is not a ledger event). */
export function personalFieldsOf(type: string): readonly string[] {
  return (PERSONAL_FIELDS as Record<string, readonly string[]>)[type] ?? [];
}
