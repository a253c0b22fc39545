import { EventStore, NO_STREAM, readStreamOrEmpty } from '@app/event-store';
import { randomUUID } from 'node:crypto';

/**
 * Webhook secrets are kept out of the tenant ledger (whose events the audit trail, replay and
 * exports show), one stream per webhook, shared by every node through the store. No answer or log
 * line holds them; the request body's `secret` field is redacted in logs.
 */
export const secretStream = (webhookId: string) => `webhook-secret-${webhookId}`;

export class WebhookSecrets {
  private readonly cache = new Map<string, string>();

  constructor(private readonly store: EventStore) {}

  /** Before the webhook is registered: a registration that then fails leaves an unread secret, never a webhook without one. */
  async save(webhookId: string, secret: string): Promise<void> {
    await this.store.appendToStream(
      secretStream(webhookId),
      [{ id: randomUUID(), type: 'WebhookSecretSet', data: { secret }, metadata: {} }],
      {
        expectedRevision: NO_STREAM,
      },
    );
  }

  async secretOf(webhookId: string): Promise<string | undefined> {
    const cached = this.cache.get(webhookId);
    if (cached !== undefined) return cached;
    for await (const event of readStreamOrEmpty(this.store, secretStream(webhookId)))
      this.cache.set(webhookId, String(event.data.secret));
    return this.cache.get(webhookId);
  }
}
