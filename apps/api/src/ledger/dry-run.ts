import { CommandOutcome } from '@app/application';
import { Consequence, DomainError, Failure, consequencesOf } from '@app/domain';

/** A broken rule as a dry run reports it: the error body's fields, without the status. */
export interface RuleFailure {
  error: string;
  message: string;
  details: Record<string, unknown>;
}

/** `?dryRun=true` on a single command: what would happen and be lost; nothing was appended. */
export interface DryRunResult {
  dryRun: true;
  ok: boolean;
  consequences: Consequence[];
  error?: RuleFailure;
}

export function dryRunResult(outcome: CommandOutcome): DryRunResult {
  return {
    dryRun: true,
    ok: !outcome.refused,
    consequences: consequencesOf(outcome.events),
    ...(outcome.refused ? { error: ruleFailureOf(outcome.refused) } : {}),
  };
}

export function ruleFailureOf(error: DomainError): RuleFailure {
  return { error: error.code, message: error.message, details: error.details ?? {} };
}

/** One failure of an all-or-nothing command, in the same shape. */
export function toRuleFailure(failure: Failure): RuleFailure {
  const { code, message, userId, skuId, details } = failure;
  return { error: code, message, details: { ...(userId ? { userId } : {}), ...(skuId ? { skuId } : {}), ...details } };
}
