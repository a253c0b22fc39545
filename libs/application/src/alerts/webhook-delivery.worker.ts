import { AlertQueries, OwedDelivery } from '@app/projections';
import { WrongExpectedVersionError } from '@app/event-store';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectLedgerConfig, LedgerConfig } from '../config';
import { PENDING, WebhookOutbox, deliveryKey } from './webhook-outbox';
import { WebhookSecrets } from './webhook-secrets';
import { SIGNATURE_HEADER, signatureOf } from './webhook-signature';

/** API.md: no answer within 10 s is a failed attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** A claimed attempt is its node's until then; after, a node that died mid-attempt is taken over. */
const LEASE_MS = DELIVERY_TIMEOUT_MS + 5_000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
const MAX_POLL_MS = 1000;
const BATCH = 50;

export type AttemptOutcome = 'delivered' | 'retry' | 'failing';

/**
 * Sends the alerts read model's deliveries (the outbox), at least once and in order per tenant: a
 * tenant's next delivery waits until the earlier one is delivered or marked failing. Every attempt is
 * claimed by appending to the tenant's outbox stream with the revision read, so with several nodes
 * (one data folder or one each) one node sends each attempt. Backoff runs on real time, not the ledger clock.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WebhookDelivery');
  private readonly node = randomUUID();
  /** Per tenant, the read model's seq up to which every delivery is settled (delivered or failing). */
  private readonly settled = new Map<string, number>();
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The attempts this node made, by outcome (for /metrics). */
  readonly attempts: Record<AttemptOutcome, number> = { delivered: 0, retry: 0, failing: 0 };

  constructor(
    private readonly alerts: AlertQueries,
    private readonly outbox: WebhookOutbox,
    private readonly secrets: WebhookSecrets,
    @InjectLedgerConfig() private readonly config: LedgerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), Math.min(this.config.webhooks.backoffMs, MAX_POLL_MS));
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.running]);
  }

  /** One pass over every tenant with deliveries; a tenant still busy from the last pass is left to it. */
  tick(): void {
    for (const tenantId of this.alerts.tenantsWithDeliveries()) {
      if (this.busy.has(tenantId) || this.stopped) continue;
      this.busy.add(tenantId);
      const run = this.drain(tenantId)
        .catch((error: unknown) =>
          this.logger.error({ err: error, tenantId }, 'Webhook delivery pass failed; the next pass retries'),
        )
        .finally(() => {
          this.busy.delete(tenantId);
          this.running.delete(run);
        });
      this.running.add(run);
    }
  }

  /** Sends the tenant's deliveries in order until one must wait (its retry time, another node's lease, a lost claim). */
  private async drain(tenantId: string): Promise<void> {
    for (;;) {
      const owed = this.alerts.owedAfter(tenantId, this.settled.get(tenantId) ?? 0, BATCH);
      if (owed.length === 0) return;
      for (const delivery of owed) {
        if (this.stopped || !(await this.settle(delivery))) return;
        this.settled.set(tenantId, delivery.seq);
      }
    }
  }

  /** True once the delivery is settled; false when the tenant's queue must wait. */
  private async settle(delivery: OwedDelivery): Promise<boolean> {
    const fold = await this.outbox.read(delivery.tenantId);
    const state = fold.deliveries.get(deliveryKey(delivery.alertId, delivery.webhookId)) ?? PENDING;
    if (state.status !== 'pending') return true;
    const now = Date.now();
    if ((state.leaseUntil && Date.parse(state.leaseUntil) > now) || (state.retryAt && Date.parse(state.retryAt) > now))
      return false;
    const attempt = state.attempts + 1;
    const { alertId, webhookId, tenantId } = delivery;
    let revision: bigint;
    try {
      revision = await this.outbox.append(tenantId, fold.revision, {
        type: 'DeliveryAttemptStarted',
        data: { alertId, webhookId, attempt, node: this.node, leaseUntil: new Date(now + LEASE_MS).toISOString() },
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false; // another node moved the outbox first
      throw error;
    }
    const error = await this.post(delivery);
    const outcome: AttemptOutcome =
      error === null ? 'delivered' : attempt >= this.config.webhooks.maxAttempts ? 'failing' : 'retry';
    this.attempts[outcome]++;
    try {
      if (outcome === 'delivered')
        await this.outbox.append(tenantId, revision, {
          type: 'DeliverySucceeded',
          data: { alertId, webhookId, attempt },
        });
      else if (outcome === 'failing') {
        await this.outbox.append(tenantId, revision, {
          type: 'DeliveryMarkedFailing',
          data: { alertId, webhookId, attempt, error: error! },
        });
      } else {
        const retryAt = new Date(Date.now() + this.backoff(attempt)).toISOString();
        await this.outbox.append(tenantId, revision, {
          type: 'DeliveryAttemptFailed',
          data: { alertId, webhookId, attempt, error: error!, retryAt },
        });
      }
    } catch (failure) {
      // Our lease ran out and another node claimed the next attempt: it owns the outcome now (at least once).
      if (failure instanceof WrongExpectedVersionError) return false;
      throw failure;
    }
    if (outcome === 'retry')
      this.logger.warn({ tenantId, alertId, webhookId, attempt, error }, 'Webhook delivery failed; retrying later');
    return outcome !== 'retry';
  }

  /** null when the receiver answered 2xx, else why not. */
  private async post(delivery: OwedDelivery): Promise<string | null> {
    const secret = await this.secrets.secretOf(delivery.webhookId);
    if (secret === undefined) return 'the webhook has no secret in the store';
    const { alertId, type, tenantId, raisedAt, data } = delivery;
    const body = JSON.stringify({ alertId, type, tenantId, raisedAt, data });
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signatureOf(body, secret) },
        body,
        // A redirect could lead outside LEDGER_WEBHOOK_ALLOW: it counts as a failed attempt.
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      const cause = error as Error & { cause?: { code?: string } };
      return cause.name === 'TimeoutError'
        ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`
        : `${cause.message}${cause.cause?.code ? ` (${cause.cause.code})` : ''}`;
    }
  }

  /** Exponential, with full jitter over its upper half so that retries of many tenants spread out. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.config.webhooks.backoffMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }
}
