import { TokenService, outboxStream } from '@app/application';
import { createHmac } from 'node:crypto';
import { ApiNodes, startApiNodes } from '../esdb/support/api-nodes';
import {
  EsdbTarget,
  esdbTarget,
  eventually,
  readStreamEvents,
  readTenantEvents,
  uniqueTenant,
} from '../esdb/support/esdb-target';
import { DAY_MS, MINUTE_MS } from '../retention/support/ledger-script';
import { ApiProcess } from '../support/api-process';
import { RECEIVER_WEBHOOK_ENV, WebhookReceiver, startWebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'purge-due-esdb-secret-0123456789abcdef';
/** Each test walks two API processes (ts-node) through several retention passes: on a loaded machine that takes a while. */
const PROCESS_TEST_BUDGET_MS = 120_000;
const LEAVERS = ['ada', 'cy', 'dee', 'fay', 'gus', 'hal'];

interface Alert {
  alertId: string;
  type: string;
  raisedAt: string;
  data: Record<string, unknown>;
}

/**
 * N1 PurgeDueSoon with two API processes on one EventStoreDB, each with its own data folder (read models,
 * snapshots), sharing the store and the manual clock kept in it: the notice is decided on the ledger in the store,
 * so however many passes both nodes run, one event per soft-deletion is stored, and one alert is delivered.
 */
describe('N1 PurgeDueSoon on EventStoreDB with two API nodes', () => {
  const tenant = uniqueTenant('purge-due');
  const token = TokenService.fromSecret(SECRET, 'default').sign({
    actorId: 'ops',
    roles: ['global-admin'],
    tenantId: tenant,
    ttlSeconds: 600,
  });
  let target: EsdbTarget;
  let receiver: WebhookReceiver;
  let started: ApiNodes | undefined;
  let nodes: ApiProcess[] = [];
  let advances = 0;

  /** One request as the tenant's admin; the answer, or a failure naming it and the node's output. */
  const ok = async (node: ApiProcess, method: string, path: string, body?: object, headers = {}): Promise<Response> => {
    const response = await fetch(`${node.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body && JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} → ${response.status} ${await response.text()}\n${node.output()}`);
    return response;
  };
  const json = async (node: ApiProcess, method: string, path: string, body?: object, headers = {}): Promise<any> =>
    (await ok(node, method, path, body, headers)).json();

  const stored = () => readTenantEvents(target.connectionString, tenant);
  const notices = async () => (await stored()).filter((event) => event.type === 'MailboxPurgeDueSoonNoticed');
  /** Both nodes' PurgeDueSoon alerts once their read models hold everything stored in the tenant's stream. */
  const alertsOnBothNodes = async (): Promise<Alert[][]> => {
    const events = await stored();
    const head = String(events[events.length - 1].position);
    return Promise.all(
      nodes.map(async (node) =>
        ((await json(node, 'GET', '/v1/alerts', undefined, { 'X-Ledger-Min-Position': head })).items as Alert[]).filter(
          (alert) => alert.type === 'PurgeDueSoon',
        ),
      ),
    );
  };
  const outbox = () => readStreamEvents(target.connectionString, outboxStream(tenant));
  /**
   * Both nodes move the shared clock with one Idempotency-Key, so it moves once and each node answers after a pass
   * of its own at the new time: two passes deciding the same notices at once.
   */
  const advanceBoth = async (ms: number) => {
    const key = `purge-due-advance-${++advances}`;
    const answers = await Promise.all(
      nodes.map((node) =>
        json(node, 'POST', '/v1/clock/advance', { minutes: ms / MINUTE_MS }, { 'Idempotency-Key': key }),
      ),
    );
    expect(answers[1]).toEqual(answers[0]);
    return answers[0].now as string;
  };
  /** Milliseconds from the shared clock's now until `instant`. */
  const until = async (instant: string) =>
    Date.parse(instant) - Date.parse((await json(nodes[0], 'GET', '/v1/clock')).now);

  beforeAll(async () => {
    target = await esdbTarget();
    receiver = await startWebhookReceiver({ failFirst: 1 });
    started = await startApiNodes(target, 2, {
      ...RECEIVER_WEBHOOK_ENV,
      LEDGER_JWT_SECRET: SECRET,
      LEDGER_CLOCK: 'manual',
      // Passes of their own on both, on top of those the advances run: many chances to collide.
      LEDGER_RETENTION_INTERVAL_MS: '50',
    });
    ({ nodes } = started);
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
    await receiver?.close();
    await target?.stop();
  });

  let webhookId: string;
  /** Soft-deleted and left so: several, so that both nodes' passes read the same due batch and decide each at once. */
  const leavers: string[] = [];
  /** bob: soft-deleted then restored (L4); eve: soft-deleted and held (H1). All with one purgeAfter. */
  const users = { bob: '', eve: '' };
  let purgeAfter: string;
  let windowOpens: string;

  it(
    'N1 L3 L4 H1: both nodes pass into the window at once: one MailboxPurgeDueSoonNoticed per soft-deleted mailbox stored in EventStoreDB, none for the restored one or the held one',
    async () => {
      const [a, b] = nodes;
      await ok(a, 'POST', '/v1/subscriptions', {
        skuId: 'O365_BP',
        name: 'Business Premium',
        servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
        seats: 10,
      });
      await ok(b, 'PUT', '/v1/alerts/rules', { purgeDueWithinDays: 7 });
      webhookId = (
        await json(a, 'POST', '/v1/webhooks', { url: receiver.url, events: ['PurgeDueSoon'], secret: SECRET })
      ).id;
      const purgeAfters = [];
      for (const [index, name] of [...LEAVERS, 'bob', 'eve'].entries()) {
        const { userId } = await json(nodes[index % 2], 'POST', '/v1/users', {
          userPrincipalName: `${name}@contoso.com`,
          displayName: name,
          usageLocation: 'GB',
        });
        await ok(a, 'POST', `/v1/users/${userId}/assignLicense`, {
          addLicenses: [{ skuId: 'O365_BP' }],
          removeLicenses: [],
        });
        const removed = await json(b, 'POST', `/v1/users/${userId}/assignLicense`, {
          addLicenses: [],
          removeLicenses: ['O365_BP'],
        });
        expect(removed.mailbox.status).toBe('softDeleted');
        purgeAfters.push(removed.mailbox.purgeAfter as string);
        if (name === 'bob' || name === 'eve') users[name] = userId;
        else leavers.push(userId);
      }
      // The clock stands still: one purgeAfter, so the window opens for all at once.
      [purgeAfter] = purgeAfters;
      expect(new Set(purgeAfters)).toEqual(new Set([purgeAfter]));
      windowOpens = new Date(Date.parse(purgeAfter) - 7 * DAY_MS).toISOString();
      const restored = await json(a, 'POST', `/v1/users/${users.bob}/assignLicense`, {
        addLicenses: [{ skuId: 'O365_BP' }],
        removeLicenses: [],
      });
      expect(restored.mailbox.status).toBe('active');
      await ok(b, 'PUT', `/v1/users/${users.eve}/hold`, { reason: 'Litigation 2026-114' });

      await json(a, 'POST', '/v1/clock/advance', { minutes: ((await until(windowOpens)) - MINUTE_MS) / MINUTE_MS });
      expect(await notices()).toEqual([]);
      expect(await advanceBoth(MINUTE_MS)).toBe(windowOpens);

      const noticed = await notices();
      expect(noticed.map((event) => event.data.userId).sort()).toEqual([...leavers].sort());
      for (const notice of noticed) {
        expect(notice.data).toEqual({ userId: notice.data.userId, purgeAfter, withinDays: 7 });
        expect(notice.metadata).toMatchObject({ actor: { id: 'system:retention' }, occurredAt: windowOpens });
      }
    },
    PROCESS_TEST_BUDGET_MS,
  );

  it(
    'N1: many more passes of both nodes store no second notice; both nodes raise the same alert, delivered once, signed, after a 503 (as on SQLite)',
    async () => {
      for (let pass = 0; pass < 3; pass++) await advanceBoth(DAY_MS);
      const noticed = await notices();
      expect(noticed.map((event) => event.data.userId).sort()).toEqual([...leavers].sort());

      const [onA, onB] = await alertsOnBothNodes();
      expect(onB).toEqual(onA);
      // Newest first: the notices' order, reversed.
      expect(onA).toEqual(
        [...noticed].reverse().map((notice) => ({
          alertId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          type: 'PurgeDueSoon',
          raisedAt: windowOpens,
          data: notice.data,
        })),
      );

      await receiver.acceptedCount(leavers.length);
      await eventually('every delivery settled in the outbox stream', async () =>
        (await outbox()).filter((event) => event.type === 'DeliverySucceeded').length === leavers.length
          ? true
          : undefined,
      );
      // In order per tenant: the first alert is retried after the 503 before the next is sent; each accepted once.
      const [first] = receiver.received;
      expect(receiver.received.map((request) => request.status)).toEqual([503, ...leavers.map(() => 204)]);
      for (const request of receiver.received)
        expect(request.headers['x-ledger-signature']).toBe(
          `sha256=${createHmac('sha256', SECRET).update(request.rawBody).digest('hex')}`,
        );
      expect(receiver.accepted()).toEqual(onA.map((alert) => ({ ...alert, tenantId: tenant })).reverse());
      const retried = JSON.parse(first.rawBody).alertId as string;
      expect(retried).toBe(receiver.accepted()[0].alertId);
      for (const node of nodes)
        expect((await json(node, 'GET', `/v1/webhooks/${webhookId}/deliveries`)).items).toEqual(
          onA.map(({ alertId }) => ({
            alertId,
            type: 'PurgeDueSoon',
            ...(alertId === retried
              ? { attempts: 2, status: 'delivered', lastError: 'HTTP 503' }
              : { attempts: 1, status: 'delivered', lastError: null }),
          })),
        );
    },
    PROCESS_TEST_BUDGET_MS,
  );

  it(
    'N1 H2: the hold released on one node, the next passes of both notice the held mailbox once; L5: the purges raise nothing more, the restored mailbox is never noticed',
    async () => {
      const releasedAt = (await json(nodes[0], 'GET', '/v1/clock')).now as string;
      const released = await json(nodes[1], 'DELETE', `/v1/users/${users.eve}/hold`);
      expect(released.mailbox.purgeAfter).toBe(purgeAfter); // not passed under the hold: kept (H2)
      const advancedTo = await advanceBoth(MINUTE_MS);
      const noticed = await notices();
      expect(noticed).toHaveLength(leavers.length + 1);
      const eve = noticed[leavers.length];
      expect(eve.data).toEqual({ userId: users.eve, purgeAfter, withinDays: 7 });
      // A background pass may have noticed it before the advance moved the clock.
      expect([releasedAt, advancedTo]).toContain(eve.metadata.occurredAt);

      await advanceBoth((await until(purgeAfter)) + MINUTE_MS);
      const events = await stored();
      const purged = events.filter((event) => event.type === 'MailboxPurged').map((event) => event.data.userId);
      expect(purged.sort()).toEqual([...leavers, users.eve].sort());
      expect(await notices()).toEqual(noticed);
      const [onA, onB] = await alertsOnBothNodes();
      expect(onB).toEqual(onA);
      expect(onA.map((alert) => [alert.data.userId, alert.raisedAt])).toEqual(
        [...noticed].reverse().map((event) => [event.data.userId, event.metadata.occurredAt]),
      );
      await receiver.acceptedCount(leavers.length + 1);
      expect(receiver.accepted().map((body) => body.data.userId)).toEqual(noticed.map((event) => event.data.userId));
    },
    PROCESS_TEST_BUDGET_MS,
  );
});
