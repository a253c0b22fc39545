import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors';

/** A call that got no answer within its deadline; the client it used has been replaced. */
export class EsdbDeadlineError extends EventStoreUnavailableError {
  constructor(what: string, ms: number) {
    super(`EventStoreDB did not answer ${what} within ${ms} ms`);
    this.name = 'EventStoreUnavailableError';
  }
}

const RETIRE_TIMEOUT_MS = 1_000;

/**
 * The client, replaced after a call misses its deadline: @eventstore/db-client caches its
 * ServerFeatures probe (sent without a deadline) and its BatchAppend stream (deadline Infinity), so
 * after one unanswered call every later append on that client would wait forever.
 */
export class EsdbConnection {
  private client: EventStoreDBClient;
  private retiring: Promise<void> = Promise.resolve();

  constructor(private readonly connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  /** The current client, once the one it replaced has cancelled its calls (their failures must not reach the new one's appends). */
  async get(): Promise<EventStoreDBClient> {
    await this.retiring;
    return this.client;
  }

  /** Runs `work` on the current client; rejects with EsdbDeadlineError after `ms` and replaces the client. */
  async bounded<T>(what: string, ms: number, work: (client: EventStoreDBClient) => Promise<T>): Promise<T> {
    const client = await this.get();
    const running = work(client);
    running.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.renew(client);
        reject(new EsdbDeadlineError(what, ms));
      }, ms);
    });
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Replaces `failed` (unless that happened already) and cancels its streams. */
  renew(failed: EventStoreDBClient): void {
    if (failed !== this.client) return;
    this.client = EventStoreDBClient.connectionString(this.connectionString);
    // BatchAppend keeps its pending appends in one module-wide table, which a cancelled stream clears.
    this.retiring = retire(failed);
  }

  async close(): Promise<void> {
    await this.retiring;
    await this.client.dispose();
  }
}

async function retire(client: EventStoreDBClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, RETIRE_TIMEOUT_MS).unref()));
  await Promise.race([client.dispose().catch(() => undefined), bound]);
  clearTimeout(timer);
}
