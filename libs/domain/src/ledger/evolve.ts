import { LedgerEvent, assertNever } from './events';
import { LedgerEventMetadata } from './metadata';
import { IDEMPOTENCY_KEY_TTL_MS, LedgerState, UserState } from './state';
import { touchedBy } from './undoable-fold';

/** A ledger event with what the store keeps beside it (absent when a test folds bare events). */
export type FoldedEvent = LedgerEvent & { metadata?: LedgerEventMetadata; position?: bigint };

/**
 * Applies one event to the state, in place: the command side keeps one folded state per tenant
 * and catches it up event by event, so copying every map on each event would make a command's
 * cost grow with the tenant's size. decide() never mutates; only evolve() does.
 */
export function evolve(state: LedgerState, event: FoldedEvent): LedgerState {
  if (event.metadata) rememberCommand(state, event.metadata, event.position, [touchedBy(event).userId]);
  switch (event.type) {
    case 'SubscriptionAdded': {
      const { skuId, name, servicePlans, seats, termEndsAt, trial = false } = event.data;
      state.subscriptions.set(skuId, {
        skuId,
        name,
        servicePlans,
        valid: seats,
        expired: 0,
        assigned: 0,
        status: 'enabled',
        termEndsAt: termEndsAt ?? null,
        trial,
      });
      return state;
    }
    case 'SubscriptionEnteredWarning':
      subscription(state, event.data.skuId).status = 'warning';
      return state;
    case 'SubscriptionSuspended':
      subscription(state, event.data.skuId).status = 'suspended';
      return state;
    case 'SubscriptionDeleted':
      subscription(state, event.data.skuId).status = 'deleted';
      return state;
    case 'SubscriptionRenewed': {
      const sub = subscription(state, event.data.skuId);
      sub.status = 'enabled';
      sub.termEndsAt = event.data.termEndsAt;
      return state;
    }
    case 'SeatsPurchased':
      subscription(state, event.data.skuId).valid += event.data.count;
      return state;
    case 'SeatsExpired': {
      const sub = subscription(state, event.data.skuId);
      sub.valid -= event.data.count;
      sub.expired += event.data.count;
      return state;
    }
    case 'SeatsRenewed': {
      const sub = subscription(state, event.data.skuId);
      sub.valid += event.data.count;
      sub.expired -= event.data.count;
      return state;
    }
    case 'UserCreated': {
      const { userId, userPrincipalName, displayName, usageLocation, aliases } = event.data;
      state.users.set(userId, {
        userId,
        userPrincipalName,
        displayName,
        usageLocation,
        status: 'active',
        aliases: [...(aliases ?? [])],
        licenses: new Map(),
        mailbox: null,
        purgeAfter: null,
        hold: null,
        deletion: null,
      });
      // Read back erased (the user was purged since), the names are unknown and free (U1).
      if (userPrincipalName !== null) state.principalNames.set(userPrincipalName.toLowerCase(), userId);
      for (const alias of aliases ?? []) state.aliases.set(alias.toLowerCase(), userId);
      return state;
    }
    case 'UserUpdated': {
      const target = user(state, event.data.userId);
      if (event.data.displayName !== undefined) target.displayName = event.data.displayName;
      if (event.data.usageLocation !== undefined) target.usageLocation = event.data.usageLocation;
      return state;
    }
    case 'AliasAdded': {
      if (event.data.alias === null) return state;
      user(state, event.data.userId).aliases.push(event.data.alias);
      state.aliases.set(event.data.alias.toLowerCase(), event.data.userId);
      return state;
    }
    case 'UserDeleted': {
      const target = user(state, event.data.userId);
      target.status = 'deleted';
      target.purgeAfter = event.data.purgeAfter;
      target.deletion ??= { licenses: [], aliases: [] };
      return state;
    }
    case 'UserRestored': {
      const target = user(state, event.data.userId);
      target.status = 'active';
      target.purgeAfter = null;
      target.deletion = null;
      return state;
    }
    case 'LegalHoldPlaced':
      user(state, event.data.userId).hold = { reason: event.data.reason };
      return state;
    case 'LegalHoldReleased': {
      const target = user(state, event.data.userId);
      target.hold = null;
      if (event.data.userPurgeAfter !== null) target.purgeAfter = event.data.userPurgeAfter;
      // H2's new purgeAfter is a new deadline: PurgeDueSoon may be noticed for it again.
      if (event.data.mailboxPurgeAfter !== null && target.mailbox)
        target.mailbox = { status: target.mailbox.status, purgeAfter: event.data.mailboxPurgeAfter };
      return state;
    }
    case 'UserPurged': {
      const target = user(state, event.data.userId);
      target.status = 'purged';
      target.purgeAfter = null;
      target.deletion = null;
      if (target.userPrincipalName !== null) state.principalNames.delete(target.userPrincipalName.toLowerCase());
      for (const alias of target.aliases) state.aliases.delete(alias.toLowerCase());
      // E1: the personal fields are erased from the state, so no snapshot or cached state keeps them.
      target.userPrincipalName = null;
      target.displayName = null;
      target.aliases = [];
      return state;
    }
    case 'LicenseAssigned':
      user(state, event.data.userId).licenses.set(event.data.skuId, event.data.disabledPlans);
      subscription(state, event.data.skuId).assigned += 1;
      return state;
    case 'LicenseUpdated':
      user(state, event.data.userId).licenses.set(event.data.skuId, event.data.disabledPlans);
      return state;
    case 'LicenseRemoved': {
      const target = user(state, event.data.userId);
      const disabledPlans = target.licenses.get(event.data.skuId) ?? [];
      target.licenses.delete(event.data.skuId);
      subscription(state, event.data.skuId).assigned -= 1;
      // The deletion commit removes licenses before its UserDeleted: remember them for a restore (U5).
      if (event.data.reason === 'userDeleted')
        deletionOf(target).licenses.push({ skuId: event.data.skuId, disabledPlans });
      return state;
    }
    case 'MailboxProvisioned':
      user(state, event.data.userId).mailbox = { status: 'active', purgeAfter: null };
      return state;
    case 'MailboxSoftDeleted':
      user(state, event.data.userId).mailbox = { status: 'softDeleted', purgeAfter: event.data.purgeAfter };
      return state;
    case 'MailboxRestored':
      user(state, event.data.userId).mailbox = { status: 'active', purgeAfter: null };
      return state;
    case 'MailboxPurged':
      user(state, event.data.userId).mailbox = { status: 'purged', purgeAfter: null };
      return state;
    case 'MailboxPurgeDueSoonNoticed': {
      const { mailbox } = user(state, event.data.userId);
      if (mailbox) mailbox.purgeDueNoticed = true;
      return state;
    }
    case 'AliasesReleased': {
      // Read back erased: the user's aliases were never folded in either.
      if (event.data.aliases === null) return state;
      const target = user(state, event.data.userId);
      const released = new Set(event.data.aliases.map((alias) => alias.toLowerCase()));
      target.aliases = target.aliases.filter((alias) => !released.has(alias.toLowerCase()));
      for (const alias of released) state.aliases.delete(alias);
      if (event.data.reason === 'userDeleted') deletionOf(target).aliases.push(...event.data.aliases);
      return state;
    }
    // The contacts list lives and dies with the mailbox in the rules; only the read models show it.
    case 'ContactsListDeleted':
    case 'ContactsListRestored':
      return state;
    // The seat thresholds only matter to the alerts read model; the purge window decides NoticePurgeDueSoon.
    case 'AlertRulesSet':
      state.purgeDueWithinDays = event.data.purgeDueWithinDays;
      return state;
    case 'WebhookRegistered':
      state.webhooks.add(event.data.webhookId);
      return state;
    case 'WebhookRemoved':
      state.webhooks.delete(event.data.webhookId);
      return state;
    default:
      return assertNever(event);
  }
}

