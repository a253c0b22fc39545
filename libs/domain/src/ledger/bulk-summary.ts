import { BulkAssignLicenses } from './commands';
import { LedgerEvent } from './events';

export interface BulkSummary {
  users: { userId: string; added: string[]; removed: string[]; mailboxEntersGracePeriod: boolean }[];
  seats: { skuId: string; needed: number; available: number }[];
}

/** What a bulk call does to each listed user and each listed SKU, read off the events it decided. */
export function summarizeBulk(
  command: BulkAssignLicenses,
  events: readonly LedgerEvent[],
  availableBefore: ReadonlyMap<string, number>,
): BulkSummary {
  const users = command.data.userIds.map((userId) => ({
    userId,
    added: [] as string[],
    removed: [] as string[],
    mailboxEntersGracePeriod: false,
  }));
  const byId = new Map(users.map((user) => [user.userId, user]));
  for (const event of events) {
    const user = 'userId' in event.data ? byId.get(event.data.userId) : undefined;
    if (!user) continue;
    if (event.type === 'LicenseAssigned') user.added.push(event.data.skuId);
    if (event.type === 'LicenseRemoved') user.removed.push(event.data.skuId);
    if (event.type === 'MailboxSoftDeleted') user.mailboxEntersGracePeriod = true;
  }
  const seats = command.data.skuIds.map((skuId) => ({
    skuId,
    needed: events.filter((event) => event.type === 'LicenseAssigned' && event.data.skuId === skuId).length,
    available: availableBefore.get(skuId) ?? 0,
  }));
  return { users, seats };
}
