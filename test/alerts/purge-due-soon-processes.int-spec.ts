import { TokenService } from '@app/application';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { WebhookReceiver, startWebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'purge-due-process-secret-0123456789abcdef';
const TOKEN = TokenService.fromSecret(SECRET, 'default').sign({
  actorId: 'root',
  roles: ['global-admin'],
  ttlSeconds: 3600,
});

/** Each test boots API processes from the sources (ts-node): on a loaded machine that alone can take most of jest's default 30 s. */
const PROCESS_TEST_BUDGET_MS = 240_000;

/** One request to an API process as a global admin; the parsed answer, or a failure naming it and the process output. */
async function json(
  api: ApiProcess,
  method: string,
  path: string,
  body?: object,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}\n${api.output()}`);
  return text === '' ? undefined : JSON.parse(text);
}

/** The stored MailboxPurgeDueSoonNoticed events (user ids, in store order) and the store's head position. */
function stored(dataDir: string): { noticed: string[]; head: string } {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const noticed = db
      .prepare<[], { data: string }>(
        "SELECT data FROM events WHERE type = 'MailboxPurgeDueSoonNoticed' ORDER BY position",
      )
      .all()
      .map((row) => (JSON.parse(row.data) as { userId: string }).userId);
    const { head } = db.prepare<[], { head: number }>('SELECT max(position) AS head FROM events').get()!;
    return { noticed, head: String(head) };
  } finally {
    db.close();
  }
}

/** N1: PurgeDueSoon exactly once per soft-deletion, with real API processes on one data folder and a real receiver. */
describe('PurgeDueSoon across processes and restarts', () => {
  const running: ApiProcess[] = [];
  let receiver: WebhookReceiver;
  const start = async (env: Record<string, string>) => {
    const api = await startApiProcess(env);
    running.push(api);
    return api;
  };
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await Promise.all(running.map((api) => api.kill('SIGTERM')));
    await receiver.close();
  });

  it(
    'N1: two processes pass the saga at once, one is SIGKILLed and restarted: one notice and one alert per mailbox, each alert delivered (at least once)',
    async () => {
      const env = {
        LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-purge-due-process-')),
        LEDGER_CLOCK: 'manual',
        LEDGER_JWT_SECRET: SECRET,
        LEDGER_EVENT_STORE: 'sqlite',
        // Short intervals on both, on top of the passes the advances run: many chances to collide.
        LEDGER_RETENTION_INTERVAL_MS: '50',
        LEDGER_WEBHOOK_ALLOW: '127.0.0.1',
        LEDGER_WEBHOOK_BACKOFF_MS: '20',
      };
      const [a, b] = await Promise.all([start(env), start(env)]);
      await json(a, 'POST', '/v1/subscriptions', {
        skuId: 'O365_BP',
        name: 'Business Premium',
        servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
        seats: 20,
      });
      await json(b, 'PUT', '/v1/alerts/rules', { purgeDueWithinDays: 7 });
      await json(a, 'POST', '/v1/webhooks', { url: receiver.url, events: ['PurgeDueSoon'], secret: SECRET });
      const users: string[] = [];
      for (let i = 0; i < 8; i++) {
        const { userId } = await json(i % 2 ? a : b, 'POST', '/v1/users', {
          userPrincipalName: `user${i}@contoso.com`,
          displayName: `user${i}`,
          usageLocation: 'GB',
        });
        const license = { addLicenses: [{ skuId: 'O365_BP' }], removeLicenses: [] };
        await json(a, 'POST', `/v1/users/${userId}/assignLicense`, license);
        await json(b, 'POST', `/v1/users/${userId}/assignLicense`, { addLicenses: [], removeLicenses: ['O365_BP'] });
        users.push(userId);
      }

      await json(a, 'POST', '/v1/clock/advance', { days: 22, hours: 23, minutes: 59 });
      expect(stored(env.LEDGER_DATA_DIR).noticed).toEqual([]);
      // Both move the shared clock into the window and each answers after a pass of its own there.
      await Promise.all([
        json(a, 'POST', '/v1/clock/advance', { minutes: 1 }),
        json(b, 'POST', '/v1/clock/advance', { minutes: 1 }),
      ]);
      expect([...stored(env.LEDGER_DATA_DIR).noticed].sort()).toEqual([...users].sort());

      await b.kill('SIGKILL');
      const restarted = await start(env);
      await Promise.all([
        json(a, 'POST', '/v1/clock/advance', { days: 1 }),
        json(restarted, 'POST', '/v1/clock/advance', { days: 1 }),
      ]);
      const { noticed, head } = stored(env.LEDGER_DATA_DIR);
      expect([...noticed].sort()).toEqual([...users].sort());

      // Both nodes' alerts read models, once they hold everything stored, list the same eight alerts.
      const alertIds = [];
      for (const api of [a, restarted]) {
        const { items } = await json(api, 'GET', '/v1/alerts', undefined, { 'X-Ledger-Min-Position': head });
        const purgeDue = items.filter((alert: { type: string }) => alert.type === 'PurgeDueSoon');
        expect(purgeDue.map((alert: { data: { userId: string } }) => alert.data.userId).sort()).toEqual(
          [...users].sort(),
        );
        alertIds.push(purgeDue.map((alert: { alertId: string }) => alert.alertId).sort());
      }
      expect(alertIds[1]).toEqual(alertIds[0]);
      // At least once: the SIGKILLed node may have delivered an alert whose delivery it could not record, so
      // another node sends it again (receivers dedupe on alertId); wait until every alert arrived at least once.
      const delivered = () => new Set(receiver.accepted().map((body) => body.alertId));
      for (let count = users.length; delivered().size < users.length; count++) await receiver.acceptedCount(count);
      expect(delivered()).toEqual(new Set(alertIds[0]));
    },
    PROCESS_TEST_BUDGET_MS,
  );
});
