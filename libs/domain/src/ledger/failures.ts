import { DomainError, DomainErrorCode, statusOf } from '../errors';

/** One broken rule, kept so an all-or-nothing command can name every failing user and SKU at once. */
export interface Failure {
  code: DomainErrorCode;
  message: string;
  userId?: string;
  skuId?: string;
  details?: Record<string, unknown>;
}

/**
 * One failure keeps its own code and details. Several are reported under one code, chosen the same
 * way whatever their order (the lowest status: a malformed or unknown id before a broken rule), with
 * the contract's details of that code merged over its failures, and every failure listed.
 */
export function toDomainError(failures: readonly Failure[]): DomainError {
  if (failures.length === 1) return new DomainError(failures[0].code, failures[0].message, detailsOf(failures[0]));
  const primary = failures.reduce((first, failure) => (statusOf(failure.code) < statusOf(first.code) ? failure : first));
  const merged = mergeDetails(failures.filter((failure) => failure.code === primary.code).map(detailsOf));
  return new DomainError(primary.code, `${failures.length} rules failed: ${failures.map((failure) => failure.message).join('; ')}`, {
    ...merged,
    failures: failures.map(({ code, ...failure }) => ({ error: code, ...failure })),
  });
}

function detailsOf(failure: Failure): Record<string, unknown> {
  return {
    ...(failure.userId ? { userId: failure.userId } : {}),
    ...(failure.skuId ? { skuId: failure.skuId } : {}),
    ...failure.details,
  };
}

/** Lists are joined (without repeats); a single value is kept only where every failure agrees on it. */
function mergeDetails(all: readonly Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const key of new Set(all.flatMap((details) => Object.keys(details)))) {
    const values = all.map((details) => details[key]);
    if (values.every(Array.isArray)) {
      const items = (values as unknown[][]).flat();
      merged[key] = items.filter((item, index) => items.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) === index);
    } else if (values.every((value) => JSON.stringify(value) === JSON.stringify(values[0]))) {
      merged[key] = values[0];
    }
  }
  return merged;
}

export function throwIfAny(failures: readonly Failure[]): void {
  if (failures.length > 0) throw toDomainError(failures);
}

export function invalid(field: string, message: string): DomainError {
  return new DomainError('ValidationFailed', message, { fields: { [field]: [message] } });
}
