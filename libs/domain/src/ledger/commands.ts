import { DomainError, type DomainErrorCode } from '../errors';
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
/** Sent by the retention saga; accepted once per purgeAfter, while it lies within the tenant's purgeDueWithinDays (N1). */
export type NoticePurgeDueSoon = { type: 'NoticePurgeDueSoon'; data: { userId: string } };

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
  | NoticePurgeDueSoon
  | SetAlertRules
  | RegisterWebhook
  | RemoveWebhook
  | RenewSubscription
  | AdvanceSubscriptionLifecycle
  | RestoreUser
  | PlaceLegalHold
  | ReleaseLegalHold;

/**
 * The codes each command's rules may refuse it with: decide() throws a programming error for any other,
 * so the OpenAPI document (which lists them per route) cannot drift from the rules.
 */
export const COMMAND_ERRORS: { readonly [K in LedgerCommand['type']]: readonly DomainErrorCode[] } = {
  AddSubscription: ['ValidationFailed', 'SubscriptionExists', 'UnknownServicePlan'],
  ChangeSeats: ['SubscriptionNotFound', 'NotEnoughSeatsToExpire', 'NotEnoughSeatsToRenew', 'SubscriptionDeleted'],
  RenewSubscription: ['ValidationFailed', 'SubscriptionNotFound', 'SubscriptionDeleted'],
  AdvanceSubscriptionLifecycle: ['SubscriptionNotFound'],
  CreateUser: ['ValidationFailed', 'UserPrincipalNameTaken', 'AliasTaken'],
  UpdateUser: ['UserNotFound', 'UserDeleted', 'ServiceNotAvailableInLocation'],
  AddAlias: ['UserNotFound', 'UserDeleted', 'AliasTaken'],
  DeleteUser: ['UserNotFound', 'UserDeleted'],
  DeleteUsers: ['ValidationFailed', 'UserNotFound', 'UserDeleted'],
  RestoreUser: [
    'UserNotFound',
    'UserNotDeleted',
    'RestoreWindowClosed',
    'SubscriptionNotFound',
    'SubscriptionNotEnabled',
    'UnknownServicePlan',
    'UsageLocationRequired',
    'ServiceNotAvailableInLocation',
    'InsufficientSeats',
  ],
  NoticePurgeDueSoon: [],
  PlaceLegalHold: ['UserNotFound'],
  ReleaseLegalHold: ['UserNotFound', 'NoHold'],
  AssignLicense: [
    'ValidationFailed',
    'UserNotFound',
    'SubscriptionNotFound',
    'LicenseNotAssigned',
    'UnknownServicePlan',
    'UserDeleted',
    'UsageLocationRequired',
    'ServiceNotAvailableInLocation',
    'InsufficientSeats',
    'SubscriptionNotEnabled',
  ],
  BulkAssignLicenses: [
    'ValidationFailed',
    'UserNotFound',
    'SubscriptionNotFound',
    'UserDeleted',
    'UsageLocationRequired',
    'ServiceNotAvailableInLocation',
    'InsufficientSeats',
    'SubscriptionNotEnabled',
    'LicenseNotAssigned',
    'UnknownServicePlan',
  ],
  ReassignLicense: [
    'ValidationFailed',
    'SubscriptionNotFound',
    'UserNotFound',
    'LicenseNotAssigned',
    'UserDeleted',
    'UsageLocationRequired',
    'ServiceNotAvailableInLocation',
    'SubscriptionNotEnabled',
  ],
  PurgeMailbox: [],
  SetAlertRules: ['ValidationFailed', 'SubscriptionNotFound'],
  RegisterWebhook: ['ValidationFailed'],
  RemoveWebhook: ['NotFound'],
};

/** Lets a declared refusal through; an undeclared one is a bug in the declaration above, not an answer. */
export function checkDeclared(type: LedgerCommand['type'], error: unknown): unknown {
  if (error instanceof DomainError && !COMMAND_ERRORS[type].includes(error.code)) {
    return new Error(
      `${type} refused with ${error.code}, which COMMAND_ERRORS does not declare for it: ${error.message}`,
    );
  }
  return error;
}