/**
 * Keeps the command's Idempotency-Key (the last of its events leaves its position, each adds the user it is about)
 * and forgets keys older than a day.
 */
export function rememberCommand(
  state: LedgerState,
  metadata: LedgerEventMetadata,
  position: bigint | undefined,
  userIds: readonly (string | undefined)[],
): void {
  const record = metadata.idempotency;
  if (!record) return;
  const oldest = Date.parse(metadata.occurredAt) - IDEMPOTENCY_KEY_TTL_MS;
  for (const [key, remembered] of state.idempotency) {
    if (Date.parse(remembered.occurredAt) > oldest) break;
    state.idempotency.delete(key);
  }
  // A key names one command within a day: the entry found is this command's earlier event.
  const users = new Set(state.idempotency.get(record.key)?.userIds);
  for (const userId of userIds) if (userId !== undefined) users.add(userId);
  // Deleted first so that the map stays in time order, oldest first.
  state.idempotency.delete(record.key);
  const { fingerprint, status, body } = record;
  state.idempotency.set(record.key, {
    fingerprint,
    status,
    body,
    occurredAt: metadata.occurredAt,
    position: position ?? null,
    userIds: [...users],
  });
}

function subscription(state: LedgerState, skuId: string) {
  const found = state.subscriptions.get(skuId);
  if (!found) throw new Error(`Corrupt history: subscription ${skuId} unknown`);
  return found;
}

function deletionOf(target: UserState): NonNullable<UserState['deletion']> {
  target.deletion ??= { licenses: [], aliases: [] };
  return target.deletion;
}

function user(state: LedgerState, userId: string): UserState {
  const found = state.users.get(userId);
  if (!found) throw new Error(`Corrupt history: user ${userId} unknown`);
  return found;
}
