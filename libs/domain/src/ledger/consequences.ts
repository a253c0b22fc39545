import { LedgerEvent } from './events';

/** What a command would do to one user's data, for a dry run (API.md, "Previews and bulk"). */
export interface Consequence {
  userId: string;
  mailbox: 'provisioned' | 'softDeleted' | 'restored' | null;
  /** When the soft-deleted mailbox (or the deleted user) would be purged. */
  purgeAfter: string | null;
  aliasesReleased: string[];
  contactsList: 'deleted' | 'restored' | null;
  licensesRemoved: string[];
  /** The SKUs the user would get; for a restore (U5), the licenses given back. */
  licensesAssigned: string[];
  /** U5: the aliases a restore would not give back, because someone else has taken them since. */
  aliasesNotRestored: string[];
}

/**
 * Read off the events decide() returned, so a preview never re-implements a rule: one entry per user
 * they touch, in the order the events first name them.
 */
export function consequencesOf(events: readonly LedgerEvent[]): Consequence[] {
  const byUser = new Map<string, Consequence>();
  for (const event of events) {
    if (!('userId' in event.data)) continue;
    const { userId } = event.data;
    let entry = byUser.get(userId);
    if (!entry) {
      entry = {
        userId,
        mailbox: null,
        purgeAfter: null,
        aliasesReleased: [],
        contactsList: null,
        licensesRemoved: [],
        licensesAssigned: [],
        aliasesNotRestored: [],
      };
      byUser.set(userId, entry);
    }
    switch (event.type) {
      case 'MailboxProvisioned':
        entry.mailbox = 'provisioned';
        break;
      case 'MailboxSoftDeleted':
        entry.mailbox = 'softDeleted';
        entry.purgeAfter = event.data.purgeAfter;
        break;
      case 'MailboxRestored':
        entry.mailbox = 'restored';
        break;
      case 'UserDeleted':
        // The mailbox's own grace period, when it has one, is the one the user sees lost first.
        entry.purgeAfter ??= event.data.purgeAfter;
        break;
      case 'AliasesReleased':
        // Null once erased (E1): a preview is about live users, whose aliases are readable.
        entry.aliasesReleased.push(...(event.data.aliases ?? []));
        break;
      case 'ContactsListDeleted':
        entry.contactsList = 'deleted';
        break;
      case 'ContactsListRestored':
        entry.contactsList = 'restored';
        break;
      case 'LicenseRemoved':
        entry.licensesRemoved.push(event.data.skuId);
        break;
      case 'LicenseAssigned':
        entry.licensesAssigned.push(event.data.skuId);
        break;
      case 'UserRestored':
        entry.aliasesNotRestored.push(...(event.data.aliasesNotRestored ?? []));
        break;
    }
  }
  return [...byUser.values()];
}
