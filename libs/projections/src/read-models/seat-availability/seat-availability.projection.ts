import { SubscriptionStatus, nextTransitionAt } from '@app/domain';
import type { Statement } from 'better-sqlite3';
import { IGNORED, ProjectedEvent, defineProjection } from '../../projection';

/**
 * How many seats each subscription has (valid, expired, assigned) and where it is in its lifecycle
 * (SL1). `next_transition_at` is indexed so that the retention saga finds the subscriptions whose
 * next step is due in O(due); the step's cause is the event that set the schedule.
 */
export const seatAvailabilityProjection = defineProjection({
  name: 'seatAvailability',
  // 2: lifecycle status, term end, trial and the next transition (SL1).
  version: 2,
  tables: ['subscriptions'],
  schema: `
    CREATE TABLE IF NOT EXISTS subscriptions (
      tenant_id TEXT NOT NULL,
      sku_id TEXT NOT NULL,
      name TEXT NOT NULL,
      service_plans TEXT NOT NULL,
      valid INTEGER NOT NULL,
      expired INTEGER NOT NULL,
      assigned INTEGER NOT NULL,
      status TEXT NOT NULL,
      term_ends_at TEXT,
      trial INTEGER NOT NULL,
      next_transition_at TEXT,
      schedule_event_id TEXT NOT NULL,
      schedule_correlation_id TEXT NOT NULL,
      PRIMARY KEY (tenant_id, sku_id)
    );
    CREATE INDEX IF NOT EXISTS subscriptions_due ON subscriptions (next_transition_at, tenant_id, sku_id)
      WHERE next_transition_at IS NOT NULL;`,
  prepare: (db) => ({
    insert: db.prepare(
      `INSERT INTO subscriptions (tenant_id, sku_id, name, service_plans, valid, expired, assigned, status, term_ends_at, trial,
         next_transition_at, schedule_event_id, schedule_correlation_id)
       VALUES (@tenant, @skuId, @name, @servicePlans, @seats, 0, 0, 'enabled', @termEndsAt, @trial, @next, @eventId, @correlationId)`,
    ),
    adjust: db.prepare(
      `UPDATE subscriptions SET valid = valid + ?, expired = expired + ?, assigned = assigned + ?
       WHERE tenant_id = ? AND sku_id = ?`,
    ),
    termOf: db.prepare<[string, string], { term_ends_at: string | null }>(
      'SELECT term_ends_at FROM subscriptions WHERE tenant_id = ? AND sku_id = ?',
    ),
    transition: db.prepare(
      `UPDATE subscriptions SET status = @status, term_ends_at = @termEndsAt, next_transition_at = @next,
         schedule_event_id = @eventId, schedule_correlation_id = @correlationId
       WHERE tenant_id = @tenant AND sku_id = @skuId`,
    ),
  }),
  ignores: ['user', 'mailbox', 'alerting'],
  on: {
    SubscriptionAdded: ({ insert }, event) => {
      const { skuId, name, servicePlans, seats, termEndsAt, trial = false } = event.data;
      insert.run({
        ...scheduleOf(event, 'enabled', termEndsAt ?? null),
        name,
        servicePlans: JSON.stringify(servicePlans),
        seats,
        trial: trial ? 1 : 0,
        skuId,
      });
    },
    SubscriptionEnteredWarning: ({ termOf, transition }, event) =>
      transition.run(scheduleOf(event, 'warning', termEnd(termOf, event))),
    SubscriptionSuspended: ({ termOf, transition }, event) =>
      transition.run(scheduleOf(event, 'suspended', termEnd(termOf, event))),
    SubscriptionDeleted: ({ termOf, transition }, event) =>
      transition.run(scheduleOf(event, 'deleted', termEnd(termOf, event))),
    SubscriptionRenewed: ({ transition }, event) => transition.run(scheduleOf(event, 'enabled', event.data.termEndsAt)),
    SeatsPurchased: ({ adjust }, { metadata, data }) => adjust.run(data.count, 0, 0, metadata.tenantId, data.skuId),
    SeatsExpired: ({ adjust }, { metadata, data }) =>
      adjust.run(-data.count, data.count, 0, metadata.tenantId, data.skuId),
    SeatsRenewed: ({ adjust }, { metadata, data }) =>
      adjust.run(data.count, -data.count, 0, metadata.tenantId, data.skuId),
    LicenseAssigned: ({ adjust }, { metadata, data }) => adjust.run(0, 0, 1, metadata.tenantId, data.skuId),
    LicenseRemoved: ({ adjust }, { metadata, data }) => adjust.run(0, 0, -1, metadata.tenantId, data.skuId),
    LicenseUpdated: IGNORED,
  },
});

type LifecycleEvent = ProjectedEvent<
  | 'SubscriptionAdded'
  | 'SubscriptionEnteredWarning'
  | 'SubscriptionSuspended'
  | 'SubscriptionDeleted'
  | 'SubscriptionRenewed'
>;

/** The row's new state and schedule; when the next step falls due is the domain's to say. */
function scheduleOf(event: LifecycleEvent, status: SubscriptionStatus, termEndsAt: string | null) {
  return {
    tenant: event.metadata.tenantId,
    skuId: event.data.skuId,
    status,
    termEndsAt,
    next: nextTransitionAt({ status, termEndsAt }),
    eventId: event.eventId,
    correlationId: event.metadata.correlationId,
  };
}

function termEnd(
  termOf: Statement<[string, string], { term_ends_at: string | null }>,
  event: LifecycleEvent,
): string | null {
  return termOf.get(event.metadata.tenantId, event.data.skuId)?.term_ends_at ?? null;
}
