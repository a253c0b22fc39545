import { excludeSystemEvents, START, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import type { AllSubscription, RecordedEvent } from '../event-store.port';
import { isSystemEvent, toClientPosition, toRecordedEvent } from './esdb-mapping';

export interface ResubscribeOptions {
  /** First wait before resubscribing after a drop; doubles up to maxDelayMs, reset on confirmation. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Told about each drop (for logs and metrics); the subscription resubscribes regardless. */
  onDrop?: (error: unknown, attempt: number) => void;
}

/**
 * A catch-up subscription to $all (system events filtered out by the server) that survives drops:
 * the client does not resubscribe by itself, so this one does, from the last position it delivered,
 * which keeps every event delivered exactly once and in order. The server's filter checkpoints are
 * not used as resume points: they can run ahead of events still buffered for the consumer.
 */
export class EsdbAllSubscription implements AllSubscription {
  private current?: AllStreamSubscription;
  private stopped = false;
  private iterating = false;
  private wake?: () => void;

  constructor(
    private readonly client: EventStoreDBClient,
    private checkpoint: bigint | 'start',
    private readonly options: ResubscribeOptions = {},
    private readonly onStopped: (subscription: EsdbAllSubscription) => void = () => undefined,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    if (this.iterating) throw new Error('An AllSubscription can be iterated only once');
    this.iterating = true;
    const initialDelay = this.options.initialDelayMs ?? 100;
    let delay = initialDelay;
    let attempt = 0;
    try {
      while (!this.stopped) {
        const subscription = this.client.subscribeToAll({
          fromPosition: this.checkpoint === 'start' ? START : toClientPosition(this.checkpoint),
          filter: excludeSystemEvents(),
        });
        this.current = subscription;
        subscription.once('confirmation', () => ((delay = initialDelay), (attempt = 0)));
        try {
          for await (const resolved of subscription) {
            if (this.stopped) return;
            if (isSystemEvent(resolved)) continue;
            const event = toRecordedEvent(resolved);
            this.checkpoint = event.position;
            yield event;
          }
          if (this.stopped) return;
          this.options.onDrop?.(new Error('The server ended the subscription'), ++attempt);
        } catch (error) {
          if (this.stopped) return;
          this.options.onDrop?.(error, ++attempt);
        } finally {
          await subscription.unsubscribe().catch(() => undefined);
        }
        await this.pause(delay);
        delay = Math.min(delay * 2, this.options.maxDelayMs ?? 5_000);
      }
    } finally {
      this.stopped = true;
      this.onStopped(this);
    }
  }

  async unsubscribe(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.current?.unsubscribe().catch(() => undefined);
    this.onStopped(this);
  }

  /** Backoff between resubscriptions; unsubscribe() cuts it short. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => (clearTimeout(timer), resolve());
    });
  }
}
