import { ledgerStreamId } from '@app/domain';
import { EventData, EventStore } from '@app/event-store';
import { randomUUID } from 'node:crypto';

const T0 = Date.parse('2020-01-01T00:00:00.000Z');
// Small enough to stay under the store's 1 MiB append limit.
const BATCH = 2_000;
const PLANS = ['EXCHANGE', 'OFFICE'];

/** The id of the n-th synthetic user (1-based), stable so that later commands can name them. */
export function userIdOf(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/**
 * Appends a tenant history of `events` events straight to the store (no decider: it only has to be a
 * history evolve accepts): one subscription, `users` users each created, licensed and given a mailbox,
 * then license and profile churn for the rest. Returns the number of users created.
 */
export async function appendHistory(store: EventStore, tenantId: string, events: number, users = Math.min(100_000, Math.floor(events / 10))): Promise<number> {
  const stream = ledgerStreamId(tenantId);
  const created = Math.max(1, Math.min(users, Math.floor((events - 1) / 3)));
  const eventAt = (index: number): EventData => {
    const metadata = { actor: { id: 'bench' }, tenantId, occurredAt: new Date(T0 + index * 1000).toISOString(), correlationId: 'bench', causationId: 'bench' };
    const id = randomUUID();
    if (index === 0) return { id, type: 'SubscriptionAdded', data: { skuId: 'E3', name: 'E3', servicePlans: PLANS, seats: 10_000_000 }, metadata };
    if (index <= created * 3) {
      const n = Math.ceil(index / 3);
      const userId = userIdOf(n);
      switch (index % 3) {
        case 1:
          return { id, type: 'UserCreated', data: { userId, userPrincipalName: `u${n}@bench.test`, displayName: `User ${n}`, usageLocation: 'US', aliases: [] }, metadata };
        case 2:
          return { id, type: 'LicenseAssigned', data: { userId, skuId: 'E3', disabledPlans: [] }, metadata };
        default:
          return { id, type: 'MailboxProvisioned', data: { userId }, metadata };
      }
    }
    const userId = userIdOf(1 + (index % created));
    return index % 2 === 0
      ? { id, type: 'LicenseUpdated', data: { userId, skuId: 'E3', disabledPlans: index % 4 === 0 ? ['OFFICE'] : [] }, metadata }
      : { id, type: 'UserUpdated', data: { userId, displayName: `User ${index}` }, metadata };
  };
  for (let start = 0; start < events; start += BATCH) {
    await store.appendToStream(stream, Array.from({ length: Math.min(BATCH, events - start) }, (_, i) => eventAt(start + i)));
  }
  return created;
}
