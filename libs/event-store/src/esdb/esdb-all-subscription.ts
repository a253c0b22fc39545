import type { AllSubscription, RecordedEvent } from '../event-store.port';
import type { EsdbConnection } from './esdb-connection';
import type { ClientSubscription } from './esdb-driver';
import { isSystemEvent, toPortError, toRecordedEvent } from './esdb-mapping';

export interface ResubscribeOptions {
  /** First wait before resubscribing after a drop; doubles up to maxDelayMs, reset on confirmation. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Told when the subscription drops for a new reason (the port's error, e.g. access denied), not on
   * every retry of the same failure, so a lasting fault is logged once; it resubscribes regardless.
   */
  onDrop?: (error: unknown, attempt: number) => void;
}

/**
 * A catch-up subscription to $all (system events filtered out by the server) that survives drops:
 * the client does not resubscribe by itself, so this one does, from the last position it delivered,
 * which keeps every event delivered exactly once and in order. The server's filter checkpoints are
 * not used as resume points: they can run ahead of events still buffered for the consumer.
 */
export class EsdbAllSubscription implements AllSubscription {
  private current?: ClientSubscription;
  private stopped = false;
  private iterating = false;
  private wake?: () => void;

  constructor(
    private readonly connection: EsdbConnection,
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
    let lastReason: string | undefined;
    const dropped = (error: unknown) => {
      const mapped = toPortError(this.connection.driver, error);
      const reason = mapped instanceof Error ? `${mapped.name}: ${mapped.message}` : String(mapped);
      attempt++;
      if (reason !== lastReason) this.options.onDrop?.(mapped, attempt);
      lastReason = reason;
    };
    try {
      while (!this.stopped) {
        const client = await this.connection.get();
        if (this.stopped) return;
        const subscription = client.subscribeToAll(this.checkpoint);
        this.current = subscription;
        subscription.once('confirmation', () => ((delay = initialDelay), (attempt = 0), (lastReason = undefined)));
        try {
          for await (const resolved of subscription) {
            if (this.stopped) return;
            if (isSystemEvent(resolved)) continue;
            const event = toRecordedEvent(resolved);
            this.checkpoint = event.position;
            yield event;
          }
          if (this.stopped) return;
          dropped(new Error('The server ended the subscription'));
        } catch (error) {
          if (this.stopped) return;
          dropped(error);
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
