import { ok, type Schemas } from '../api/client';
import { when } from '../ui/format';

export type DryRun = Schemas['DryRunResultDoc'];
type Consequence = Schemas['ConsequenceDoc'];

/** The answer of a command sent with `?dryRun=true`: what the ledger itself decided would happen, nothing appended. */
export async function dryRun(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<DryRun> {
  const answer = (await ok(call)) as Partial<DryRun>;
  if (answer.dryRun !== true || !Array.isArray(answer.consequences))
    throw new Error('The API answered the preview with something else than a dry run.');
  return answer as DryRun;
}

export interface Said {
  /** What the user loses, for "What will be lost". */
  lost: string[];
  /** What comes back or is created. */
  gained: string[];
}

/** One user's consequences, said for people; the dates are the ledger's (its clock), not the browser's. */
export function say(c: Consequence): Said {
  const lost: string[] = [];
  const gained: string[] = [];
  if (c.licensesRemoved.length) lost.push(`Licenses removed: ${c.licensesRemoved.join(', ')}.`);
  if (c.mailbox === 'softDeleted')
    lost.push(`The mailbox enters its grace period and is purged after ${when(c.purgeAfter)} unless it comes back.`);
  else if (c.purgeAfter) lost.push(`The user can be restored until ${when(c.purgeAfter)}; then its data is purged.`);
  if (c.aliasesReleased.length) lost.push(`These aliases are released for good: ${c.aliasesReleased.join(', ')}.`);
  if (c.contactsList === 'deleted')
    lost.push('The Lync contacts list is deleted (restorable during the grace period).');
  if (c.aliasesNotRestored.length)
    lost.push(`Not given back, taken by someone else since: ${c.aliasesNotRestored.join(', ')}.`);
  if (c.licensesAssigned.length) gained.push(`Licenses assigned: ${c.licensesAssigned.join(', ')}.`);
  if (c.mailbox === 'provisioned') gained.push('A mailbox is provisioned.');
  if (c.mailbox === 'restored') gained.push('The mailbox comes back from its grace period.');
  if (c.contactsList === 'restored') gained.push('The Lync contacts list comes back.');
  return { lost, gained };
}
