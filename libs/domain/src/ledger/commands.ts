import type { AlertType, SeatsBelowRule } from './events';

/** What admins (and the retention saga) ask of the tenant ledger. Ids and time come from outside. */
export type SeatAction = 'purchase' | 'expire' | 'renew';
export type BulkMode = 'add' | 'replace' | 'remove';

export type AddSubscription = {
  type: 'AddSubscription';
  data: { skuId: string; name: string; servicePlans: string[]; seats: number; termEndsAt?: string; trial?: boolean };
};
/** SL2: a new term end. */
export type RenewSubscription = { type: 'RenewSubscription'; data: { skuId: string; termEndsAt: string } };
/** Sent by the retention saga; moves the subscription through every lifecycle step due by now (SL1, SL3). */
export type AdvanceSubscriptionLifecycle = { type: 'AdvanceSubscriptionLifecycle'; data: { skuId: string } };
export type ChangeSeats = {
  type: 'ChangeSeats';
  data: { skuId: string; action: SeatAction; count: number };
};
export type CreateUser = {
  type: 'CreateUser';
  data: {
    userId: string;
    userPrincipalName: string;
    displayName: string;
    usageLocation?: string;
    aliases?: string[];
  };
};
export type UpdateUser = {
  type: 'UpdateUser';
  data: { userId: string; displayName?: string; usageLocation?: string };
};
export type AddAlias = { type: 'AddAlias'; data: { userId: string; alias: string } };
export type DeleteUser = { type: 'DeleteUser'; data: { userId: string } };
/** U4 for each user, in one commit, all or nothing. */
export type DeleteUsers = { type: 'DeleteUsers'; data: { userIds: string[] } };
export type LicenseToAdd = { skuId: string; disabledPlans?: string[] };
export type AssignLicense = {
  type: 'AssignLicense';
  data: { userId: string; addLicenses: LicenseToAdd[]; removeLicenses: string[] };
};
export type BulkAssignLicenses = {
  type: 'BulkAssignLicenses';
  data: { userIds: string[]; skuIds: string[]; mode: BulkMode };
};
export type ReassignLicense = {
  type: 'ReassignLicense';
  data: { skuId: string; fromUserId: string; toUserId: string };
};
export type RestoreUser = { type: 'RestoreUser'; data: { userId: string; withLicenses: boolean } };
export type PlaceLegalHold = { type: 'PlaceLegalHold'; data: { userId: string; reason: string } };
export type ReleaseLegalHold = { type: 'ReleaseLegalHold'; data: { userId: string } };
/** Sent by the retention saga; accepted only while the data is still soft-deleted and due (L5, U4). */
export type PurgeMailbox = { type: 'PurgeMailbox'; data: { userId: string } };

export type SetAlertRules = {
  type: 'SetAlertRules';
  data: { seatsBelow?: SeatsBelowRule[]; purgeDueWithinDays?: number };
};
export type RegisterWebhook = {
  type: 'RegisterWebhook';
  data: { webhookId: string; url: string; events: AlertType[] };
};
export type RemoveWebhook = { type: 'RemoveWebhook'; data: { webhookId: string } };

export type LedgerCommand =
  | AddSubscription
  | ChangeSeats
  | CreateUser
  | UpdateUser
  | AddAlias
  | DeleteUser
  | DeleteUsers
  | AssignLicense
  | BulkAssignLicenses
  | ReassignLicense
  | PurgeMailbox
  | SetAlertRules
  | RegisterWebhook
  | RemoveWebhook
  | RenewSubscription
  | AdvanceSubscriptionLifecycle
  | RestoreUser
  | PlaceLegalHold
  | ReleaseLegalHold;
