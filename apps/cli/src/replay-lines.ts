import {
  LedgerEvent,
  LedgerEventMetadata,
  LedgerState,
  assertNever,
  availableSeats,
  evolve,
  initialState,
} from '@app/domain';
import { readLedger, type StoredLedgerEvent } from '@app/application';
import { EventStore } from '@app/event-store';
import { AuditEntry } from '@app/projections';

export interface ReplayFilter {
  /** A userId, or a user principal name (any case). */
  user?: string;
  sku?: string;
  /** Actor id. */
  actor?: string;
  types?: readonly string[];
  /** Inclusive bounds on occurredAt. */
  from?: Date;
  to?: Date;
}

/** One change as a person reads it, with the events it stands for as the API's audit entries. */
export interface ReplayLine {
  text: string;
  events: AuditEntry[];
  /** The events of the line that the filter asked for (all of them without a filter). */
  matched: AuditEntry[];
  /** Seats left of the SKU the change is about, once its whole commit is applied. */
  seatsLeft?: number;
}

type Stored = StoredLedgerEvent;

/**
 * Replays a tenant's history, folding the state as it reads so each line can name users by their
 * principal name and give the seats left. Events appended together (one command: same causation,
 * correlation, actor and instant) are read as one commit and described after it, so a reassign
 * reads as one move and never shows the seat free in between (L8).
 */
export async function* replayLines(
  store: EventStore,
  tenantId: string,
  filter: ReplayFilter = {},
): AsyncGenerator<ReplayLine> {
  const state = initialState();
  let commit: Stored[] = [];
  const flush = function* (): Generator<ReplayLine> {
    for (const stored of commit) evolve(state, stored.event);
    const lines = describeCommit(commit, state);
    commit = [];
    for (const line of lines) {
      const matched = line.events.filter((event) => matches(event, filter, state));
      if (matched.length > 0) yield { ...line, matched };
    }
  };
  for await (const stored of readLedger(store, tenantId)) {
    if (commit.length > 0 && !sameCommit(commit[0].metadata, stored.metadata)) yield* flush();
    commit.push(stored);
  }
  if (commit.length > 0) yield* flush();
}

function sameCommit(a: LedgerEventMetadata, b: LedgerEventMetadata): boolean {
  return (
    a.causationId === b.causationId &&
    a.correlationId === b.correlationId &&
    a.occurredAt === b.occurredAt &&
    a.actor.id === b.actor.id
  );
}

type Described = Omit<ReplayLine, 'matched'>;

function describeCommit(commit: readonly Stored[], state: LedgerState): Described[] {
  const lines: Described[] = [];
  const merged = new Set<Stored>();
  for (const stored of commit) {
    if (merged.has(stored)) continue;
    const { event } = stored;
    if (event.type === 'LicenseRemoved' && event.data.reason === 'reassigned') {
      const to = commit.find(
        (other) =>
          !merged.has(other) && other.event.type === 'LicenseAssigned' && other.event.data.skuId === event.data.skuId,
      );
      if (to && to.event.type === 'LicenseAssigned') {
        merged.add(to);
        lines.push({
          text: `${prefix(stored)} reassigned ${event.data.skuId} from ${upn(state, event.data.userId)} to ${upn(state, to.event.data.userId)}${seats(state, event.data.skuId)}`,
          events: [entry(stored), entry(to)],
          seatsLeft: seatsLeft(state, event.data.skuId),
        });
        continue;
      }
    }
    const skuId = 'skuId' in event.data ? event.data.skuId : undefined;
    lines.push({
      text: `${prefix(stored)}${describe(event, state)}`,
      events: [entry(stored)],
      ...(skuId !== undefined ? { seatsLeft: seatsLeft(state, skuId) } : {}),
    });
  }
  return lines;
}

