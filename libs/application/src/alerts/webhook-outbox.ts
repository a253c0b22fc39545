import { EventStore, ExpectedRevision, NO_STREAM, readStreamOrEmpty } from '@app/event-store';
import { randomUUID } from 'node:crypto';

/** Each tenant's delivery outcomes live in the store, so every node sees them and one node claims each attempt. */
export const outboxStream = (tenantId: string) => `webhook-outbox-${tenantId}`;

export type DeliveryStatus = 'pending' | 'delivered' | 'failing';

export interface DeliveryState {
  attempts: number;
  status: DeliveryStatus;
  lastError: string | null;
  /** Until then the attempt's node owns it (ISO time); another node may take over after. */
  leaseUntil: string | null;
  /** Not before then is it tried again (ISO time). */
  retryAt: string | null;
}

/** The outbox stream's event types: no ledger events, so read models, audit and replay skip them. */
type OutboxEvent =
  | {
      type: 'DeliveryAttemptStarted';
      data: { alertId: string; webhookId: string; attempt: number; node: string; leaseUntil: string };
    }
  | {
      type: 'DeliveryAttemptFailed';
      data: { alertId: string; webhookId: string; attempt: number; error: string; retryAt: string };
    }
  | { type: 'DeliverySucceeded'; data: { alertId: string; webhookId: string; attempt: number } }
  | { type: 'DeliveryMarkedFailing'; data: { alertId: string; webhookId: string; attempt: number; error: string } };

export interface TenantOutbox {
  /** The revision read: the expected revision of the next claim. */
  revision: ExpectedRevision;
  deliveries: Map<string, DeliveryState>;
}

export const PENDING: DeliveryState = {
  attempts: 0,
  status: 'pending',
  lastError: null,
  leaseUntil: null,
  retryAt: null,
};

export const deliveryKey = (alertId: string, webhookId: string) => `${alertId}/${webhookId}`;

/**
 * The tenants' outbox streams, folded. Appends carry the revision read, so of two nodes claiming the
 * same attempt one wins and the other sees a moved stream. Each tenant's fold is kept and caught up.
 */
export class WebhookOutbox {
  private readonly folds = new Map<string, TenantOutbox>();

  constructor(private readonly store: EventStore) {}

  async read(tenantId: string): Promise<TenantOutbox> {
    const fold = this.folds.get(tenantId) ?? { revision: NO_STREAM, deliveries: new Map<string, DeliveryState>() };
    const fromRevision = typeof fold.revision === 'bigint' ? fold.revision + 1n : 'start';
    for await (const event of readStreamOrEmpty(this.store, outboxStream(tenantId), { fromRevision })) {
      apply(fold.deliveries, event as unknown as OutboxEvent);
      fold.revision = event.revision;
    }
    this.folds.set(tenantId, fold);
    return fold;
  }

  /** Throws WrongExpectedVersionError when another node appended since `expected`. */
  async append(tenantId: string, expected: ExpectedRevision, event: OutboxEvent): Promise<bigint> {
    const result = await this.store.appendToStream(
      outboxStream(tenantId),
      [{ id: randomUUID(), ...event, metadata: { tenantId } }],
      {
        expectedRevision: expected,
      },
    );
    return result.nextExpectedRevision;
  }
}

function apply(deliveries: Map<string, DeliveryState>, { type, data }: OutboxEvent): void {
  const key = deliveryKey(data.alertId, data.webhookId);
  const state = deliveries.get(key) ?? PENDING;
  switch (type) {
    case 'DeliveryAttemptStarted':
      deliveries.set(key, { ...state, attempts: data.attempt, leaseUntil: data.leaseUntil });
      return;
    case 'DeliveryAttemptFailed':
      deliveries.set(key, { ...state, lastError: data.error, leaseUntil: null, retryAt: data.retryAt });
      return;
    case 'DeliverySucceeded':
      deliveries.set(key, { ...state, status: 'delivered', leaseUntil: null, retryAt: null });
      return;
    case 'DeliveryMarkedFailing':
      deliveries.set(key, { ...state, status: 'failing', lastError: data.error, leaseUntil: null, retryAt: null });
      return;
  }
}
