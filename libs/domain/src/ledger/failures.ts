import { DomainError, DomainErrorCode, statusOf } from '../errors';
import type { LedgerEvent } from './events';

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
export class RulesFailed extends DomainError {
  constructor(
    readonly failures: readonly Failure[],
    readonly passed: readonly LedgerEvent[],
  ) {
    const { code, message, details } = summarize(failures);
    super(code, message, details);
  }
}

function summarize(failures: readonly Failure[]): {
  code: DomainErrorCode;
  message: string;
  details: Record<string, unknown>;
} {
  if (failures.length === 1)
    return { code: failures[0].code, message: failures[0].message, details: detailsOf(failures[0]) };
  const primary = failures.reduce((first, failure) =>
    statusOf(failure.code) < statusOf(first.code) ? failure : first,
  );
  const merged = mergeDetails(failures.filter((failure) => failure.code === primary.code).map(detailsOf));
  return {
    code: primary.code,
    message: `${failures.length} rules failed: ${failures.map((failure) => failure.message).join('; ')}`,
    details: { ...merged, failures: failures.map(({ code, ...failure }) => ({ error: code, ...failure })) },
  };
}

/** The failures behind any refusal: those kept by RulesFailed, or the one a plain DomainError stands for. */
export function failuresOf(error: DomainError): readonly Failure[] {
  if (error instanceof RulesFailed) return error.failures;
  const details = error.details ?? {};
  return [
    {
      code: error.code,
      message: error.message,
      ...(typeof details.userId === 'string' ? { userId: details.userId } : {}),
      ...(typeof details.skuId === 'string' ? { skuId: details.skuId } : {}),
      details,
    },
  ];
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
      merged[key] = items.filter(
        (item, index) => items.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) === index,
      );
    } else if (values.every((value) => JSON.stringify(value) === JSON.stringify(values[0]))) {
      merged[key] = values[0];
    }
  }
  return merged;
}

/** `passed`: the events decided for the parts that broke no rule, kept for a dry run's report. */
export function throwIfAny(failures: readonly Failure[], passed: readonly LedgerEvent[] = []): void {
  if (failures.length > 0) throw new RulesFailed(failures, passed);
}

export function invalid(field: string, message: string): DomainError {
  return new DomainError('ValidationFailed', message, { fields: { [field]: [message] } });
}
