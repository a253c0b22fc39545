/**
 * The tenant ledger's events. Their `type` names are part of the public contract (API.md, "Events"):
 * they are declared once here and never derived from class names.
 * Who and when (actor, occurredAt, correlation, causation) travel in the stored metadata, not here.
 */
export type LicenseRemovalReason = 'removed' | 'replaced' | 'reassigned' | 'userDeleted';

export type SubscriptionAdded = {
  type: 'SubscriptionAdded';
  data: { skuId: string; name: string; servicePlans: string[]; seats: number };
};
export type SeatsPurchased = { type: 'SeatsPurchased'; data: { skuId: string; count: number } };
export type SeatsExpired = { type: 'SeatsExpired'; data: { skuId: string; count: number } };
export type SeatsRenewed = { type: 'SeatsRenewed'; data: { skuId: string; count: number } };

export type UserCreated = {
  type: 'UserCreated';
  data: {
    userId: string;
    userPrincipalName: string;
    displayName: string;
    usageLocation: string | null;
    aliases: string[];
  };
};
export type UserUpdated = {
  type: 'UserUpdated';
  data: { userId: string; displayName?: string; usageLocation?: string };
};
export type AliasAdded = { type: 'AliasAdded'; data: { userId: string; alias: string } };
/** `purgeAfter`: when the grace period of the deleted user's data ends (U4). */
export type UserDeleted = { type: 'UserDeleted'; data: { userId: string; purgeAfter: string } };
/** The deleted user's grace period ended: everything but SharePoint documents is gone, the UPN is free. */
export type UserPurged = { type: 'UserPurged'; data: { userId: string; userPrincipalName: string } };

/** U5: the deleted user is active again; its licenses, mailbox and aliases follow in the same commit as their own events. */
export type UserRestored = {
  type: 'UserRestored';
  data: { userId: string; withLicenses: boolean; aliasesNotRestored: string[] };
};
/** H1: placing a hold on a held user replaces its reason. */
export type LegalHoldPlaced = { type: 'LegalHoldPlaced'; data: { userId: string; reason: string } };
/** H2: what was overdue when the hold was released gets a new purgeAfter (null: nothing of that kind was overdue). */
export type LegalHoldReleased = {
  type: 'LegalHoldReleased';
  data: { userId: string; mailboxPurgeAfter: string | null; userPurgeAfter: string | null };
};

export type LicenseAssigned = {
  type: 'LicenseAssigned';
  data: { userId: string; skuId: string; disabledPlans: string[] };
};
export type LicenseUpdated = {
  type: 'LicenseUpdated';
  data: { userId: string; skuId: string; disabledPlans: string[] };
};
export type LicenseRemoved = {
  type: 'LicenseRemoved';
  data: { userId: string; skuId: string; reason: LicenseRemovalReason };
};

export type MailboxProvisioned = { type: 'MailboxProvisioned'; data: { userId: string } };
export type MailboxSoftDeleted = {
  type: 'MailboxSoftDeleted';
  data: { userId: string; purgeAfter: string };
};
export type MailboxRestored = { type: 'MailboxRestored'; data: { userId: string } };
export type MailboxPurged = { type: 'MailboxPurged'; data: { userId: string } };
/** `reason` 'userDeleted' marks the aliases a restore may give back (U5); absent in older histories and on L3 releases. */
export type AliasesReleased = { type: 'AliasesReleased'; data: { userId: string; aliases: string[]; reason?: 'userDeleted' } };
export type ContactsListDeleted = { type: 'ContactsListDeleted'; data: { userId: string } };
export type ContactsListRestored = { type: 'ContactsListRestored'; data: { userId: string } };

export type LedgerEvent =
  | SubscriptionAdded
  | SeatsPurchased
  | SeatsExpired
  | SeatsRenewed
  | UserCreated
  | UserUpdated
  | AliasAdded
  | UserDeleted
  | UserPurged
  | UserRestored
  | LegalHoldPlaced
  | LegalHoldReleased
  | LicenseAssigned
  | LicenseUpdated
  | LicenseRemoved
  | MailboxProvisioned
  | MailboxSoftDeleted
  | MailboxRestored
  | MailboxPurged
  | AliasesReleased
  | ContactsListDeleted
  | ContactsListRestored;

export type LedgerEventType = LedgerEvent['type'];

/** What an event is about: a read model may ignore every event about a subject it does not show. */
export type LedgerEventSubject = 'subscription' | 'user' | 'license' | 'mailbox';

/**
 * Every event type, once, with its subject. `satisfies` makes tsc reject a union member missing here (or
 * a key that is no event), so every list of types derives from it and none can silently skip a new event.
 */
const LEDGER_EVENT_REGISTRY = {
  SubscriptionAdded: 'subscription',
  SeatsPurchased: 'subscription',
  SeatsExpired: 'subscription',
  SeatsRenewed: 'subscription',
  UserCreated: 'user',
  UserUpdated: 'user',
  AliasAdded: 'user',
  UserDeleted: 'user',
  UserPurged: 'user',
  UserRestored: 'user',
  LegalHoldPlaced: 'user',
  LegalHoldReleased: 'user',
  LicenseAssigned: 'license',
  LicenseUpdated: 'license',
  LicenseRemoved: 'license',
  MailboxProvisioned: 'mailbox',
  MailboxSoftDeleted: 'mailbox',
  MailboxRestored: 'mailbox',
  MailboxPurged: 'mailbox',
  AliasesReleased: 'user',
  ContactsListDeleted: 'mailbox',
  ContactsListRestored: 'mailbox',
} as const satisfies Record<LedgerEventType, LedgerEventSubject>;

export const LEDGER_EVENT_TYPES = Object.keys(LEDGER_EVENT_REGISTRY) as readonly LedgerEventType[];

/** The event types about one of `subjects`. */
export type LedgerEventTypeAbout<Subjects extends LedgerEventSubject> = {
  [K in LedgerEventType]: (typeof LEDGER_EVENT_REGISTRY)[K] extends Subjects ? K : never;
}[LedgerEventType];

export function subjectOf(type: LedgerEventType): LedgerEventSubject {
  return LEDGER_EVENT_REGISTRY[type];
}

export function isLedgerEvent(event: { type: string }): event is LedgerEvent {
  return Object.hasOwn(LEDGER_EVENT_REGISTRY, event.type);
}

/** The end of every switch over events: a type left unhandled there is a compile error naming the switch. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`);
}
