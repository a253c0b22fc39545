import { once } from 'node:events';
import { IncomingHttpHeaders, createServer } from 'node:http';

export interface ReceivedRequest {
  rawBody: string;
  headers: IncomingHttpHeaders;
  /** The status the receiver answered with. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order. */
  received: ReceivedRequest[];
  /** The bodies it accepted (2xx), parsed, in order. */
  accepted(): { alertId: string; type: string; tenantId: string; raisedAt: string; data: Record<string, unknown> }[];
  /** Resolves once `count` requests were accepted. */
  acceptedCount(count: number): Promise<void>;
  close(): Promise<void>;
}

/** The API's webhook settings beside such a receiver: its address allowed, retries 20 ms apart, at most 4 attempts. */
export const RECEIVER_WEBHOOK_ENV = {
  LEDGER_WEBHOOK_BACKOFF_MS: '20',
  LEDGER_WEBHOOK_MAX_ATTEMPTS: '4',
  LEDGER_WEBHOOK_ALLOW: '127.0.0.1',
};

/** A real HTTP receiver on 127.0.0.1 that answers `failFirst` requests with 503, then 204. */
export async function startWebhookReceiver({
  failFirst = 0,
  path = '/hook',
}: { failFirst?: number; path?: string } = {}): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const acceptedRequests = () => received.filter((request) => request.status < 300);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = received.length < failFirst ? 503 : 204;
      received.push({ rawBody: Buffer.concat(chunks).toString('utf8'), headers: req.headers, status });
      res.writeHead(status).end();
      const count = acceptedRequests().length;
      for (const waiter of waiters.filter((w) => w.count <= count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    accepted: () => acceptedRequests().map((request) => JSON.parse(request.rawBody)),
    acceptedCount: (count) =>
      acceptedRequests().length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