function describe(event: LedgerEvent, state: LedgerState): string {
  switch (event.type) {
    case 'SubscriptionAdded': {
      const { skuId, name, servicePlans, seats: count, termEndsAt, trial } = event.data;
      const term = termEndsAt ? `, ${trial ? 'trial ' : ''}term ending ${time(termEndsAt)}` : trial ? ', trial' : '';
      return ` added subscription ${skuId} "${name}" (${servicePlans.join(', ')}) with ${plural(count, 'seat')}${term}${seats(state, skuId)}`;
    }
    case 'SubscriptionEnteredWarning':
      return `: subscription ${event.data.skuId} entered warning (term ended; no new assignments)`;
    case 'SubscriptionSuspended':
      return `: subscription ${event.data.skuId} suspended (services disabled)`;
    case 'SubscriptionDeleted':
      return `: subscription ${event.data.skuId} deleted`;
    case 'SubscriptionRenewed':
      return ` renewed subscription ${event.data.skuId} until ${time(event.data.termEndsAt)}`;
    case 'SeatsPurchased':
      return ` purchased ${plural(event.data.count, 'seat')} of ${event.data.skuId}${seats(state, event.data.skuId)}`;
    case 'SeatsExpired':
      return ` expired ${plural(event.data.count, 'seat')} of ${event.data.skuId}${seats(state, event.data.skuId)}`;
    case 'SeatsRenewed':
      return ` renewed ${plural(event.data.count, 'seat')} of ${event.data.skuId}${seats(state, event.data.skuId)}`;
    case 'UserCreated': {
      const { userPrincipalName, displayName, usageLocation } = event.data;
      return ` created user ${personal(userPrincipalName)} ${displayName === null ? ERASED : `"${displayName}"`} ${usageLocation ? `in ${usageLocation}` : 'without a usage location'}`;
    }
    case 'UserUpdated': {
      const changes = [
        ...(event.data.displayName !== undefined
          ? [`display name ${event.data.displayName === null ? ERASED : `"${event.data.displayName}"`}`]
          : []),
        ...(event.data.usageLocation !== undefined ? [`usage location ${event.data.usageLocation}`] : []),
      ];
      return ` updated ${upn(state, event.data.userId)}: ${changes.join(', ') || 'nothing'}`;
    }
    case 'AliasAdded':
      return ` added alias ${personal(event.data.alias)} to ${upn(state, event.data.userId)}`;
    case 'UserDeleted':
      return ` deleted user ${upn(state, event.data.userId)} (data kept until ${time(event.data.purgeAfter)})`;
    case 'UserPurged':
      return ` purged deleted user ${event.data.userPrincipalName ?? `${event.data.userId} ${ERASED}`}`;
    case 'UserRestored': {
      const { userId, withLicenses, aliasesNotRestored } = event.data;
      const lost =
        aliasesNotRestored === null
          ? `; aliases taken meanwhile: ${ERASED}`
          : aliasesNotRestored.length > 0
            ? `; aliases taken meanwhile: ${aliasesNotRestored.join(', ')}`
            : '';
      return ` restored deleted user ${upn(state, userId)} ${withLicenses ? 'with' : 'without'} its licenses${lost}`;
    }
    case 'LegalHoldPlaced':
      return ` placed a legal hold on ${upn(state, event.data.userId)}: "${event.data.reason}"`;
    case 'LegalHoldReleased': {
      const { userId, mailboxPurgeAfter, userPurgeAfter } = event.data;
      const again = [
        ...(mailboxPurgeAfter !== null ? [`mailbox purged after ${time(mailboxPurgeAfter)}`] : []),
        ...(userPurgeAfter !== null ? [`user purged after ${time(userPurgeAfter)}`] : []),
      ];
      return ` released the legal hold on ${upn(state, userId)}${again.length > 0 ? ` (${again.join(', ')})` : ''}`;
    }
    case 'LicenseAssigned': {
      const { userId, skuId, disabledPlans } = event.data;
      const without = disabledPlans.length > 0 ? ` without ${disabledPlans.join(', ')}` : '';
      return ` assigned ${skuId}${without} to ${upn(state, userId)}${seats(state, skuId)}`;
    }
    case 'LicenseUpdated': {
      const { userId, skuId, disabledPlans } = event.data;
      const plans = disabledPlans.length > 0 ? `disabled ${disabledPlans.join(', ')}` : 'every plan enabled';
      return ` changed ${skuId} of ${upn(state, userId)}: ${plans}`;
    }
    case 'LicenseRemoved': {
      const { userId, skuId, reason } = event.data;
      const why = {
        removed: '',
        replaced: ' (bulk replace)',
        reassigned: ' (reassigned)',
        userDeleted: ' (user deleted)',
        subscriptionDeleted: ' (subscription deleted)',
      }[reason];
      return ` removed ${skuId} from ${upn(state, userId)}${why}${seats(state, skuId)}`;
    }
    case 'MailboxProvisioned':
      return `: mailbox of ${upn(state, event.data.userId)} provisioned`;
    case 'MailboxSoftDeleted':
      return `: mailbox of ${upn(state, event.data.userId)} soft-deleted, purged after ${time(event.data.purgeAfter)}`;
    case 'MailboxRestored':
      return `: mailbox of ${upn(state, event.data.userId)} restored`;
    case 'MailboxPurged':
      return `: mailbox of ${upn(state, event.data.userId)} purged`;
    case 'MailboxPurgeDueSoonNoticed': {
      const { userId, purgeAfter, withinDays } = event.data;
      return `: mailbox of ${upn(state, userId)} purged after ${time(purgeAfter)}, within ${withinDays} days: PurgeDueSoon`;
    }
    case 'AliasesReleased':
      return `: aliases of ${upn(state, event.data.userId)} released (${event.data.aliases?.join(', ') ?? ERASED})`;
    case 'ContactsListDeleted':
      return `: contacts list of ${upn(state, event.data.userId)} deleted`;
    case 'ContactsListRestored':
      return `: contacts list of ${upn(state, event.data.userId)} restored`;
    case 'AlertRulesSet':
      return `: alert rules set (${event.data.seatsBelow.map((rule) => `${rule.skuId} below ${rule.available}`).join(', ') || 'no seat thresholds'}${event.data.purgeDueWithinDays === null ? '' : `, purges due within ${event.data.purgeDueWithinDays} days`})`;
    case 'WebhookRegistered':
      return `: webhook ${event.data.webhookId} registered for ${event.data.events.join(', ')}`;
    case 'WebhookRemoved':
      return `: webhook ${event.data.webhookId} removed`;
    default:
      return assertNever(event);
  }
}

