/**
 * Every rule the ledger refuses is a DomainError carrying the public contract's `error` code and
 * its HTTP status, so one exception filter maps them all (API.md, "Errors").
 */
export type DomainErrorCode =
  | 'ValidationFailed'
  | 'UserNotFound'
  | 'SubscriptionNotFound'
  | 'NotFound'
  | 'SubscriptionExists'
  | 'UnknownServicePlan'
  | 'InsufficientSeats'
  | 'NotEnoughSeatsToExpire'
  | 'NotEnoughSeatsToRenew'
  | 'LicenseNotAssigned'
  | 'UserDeleted'
  | 'UsageLocationRequired'
  | 'ServiceNotAvailableInLocation'
  | 'UserPrincipalNameTaken'
  | 'AliasTaken'
  | 'ConcurrencyConflict'
  | 'IdempotencyKeyReused'
  | 'SubscriptionNotEnabled'
  | 'SubscriptionDeleted'
  | 'UserNotDeleted'
  | 'RestoreWindowClosed'
  | 'NoHold';

const STATUS: Record<DomainErrorCode, number> = {
  ValidationFailed: 400,
  UserNotFound: 404,
  SubscriptionNotFound: 404,
  NotFound: 404,
  SubscriptionExists: 409,
  UnknownServicePlan: 409,
  InsufficientSeats: 409,
  NotEnoughSeatsToExpire: 409,
  NotEnoughSeatsToRenew: 409,
  LicenseNotAssigned: 409,
  UserDeleted: 409,
  UsageLocationRequired: 409,
  ServiceNotAvailableInLocation: 409,
  UserPrincipalNameTaken: 409,
  AliasTaken: 409,
  ConcurrencyConflict: 409,
  UserNotDeleted: 409,
  RestoreWindowClosed: 409,
  NoHold: 409,
  IdempotencyKeyReused: 422,
  SubscriptionNotEnabled: 409,
  SubscriptionDeleted: 409,
};

export function statusOf(code: DomainErrorCode): number {
  return STATUS[code];
}

export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = STATUS[code];
  }
}
