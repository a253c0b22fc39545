import { DomainError, DomainErrorCode } from '../errors';
import { LedgerCommand } from './commands';

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
