import { EventStoreUnavailableError } from '../errors';
import type { EsdbClient, EsdbDriver } from './esdb-driver';

/** A call that got no answer within its deadline; the client it used has been replaced. */
export class EsdbDeadlineError extends EventStoreUnavailableError {
  constructor(product: string, what: string, ms: number) {
    super(`${product} did not answer ${what} within ${ms} ms`);
    this.name = 'EventStoreUnavailableError';
  }
}

const RETIRE_TIMEOUT_MS = 1_000;

/**
 * The client, replaced after a call misses its deadline: both clients cache their ServerFeatures
 * probe (sent without a deadline) and their BatchAppend stream (deadline Infinity), so after one
 * unanswered call every later append on that client would wait forever.
 */
export class EsdbConnection {
  private client: EsdbClient;
  private retiring: Promise<void> = Promise.resolve();

  constructor(
    readonly driver: EsdbDriver,
    private readonly connectionString: string,
  ) {
    this.client = driver.connect(connectionString);
  }

  /** The current client, once the one it replaced has cancelled its calls (their failures must not reach the new one's appends). */
  async get(): Promise<EsdbClient> {
    await this.retiring;
    return this.client;
  }

  /** Runs `work` on the current client; rejects with EsdbDeadlineError after `ms` and replaces the client. */
  async bounded<T>(what: string, ms: number, work: (client: EsdbClient) => Promise<T>): Promise<T> {
    const client = await this.get();
    const running = work(client);
    running.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.renew(client);
        reject(new EsdbDeadlineError(this.driver.product, what, ms));
      }, ms);
    });
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Replaces `failed` (unless that happened already) and cancels its streams. */
  renew(failed: EsdbClient): void {
    if (failed !== this.client) return;
    this.client = this.driver.connect(this.connectionString);
    // BatchAppend keeps its pending appends in one module-wide table, which a cancelled stream clears.
    this.retiring = retire(failed);
  }

  async close(): Promise<void> {
    await this.retiring;
    await this.client.dispose();
  }
}

async function retire(client: EsdbClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, RETIRE_TIMEOUT_MS).unref()));
  await Promise.race([client.dispose().catch(() => undefined), bound]);
  clearTimeout(timer);
}
