import { DomainError, DomainErrorCode } from '../errors';

/** One broken rule, kept so an all-or-nothing command can name every failing user and SKU at once. */
export interface Failure {
  code: DomainErrorCode;
  message: string;
  userId?: string;
  skuId?: string;
  details?: Record<string, unknown>;
}

/** One failure keeps its own code and details; several are reported together under the first one's code. */
export function toDomainError(failures: readonly Failure[]): DomainError {
  if (failures.length === 1) {
    const [only] = failures;
    return new DomainError(only.code, only.message, {
      ...(only.userId ? { userId: only.userId } : {}),
      ...(only.skuId ? { skuId: only.skuId } : {}),
      ...only.details,
    });
  }
  return new DomainError(
    failures[0].code,
    `${failures.length} rules failed: ${failures.map((failure) => failure.message).join('; ')}`,
    { failures: failures.map((failure) => ({ ...failure, error: failure.code, code: undefined })) },
  );
}

export function throwIfAny(failures: readonly Failure[]): void {
  if (failures.length > 0) throw toDomainError(failures);
}

export function invalid(field: string, message: string): DomainError {
  return new DomainError('ValidationFailed', message, { fields: { [field]: [message] } });
}