function matches(event: AuditEntry, filter: ReplayFilter, state: LedgerState): boolean {
  const at = Date.parse(event.occurredAt);
  return (
    (filter.from === undefined || at >= filter.from.getTime()) &&
    (filter.to === undefined || at <= filter.to.getTime()) &&
    (filter.user === undefined || isUser(event.userId, filter.user, state)) &&
    (filter.sku === undefined || event.skuId === filter.sku) &&
    (filter.actor === undefined || event.actor.id === filter.actor) &&
    (filter.types === undefined || filter.types.length === 0 || filter.types.includes(event.type))
  );
}

function isUser(userId: string | undefined, wanted: string, state: LedgerState): boolean {
  if (userId === undefined) return false;
  return userId === wanted || state.users.get(userId)?.userPrincipalName?.toLowerCase() === wanted.toLowerCase();
}

function entry({ event, metadata, recorded }: Stored): AuditEntry {
  const data = event.data as Record<string, unknown>;
  return {
    position: Number(recorded.position),
    eventId: recorded.id,
    type: event.type,
    occurredAt: metadata.occurredAt,
    actor: { id: metadata.actor.id, name: metadata.actor.name ?? null },
    ...(typeof data.userId === 'string' ? { userId: data.userId } : {}),
    ...(typeof data.skuId === 'string' ? { skuId: data.skuId } : {}),
    data,
    correlationId: metadata.correlationId,
  };
}

function prefix({ metadata }: Stored): string {
  return `${time(metadata.occurredAt)} ${metadata.actor.id}`;
}

/** ISO 8601 without the milliseconds when they are zero: 2026-11-30T10:00:00Z. */
export function time(iso: string): string {
  return iso.replace(/\.000Z$/, 'Z');
}

/** What replay prints for a personal field read back after the user's purge (E2). */
const ERASED = '[erased]';

function personal(value: string | null): string {
  return value ?? ERASED;
}

function upn(state: LedgerState, userId: string): string {
  const user = state.users.get(userId);
  if (!user) return userId;
  return user.userPrincipalName ?? `${userId} ${ERASED}`;
}

function seatsLeft(state: LedgerState, skuId: string): number | undefined {
  const subscription = state.subscriptions.get(skuId);
  return subscription ? availableSeats(subscription) : undefined;
}

function seats(state: LedgerState, skuId: string): string {
  const subscription = state.subscriptions.get(skuId);
  if (!subscription) return '';
  const over = subscription.assigned - subscription.valid;
  return ` (seats left: ${availableSeats(subscription)}${over > 0 ? `, over-assigned by ${over}` : ''})`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
