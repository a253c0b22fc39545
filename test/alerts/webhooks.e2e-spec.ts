import { createHmac } from 'node:crypto';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';
import { RECEIVER_WEBHOOK_ENV, WebhookReceiver, startWebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'receiver-secret-0123456789';

describe('N1 alerts delivered by webhook (a real receiver on 127.0.0.1)', () => {
  let ledger: LedgerApp;
  let receiver: WebhookReceiver;
  const admin = () => ledger.as('global-admin');

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ failFirst: 2 });
    ledger = await startLedgerApp(RECEIVER_WEBHOOK_ENV);
  });
  afterAll(async () => {
    await ledger.close();
    await receiver.close();
  });

  const createUser = async (name: string): Promise<string> => {
    const response = await admin()
      .post('/v1/users', { userPrincipalName: `${name}@contoso.com`, displayName: name, usageLocation: 'GB' })
      .expect(201);
    return response.body.userId;
  };
  const assign = (userId: string, skuId = 'E3') =>
    admin()
      .post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId }], removeLicenses: [] })
      .expect(200);

  it('N1: raises SeatsLow and SeatsOverAssigned once per crossing and delivers them signed, retried, in order', async () => {
    await admin()
      .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 4 })
      .expect(201);
    const rules = await admin().put('/v1/alerts/rules', { seatsBelow: [{ skuId: 'E3', available: 2 }] });
    expect(rules.status).toBe(200);
    expect(rules.body).toEqual({ seatsBelow: [{ skuId: 'E3', available: 2 }], purgeDueWithinDays: null });
    const hook = await admin()
      .post('/v1/webhooks', { url: receiver.url, events: ['SeatsLow', 'SeatsOverAssigned'], secret: SECRET })
      .expect(201);
    expect(hook.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: receiver.url,
      events: ['SeatsLow', 'SeatsOverAssigned'],
    });

    const users = [];
    for (const name of ['ada', 'bob', 'cy', 'dee']) users.push(await createUser(name));
    await assign(users[0]); // 3 available
    await assign(users[1]); // 2 available: not below 2
    await assign(users[2]); // 1 available: SeatsLow
    await assign(users[3]); // 0 available: still low, no second alert
    await admin().post('/v1/subscriptions/E3/seats', { action: 'expire', count: 1 }).expect(200); // 4 assigned of 3: SeatsOverAssigned
    await admin().post('/v1/subscriptions/E3/seats', { action: 'expire', count: 1 }).expect(200); // still over: no second alert

    await receiver.acceptedCount(2);
    const alerts = await admin().get('/v1/alerts').expect(200);
    expect(alerts.body.items.map((alert: { type: string }) => alert.type)).toEqual(['SeatsOverAssigned', 'SeatsLow']);
    expect(alerts.body.items[1].data).toEqual({ skuId: 'E3', available: 1, threshold: 2 });
    expect(alerts.body.items[0].data).toEqual({ skuId: 'E3', assigned: 4, valid: 3 });

    // Every request is signed over its raw body; the first two got 503 and the same alert came again.
    for (const request of receiver.received) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(request.rawBody).digest('hex')}`;
      expect(request.headers['x-ledger-signature']).toBe(expected);
    }
    const sent = receiver.received.map((request) => ({
      type: JSON.parse(request.rawBody).type,
      status: request.status,
    }));
    expect(sent).toEqual([
      { type: 'SeatsLow', status: 503 },
      { type: 'SeatsLow', status: 503 },
      { type: 'SeatsLow', status: 204 },
      { type: 'SeatsOverAssigned', status: 204 },
    ]);
    const [low, over] = receiver.accepted();
    expect(low).toEqual({ ...alerts.body.items[1], tenantId: 'default' });
    expect(over.alertId).toBe(alerts.body.items[0].alertId);

    const deliveries = await admin().get(`/v1/webhooks/${hook.body.id}/deliveries`).expect(200);
    expect(deliveries.body).toEqual({
      items: [
        { alertId: over.alertId, type: 'SeatsOverAssigned', attempts: 1, status: 'delivered', lastError: null },
        { alertId: low.alertId, type: 'SeatsLow', attempts: 3, status: 'delivered', lastError: 'HTTP 503' },
      ],
      nextCursor: null,
    });
    const metrics = await ledger.as('global-admin').get('/metrics').expect(200);
    expect(metrics.text).toContain('ledger_alerts_raised{type="SeatsLow"} 1');
    expect(metrics.text).toContain('ledger_webhook_attempts_total{outcome="retry"} 2');
  });

  it('N1: a SKU that climbs back above its threshold and falls again crosses again', async () => {
    const before = (await admin().get('/v1/alerts').expect(200)).body.items.length;
    await admin().post('/v1/subscriptions/E3/seats', { action: 'renew', count: 2 }).expect(200); // 4 of 4 assigned: 0 available, still low
    await admin().post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 2 }).expect(200); // 2 available: re-armed
    await admin().post('/v1/subscriptions/E3/seats', { action: 'expire', count: 1 }).expect(200); // 1 available: crosses again
    const after = (await admin().get('/v1/alerts?limit=1').expect(200)).body;
    expect(after.items[0]).toMatchObject({ type: 'SeatsLow', data: { skuId: 'E3', available: 1, threshold: 2 } });
    const all = (await admin().get('/v1/alerts').expect(200)).body.items;
    expect(all).toHaveLength(before + 1);
    const older = (await admin().get(`/v1/alerts?limit=1&cursor=${after.nextCursor}`).expect(200)).body.items;
    expect(older[0].type).toBe('SeatsOverAssigned');
  });

  it('N1: the secret is never answered, nor in the audit trail; removing the webhook answers 204, then 404', async () => {
    const hook = await admin()
      .post('/v1/webhooks', { url: receiver.url, events: ['PurgeDueSoon'], secret: 'another-secret-abcdefgh' })
      .expect(201);
    const listed = await admin().get('/v1/webhooks').expect(200);
    expect(listed.body.items).toContainEqual({ id: hook.body.id, url: receiver.url, events: ['PurgeDueSoon'] });
    const audit = await ledger.as('auditor').get('/v1/audit/events?type=WebhookRegistered').expect(200);
    expect(audit.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.body) + JSON.stringify(listed.body)).not.toMatch(/secret-/);
    await admin().delete(`/v1/webhooks/${hook.body.id}`).expect(204);
    await admin().delete(`/v1/webhooks/${hook.body.id}`).expect(404);
    await admin().get(`/v1/webhooks/${hook.body.id}/deliveries`).expect(404);
  });

  it.each([
    ['a host outside LEDGER_WEBHOOK_ALLOW', 'http://169.254.169.254/latest/meta-data'],
    ['not http(s)', 'file:///etc/passwd'],
    ['credentials in the URL', 'http://user:pw@127.0.0.1/hook'],
    ['no URL', 'hook'],
  ])('N1: refuses a webhook URL with %s (400, nothing stored)', async (_case, url) => {
    const before = (await ledger.events('WebhookRegistered')).length;
    const response = await admin()
      .post('/v1/webhooks', { url, events: ['SeatsLow'], secret: SECRET })
      .expect(400);
    expect(response.body.error).toBe('ValidationFailed');
    expect(await ledger.events('WebhookRegistered')).toHaveLength(before);
  });

  it('N1: rules naming an unknown SKU or one SKU twice are refused', async () => {
    expect((await admin().put('/v1/alerts/rules', { seatsBelow: [{ skuId: 'NOPE', available: 1 }] })).status).toBe(404);
    const twice = await admin().put('/v1/alerts/rules', {
      seatsBelow: [
        { skuId: 'E3', available: 1 },
        { skuId: 'E3', available: 2 },
      ],
    });
    expect(twice.status).toBe(400);
    expect((await ledger.as('user-admin').put('/v1/alerts/rules', {})).status).toBe(403);
  });

  it("N1: a receiver that never accepts is marked failing after LEDGER_WEBHOOK_MAX_ATTEMPTS; the tenant's next delivery waits for it", async () => {
    const tenant = ledger.as('global-admin', { tenant: 'failing-tenant' });
    const broken = await startWebhookReceiver({ failFirst: 1_000 });
    const healthy = await startWebhookReceiver();
    try {
      await tenant
        .post('/v1/subscriptions', { skuId: 'E5', name: 'E5', servicePlans: ['EXCHANGE'], seats: 1 })
        .expect(201);
      const bad = await tenant
        .post('/v1/webhooks', { url: broken.url, events: ['SeatsLow'], secret: SECRET })
        .expect(201);
      await tenant.post('/v1/webhooks', { url: healthy.url, events: ['SeatsLow'], secret: SECRET }).expect(201);
      await tenant.put('/v1/alerts/rules', { seatsBelow: [{ skuId: 'E5', available: 2 }] }).expect(200); // 1 < 2: crosses at once

      await healthy.acceptedCount(1);
      expect(broken.received).toHaveLength(4);
      const deliveries = await tenant.get(`/v1/webhooks/${bad.body.id}/deliveries`).expect(200);
      expect(deliveries.body.items).toEqual([
        {
          alertId: healthy.accepted()[0].alertId,
          type: 'SeatsLow',
          attempts: 4,
          status: 'failing',
          lastError: 'HTTP 503',
        },
      ]);
    } finally {
      await broken.close();
      await healthy.close();
    }
  });
});
