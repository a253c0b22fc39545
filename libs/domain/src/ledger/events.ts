/**
 * The tenant ledger's events. Their `type` names are part of the public contract (API.md, "Events"):
 * they are declared once here and never derived from class names.
 * Who and when (actor, occurredAt, correlation, causation) travel in the stored metadata, not here.
 */
export type LicenseRemovalReason = 'removed' | 'replaced' | 'reassigned' | 'userDeleted' | 'subscriptionDeleted';

/** `termEndsAt` and `trial` (SL1) are left out when there is no term and it is not a trial, as in events stored before them. */
export type SubscriptionAdded = {
  type: 'SubscriptionAdded';
  data: { skuId: string; name: string; servicePlans: string[]; seats: number; termEndsAt?: string; trial?: boolean };
};
export type SeatsPurchased = { type: 'SeatsPurchased'; data: { skuId: string; count: number } };
export type SeatsExpired = { type: 'SeatsExpired'; data: { skuId: string; count: number } };
export type SeatsRenewed = { type: 'SeatsRenewed'; data: { skuId: string; count: number } };
/** SL1: the term ended unrenewed; users keep their licenses, no new assignments. */
export type SubscriptionEnteredWarning = { type: 'SubscriptionEnteredWarning'; data: { skuId: string } };
/** SL1: 30 days in warning; licenses stay assigned, their services are disabled. */
export type SubscriptionSuspended = { type: 'SubscriptionSuspended'; data: { skuId: string } };
/** SL1: 90 days suspended; its licenses were removed in the same commit (reason `subscriptionDeleted`). */
export type SubscriptionDeleted = { type: 'SubscriptionDeleted'; data: { skuId: string } };
/** SL2: a new term end; from warning or suspended, enabled again. */
export type SubscriptionRenewed = { type: 'SubscriptionRenewed'; data: { skuId: string; termEndsAt: string } };

/**
 * A personal field (E1): stored encrypted under the user's key, and read back as null, with the event's
 * `erased: true`, once the purge destroyed that key. decide() always writes the plaintext.
 */
export type Personal<T> = T | null;
/** Set on the data of an event read back after its user's erasure. */
export type Erasable = { erased?: true };

export type UserCreated = {
  type: 'UserCreated';
  data: {
    userId: string;
    userPrincipalName: Personal<string>;
    displayName: Personal<string>;
    usageLocation: string | null;
    aliases: Personal<string[]>;
  } & Erasable;
};
export type UserUpdated = {
  type: 'UserUpdated';
  data: { userId: string; displayName?: Personal<string>; usageLocation?: string } & Erasable;
};
export type AliasAdded = { type: 'AliasAdded'; data: { userId: string; alias: Personal<string> } & Erasable };
/** `purgeAfter`: when the grace period of the deleted user's data ends (U4). */
export type UserDeleted = { type: 'UserDeleted'; data: { userId: string; purgeAfter: string } };
/** The deleted user's grace period ended: everything but SharePoint documents is gone, the UPN is free. */
export type UserPurged = {
  type: 'UserPurged';
  data: { userId: string; userPrincipalName: Personal<string> } & Erasable;
};

/** U5: the deleted user is active again; its licenses, mailbox and aliases follow in the same commit as their own events. */
export type UserRestored = {
  type: 'UserRestored';
  data: { userId: string; withLicenses: boolean; aliasesNotRestored: Personal<string[]> } & Erasable;
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
/** N1: the soft-deleted mailbox's purgeAfter came within the tenant's purgeDueWithinDays; once per purgeAfter (the alert PurgeDueSoon). */
export type MailboxPurgeDueSoonNoticed = {
  type: 'MailboxPurgeDueSoonNoticed';
  data: { userId: string; purgeAfter: string; withinDays: number };
};
/** `reason` 'userDeleted' marks the aliases a restore may give back (U5); absent in older histories and on L3 releases. */
export type AliasesReleased = {
  type: 'AliasesReleased';
  data: { userId: string; aliases: Personal<string[]>; reason?: 'userDeleted' } & Erasable;
};
export type ContactsListDeleted = { type: 'ContactsListDeleted'; data: { userId: string } };
export type ContactsListRestored = { type: 'ContactsListRestored'; data: { userId: string } };

/** What a tenant is told about (N1); the alerts read model raises them. */
export const ALERT_TYPES = ['SeatsLow', 'SeatsOverAssigned', 'PurgeDueSoon', 'SubscriptionStateChanged'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];
export interface SeatsBelowRule {
  skuId: string;
  available: number;
}
/** The tenant's alert rules, replacing the previous ones whole (N1). */
export type AlertRulesSet = {
  type: 'AlertRulesSet';
  data: { seatsBelow: SeatsBelowRule[]; purgeDueWithinDays: number | null };
};
/** The webhook's secret is kept out of the ledger (stream `webhook-secret-<webhookId>`), so no audit view or replay shows it. */
export type WebhookRegistered = {
  type: 'WebhookRegistered';
  data: { webhookId: string; url: string; events: AlertType[] };
};
export type WebhookRemoved = { type: 'WebhookRemoved'; data: { webhookId: string } };

export type LedgerEvent =
  | SubscriptionAdded
  | SeatsPurchased
  | SeatsExpired
  | SeatsRenewed
  | SubscriptionEnteredWarning
  | SubscriptionSuspended
  | SubscriptionDeleted
  | SubscriptionRenewed
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
  | MailboxPurgeDueSoonNoticed
  | AliasesReleased
  | ContactsListDeleted
  | ContactsListRestored
  | AlertRulesSet
  | WebhookRegistered
  | WebhookRemoved;

export type LedgerEventType = LedgerEvent['type'];

/** What an event is about: a read model may ignore every event about a subject it does not show. */
export type LedgerEventSubject = 'subscription' | 'user' | 'license' | 'mailbox' | 'alerting';

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
  MailboxPurgeDueSoonNoticed: 'mailbox',
  AliasesReleased: 'user',
  ContactsListDeleted: 'mailbox',
  ContactsListRestored: 'mailbox',
  AlertRulesSet: 'alerting',
  WebhookRegistered: 'alerting',
  WebhookRemoved: 'alerting',
  SubscriptionEnteredWarning: 'subscription',
  SubscriptionSuspended: 'subscription',
  SubscriptionDeleted: 'subscription',
  SubscriptionRenewed: 'subscription',
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
  MailboxPurgeDueSoonNoticed: [],
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
