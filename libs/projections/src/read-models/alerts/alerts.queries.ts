import { AlertType, SeatsBelowRule } from '@app/domain';
import { ReadModelDatabase } from '../../database';
import { Page, decodeCursor, pageOf } from '../../paging';

export interface AlertView {
  alertId: string;
  type: AlertType;
  raisedAt: string;
  data: Record<string, unknown>;
}

export interface AlertRulesView {
  seatsBelow: SeatsBelowRule[];
  purgeDueWithinDays: number | null;
}

export interface WebhookView {
  id: string;
  url: string;
  events: AlertType[];
}

/** One delivery the worker owes: an alert for one webhook, in the tenant's order (`seq`). */
export interface OwedDelivery {
  seq: number;
  tenantId: string;
  webhookId: string;
  url: string;
  alertId: string;
  type: AlertType;
  raisedAt: string;
  data: Record<string, unknown>;
}

/** A soft-deleted mailbox whose purge is due soon (N1): the retention saga sends NoticePurgeDueSoon for it. */
export interface DuePurgeNotice {
  tenantId: string;
  userId: string;
  noticeAt: string;
  purgeAfter: string;
  /** The MailboxSoftDeleted event whose purge this is: the notice's causation, in the same correlation. */
  causationId: string;
  correlationId: string;
}

/** Keyset position in the due order (noticeAt, tenantId, userId). */
export interface DueNoticeKey {
  noticeAt: string;
  tenantId: string;
  userId: string;
}

interface DueNoticeRow {
  tenant_id: string;
  user_id: string;
  notice_at: string;
  purge_after: string;
  event_id: string;
  correlation_id: string;
}

interface AlertRow {
  seq: number;
  alert_id: string;
  type: AlertType;
  raised_at: string;
  data: string;
}

interface DeliveryRow extends AlertRow {
  delivery_seq: number;
  tenant_id: string;
  webhook_id: string;
  url: string;
}

const NEWEST = Number.MAX_SAFE_INTEGER;

export class AlertQueries {
  private readonly alerts;
  private readonly rules;
  private readonly webhooks;
  private readonly webhook;
  private readonly deliveries;
  private readonly owed;
  private readonly tenants;
  private readonly counts;
  private readonly dueNotices;

  constructor(db: ReadModelDatabase) {
    this.alerts = db.prepare<[string, number, number], AlertRow>(
      'SELECT seq, alert_id, type, raised_at, data FROM alerts WHERE tenant_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
    );
    this.rules = db.prepare<[string], { seats_below: string; purge_due_within_days: number | null }>(
      'SELECT seats_below, purge_due_within_days FROM alert_rules WHERE tenant_id = ?',
    );
    this.webhooks = db.prepare<[string], { webhook_id: string; url: string; events: string }>(
      'SELECT webhook_id, url, events FROM alert_webhooks WHERE tenant_id = ? ORDER BY registered_at, webhook_id',
    );
    this.webhook = db.prepare<[string, string], { webhook_id: string; url: string; events: string }>(
      'SELECT webhook_id, url, events FROM alert_webhooks WHERE tenant_id = ? AND webhook_id = ?',
    );
    const owedColumns = `d.seq AS delivery_seq, d.tenant_id, d.webhook_id, w.url, a.seq, a.alert_id, a.type, a.raised_at, a.data
       FROM alert_deliveries d JOIN alerts a ON a.alert_id = d.alert_id
       JOIN alert_webhooks w ON w.tenant_id = d.tenant_id AND w.webhook_id = d.webhook_id`;
    this.deliveries = db.prepare<[string, string, number, number], DeliveryRow>(
      `SELECT ${owedColumns} WHERE d.tenant_id = ? AND d.webhook_id = ? AND d.seq < ? ORDER BY d.seq DESC LIMIT ?`,
    );
    this.owed = db.prepare<[string, number, number], DeliveryRow>(
      `SELECT ${owedColumns} WHERE d.tenant_id = ? AND d.seq > ? ORDER BY d.seq LIMIT ?`,
    );
    this.tenants = db.prepare<[], { tenant_id: string }>('SELECT DISTINCT tenant_id FROM alert_deliveries');
    this.counts = db.prepare<[], { type: AlertType; count: number }>(
      'SELECT type, COUNT(*) AS count FROM alerts GROUP BY type',
    );
    // Across tenants, a range of the partial index alert_purges_due: O(due) per pass. One already due for purge is
    // the purge's business (the pass purges first).
    this.dueNotices = db.prepare<
      { now: string; afterNotice: string; afterTenant: string; afterUser: string; limit: number },
      DueNoticeRow
    >(
      `SELECT tenant_id, user_id, notice_at, purge_after, event_id, correlation_id FROM alert_purges
       WHERE notice_at IS NOT NULL AND notice_at <= @now AND purge_after > @now
         AND (notice_at, tenant_id, user_id) > (@afterNotice, @afterTenant, @afterUser)
       ORDER BY notice_at, tenant_id, user_id LIMIT @limit`,
    );
  }

