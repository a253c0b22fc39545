import { TokenService, outboxStream } from '@app/application';
import { ApiProcess, callAs } from '../support/api-process';
import { WebhookReceiver, startWebhookReceiver } from '../support/webhook-receiver';
import { ApiNodes, startApiNodes } from './support/api-nodes';
import { EsdbTarget, esdbTarget, eventually, readStreamEvents, uniqueTenant } from './support/esdb-target';

const SECRET = 'webhooks-two-nodes-secret-0123456789';

/** N1 with two API processes on one EventStoreDB, each with its own data folder: each alert is sent by one node. */
describe('N1 webhooks from two API nodes on one EventStoreDB', () => {
  const tenant = uniqueTenant('webhooks');
  const token = TokenService.fromSecret(SECRET, 'default').sign({
    actorId: 'ops',
    roles: ['global-admin'],
    tenantId: tenant,
    ttlSeconds: 600,
  });
  const call = callAs(token);
  let target: EsdbTarget;
  let receiver: WebhookReceiver;
  let started: ApiNodes | undefined;
  let nodes: ApiProcess[] = [];

  const outbox = () => readStreamEvents(target.connectionString, outboxStream(tenant));

  const ok = async (node: ApiProcess, method: string, path: string, body?: object): Promise<any> => {
    const response = await call(node, method, path, body);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };

  beforeAll(async () => {
    target = await esdbTarget();
    receiver = await startWebhookReceiver({ failFirst: 1 });
    started = await startApiNodes(target, 2, { LEDGER_JWT_SECRET: SECRET, LEDGER_WEBHOOK_BACKOFF_MS: '20' });
    ({ nodes } = started);
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
    await receiver?.close();
    await target?.stop();
  });

  it('N1: three crossings, commands sent to both nodes: each alert accepted once, every POST claimed in the store first', async () => {
    const [a, b] = nodes;
    await ok(a, 'POST', '/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 3 });
    await ok(b, 'POST', '/v1/webhooks', {
      url: receiver.url,
      events: ['SeatsLow', 'SeatsOverAssigned'],
      secret: SECRET,
    });
    await ok(a, 'PUT', '/v1/alerts/rules', { seatsBelow: [{ skuId: 'E3', available: 2 }] });
    const users: string[] = [];
    for (const [index, name] of ['ada', 'bob', 'cy'].entries()) {
      const user = await ok(nodes[index % 2], 'POST', '/v1/users', {
        userPrincipalName: `${name}@contoso.com`,
        displayName: name,
        usageLocation: 'GB',
      });
      users.push(user.userId);
    }
    const assign = (node: ApiProcess, userId: string) =>
      ok(node, 'POST', `/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] });
    await assign(a, users[0]);
    await assign(b, users[1]); // 1 available: SeatsLow
    await ok(a, 'POST', '/v1/subscriptions/E3/seats', { action: 'expire', count: 2 }); // 2 assigned of 1: SeatsOverAssigned
    await ok(b, 'POST', '/v1/subscriptions/E3/seats', { action: 'purchase', count: 3 }); // 2 available: re-armed
    await assign(a, users[2]); // 1 available: SeatsLow again

    await receiver.acceptedCount(3);
    // Every delivery settled in the store: no node has an attempt left to make.
    const settled = await eventually('three DeliverySucceeded in the outbox stream', async () => {
      const events = await outbox();
      return events.filter((event) => event.type === 'DeliverySucceeded').length === 3 ? events : undefined;
    });
    const accepted = receiver.accepted();
    expect(accepted.map((alert) => alert.type)).toEqual(['SeatsLow', 'SeatsOverAssigned', 'SeatsLow']);
    expect(new Set(accepted.map((alert) => alert.alertId)).size).toBe(3);
    expect(receiver.received).toHaveLength(4); // one 503, then each alert once
    expect(settled.filter((event) => event.type === 'DeliveryAttemptStarted')).toHaveLength(receiver.received.length);

    // Both nodes raised the same alerts and show the same outcomes, read from the store.
    const views = await eventually('both nodes showing the three alerts', async () => {
      const answers = await Promise.all(nodes.map((node) => ok(node, 'GET', '/v1/alerts')));
      return answers.every((view) => view.items.length === 3) ? answers : undefined;
    });
    expect(views[1]).toEqual(views[0]);
    expect(views[0].items.map((alert: { alertId: string }) => alert.alertId)).toEqual(
      accepted.map((alert) => alert.alertId).reverse(),
    );
    const hooks = await ok(b, 'GET', '/v1/webhooks');
    const deliveries = await Promise.all(
      nodes.map((node) => ok(node, 'GET', `/v1/webhooks/${hooks.items[0].id}/deliveries`)),
    );
    expect(deliveries[1]).toEqual(deliveries[0]);
    expect(
      deliveries[0].items.map((item: { status: string; attempts: number }) => [item.status, item.attempts]),
    ).toEqual([
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 2],
    ]);
  }, 60_000);
});