  /** The tenant's alerts, newest first. */
  alertsPage(tenantId: string, limit: number, cursor: string | undefined): Page<AlertView> {
    return pageOf(this.alerts.all(tenantId, before(cursor), limit + 1), limit, (row) => row.seq, toAlertView);
  }

  rulesOf(tenantId: string): AlertRulesView {
    const row = this.rules.get(tenantId);
    if (!row) return { seatsBelow: [], purgeDueWithinDays: null };
    return {
      seatsBelow: JSON.parse(row.seats_below) as SeatsBelowRule[],
      purgeDueWithinDays: row.purge_due_within_days,
    };
  }

  webhooksOf(tenantId: string): WebhookView[] {
    return this.webhooks.all(tenantId).map(toWebhookView);
  }

  webhookOf(tenantId: string, webhookId: string): WebhookView | undefined {
    const row = this.webhook.get(tenantId, webhookId);
    return row && toWebhookView(row);
  }

  /** A webhook's deliveries, newest first (their status lives in the store's outbox stream). */
  deliveriesPage(tenantId: string, webhookId: string, limit: number, cursor: string | undefined): Page<OwedDelivery> {
    return pageOf(
      this.deliveries.all(tenantId, webhookId, before(cursor), limit + 1),
      limit,
      (row) => row.delivery_seq,
      toOwed,
    );
  }

  /** The tenant's deliveries after `afterSeq`, oldest first: the delivery worker's queue. */
  owedAfter(tenantId: string, afterSeq: number, limit: number): OwedDelivery[] {
    return this.owed.all(tenantId, afterSeq, limit).map(toOwed);
  }

  tenantsWithDeliveries(): string[] {
    return this.tenants.all().map((row) => row.tenant_id);
  }

  /** Soft-deleted mailboxes whose purge fell within their tenant's window by `now`, not yet noticed, not held. */
  duePurgeNotices(now: string, after: DueNoticeKey | null, limit: number): DuePurgeNotice[] {
    // '' sorts before every ISO time and id, so the first batch starts at the beginning.
    const rows = this.dueNotices.all({
      now,
      afterNotice: after?.noticeAt ?? '',
      afterTenant: after?.tenantId ?? '',
      afterUser: after?.userId ?? '',
      limit,
    });
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      userId: row.user_id,
      noticeAt: row.notice_at,
      purgeAfter: row.purge_after,
      causationId: row.event_id,
      correlationId: row.correlation_id,
    }));
  }

  /** Alerts raised so far, by type (for /metrics). */
  countByType(): { type: AlertType; count: number }[] {
    return this.counts.all();
  }
}

function before(cursor: string | undefined): number {
  return cursor ? decodeCursor(cursor) : NEWEST;
}

function toAlertView(row: AlertRow): AlertView {
  return {
    alertId: row.alert_id,
    type: row.type,
    raisedAt: row.raised_at,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

function toWebhookView(row: { webhook_id: string; url: string; events: string }): WebhookView {
  return { id: row.webhook_id, url: row.url, events: JSON.parse(row.events) as AlertType[] };
}

function toOwed(row: DeliveryRow): OwedDelivery {
  return {
    seq: row.delivery_seq,
    tenantId: row.tenant_id,
    webhookId: row.webhook_id,
    url: row.url,
    ...toAlertView(row),
  };
}
