import { createHmac } from 'node:crypto';
import { DAY_MS, MINUTE_MS, ledgerScript } from '../retention/support/ledger-script';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { RECEIVER_WEBHOOK_ENV, WebhookReceiver, startWebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'purge-due-secret-0123456789';

interface Alert {
  alertId: string;
  type: string;
  raisedAt: string;
  data: Record<string, unknown>;
}

/** N1 PurgeDueSoon through the real API, store, saga and alerts read model, on the manual clock. */
describe('N1 PurgeDueSoon: raised once per soft-deletion within the tenant window, delivered by webhook', () => {
  let ledger: LedgerApp;
  let receiver: WebhookReceiver;
  let tenant = 0;
  let admin: Caller;
  let script: ReturnType<typeof ledgerScript>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ failFirst: 1 });
    ledger = await startLedgerApp(RECEIVER_WEBHOOK_ENV);
  });
  afterAll(async () => {
    await ledger.close();
    await receiver.close();
  });
  beforeEach(async () => {
    tenant += 1;
    admin = ledger.as('global-admin', { tenant: `purge-due-${tenant}` });
    script = ledgerScript(admin);
    await script.subscription();
  });

  /** Each advance answers after a retention pass at the new time. */
  const advance = (ms: number) => admin.post('/v1/clock/advance', { minutes: ms / MINUTE_MS }).expect(200);
  const purgeDueAlerts = async (): Promise<Alert[]> =>
    ((await admin.get('/v1/alerts').expect(200)).body.items as Alert[]).filter(
      (alert) => alert.type === 'PurgeDueSoon',
    );
  const notices = async (userId: string) =>
    (await ledger.events('MailboxPurgeDueSoonNoticed')).filter(
      (event) => (event.data as { userId: string }).userId === userId,
    );
  /** A user whose mailbox was just soft-deleted (L3); its purgeAfter. */
  const softDeletedMailbox = async (name: string): Promise<{ userId: string; purgeAfter: string }> => {
    const userId = await script.user(name);
    await script.assign(userId);
    const { mailbox } = (await script.remove(userId)).body;
    return { userId, purgeAfter: mailbox.purgeAfter };
  };
  /** Milliseconds from the clock's now until `instant`. */
  const until = async (instant: string) =>
    Date.parse(instant) - Date.parse((await admin.get('/v1/clock').expect(200)).body.now);

  it('N1 L3: raised at the pass that enters the window, once however many passes follow; signed and delivered to the webhook', async () => {
    await admin.put('/v1/alerts/rules', { purgeDueWithinDays: 7 }).expect(200);
    const hook = await admin
      .post('/v1/webhooks', { url: receiver.url, events: ['PurgeDueSoon'], secret: SECRET })
      .expect(201);
    const ada = await softDeletedMailbox('ada');
    const windowOpens = new Date(Date.parse(ada.purgeAfter) - 7 * DAY_MS).toISOString();

    await advance((await until(windowOpens)) - MINUTE_MS);
    expect(await purgeDueAlerts()).toEqual([]);
    await advance(MINUTE_MS);
    const [alert] = await purgeDueAlerts();
    expect(alert).toEqual({
      alertId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'PurgeDueSoon',
      raisedAt: windowOpens,
      data: { userId: ada.userId, purgeAfter: ada.purgeAfter, withinDays: 7 },
    });
    for (let pass = 0; pass < 3; pass++) await advance(DAY_MS);
    expect(await purgeDueAlerts()).toEqual([alert]);
    expect(await notices(ada.userId)).toHaveLength(1);

    // Delivered like every alert type: retried after the receiver's 503, signed over the raw body.
    await receiver.acceptedCount(1);
    const delivered = receiver.received.filter((request) => JSON.parse(request.rawBody).alertId === alert.alertId);
    expect(delivered.map((request) => request.status)).toEqual([503, 204]);
    for (const request of delivered)
      expect(request.headers['x-ledger-signature']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(request.rawBody).digest('hex')}`,
      );
    expect(JSON.parse(delivered[1].rawBody)).toEqual({ ...alert, tenantId: `purge-due-${tenant}` });
    const deliveries = (await admin.get(`/v1/webhooks/${hook.body.id}/deliveries`).expect(200)).body.items;
    expect(deliveries).toEqual([
      { alertId: alert.alertId, type: 'PurgeDueSoon', attempts: 2, status: 'delivered', lastError: 'HTTP 503' },
    ]);

    // L5: the purge itself raises nothing more.
    await advance((await until(ada.purgeAfter)) + MINUTE_MS);
    expect((await admin.get(`/v1/users/${ada.userId}`).expect(200)).body.mailbox.status).toBe('purged');
    expect(await purgeDueAlerts()).toEqual([alert]);
  });

  it('N1 L4: a mailbox restored and soft-deleted again is a new soft-deletion, raised once more for its new purgeAfter', async () => {
    await admin.put('/v1/alerts/rules', { purgeDueWithinDays: 5 }).expect(200);
    const bob = await softDeletedMailbox('bob');
    await advance((await until(bob.purgeAfter)) - 2 * DAY_MS);
    expect((await purgeDueAlerts()).map((alert) => alert.data.purgeAfter)).toEqual([bob.purgeAfter]);

    await script.assign(bob.userId); // L4: the same mailbox comes back
    const again = (await script.remove(bob.userId)).body.mailbox.purgeAfter as string;
    await advance((await until(again)) - 6 * DAY_MS);
    expect(await purgeDueAlerts()).toHaveLength(1);
    await advance(DAY_MS);
    expect((await purgeDueAlerts()).map((alert) => alert.data.purgeAfter)).toEqual([again, bob.purgeAfter]);
    expect(await notices(bob.userId)).toHaveLength(2);
  });

  it('N1: not raised outside the window: without rules, or before the window opens; a window set later counts at the next pass', async () => {
    const cy = await softDeletedMailbox('cy');
    await advance(20 * DAY_MS); // no rules yet: 10 days to go, nothing said
    expect(await purgeDueAlerts()).toEqual([]);
    await admin.put('/v1/alerts/rules', { purgeDueWithinDays: 5 }).expect(200);
    await advance(MINUTE_MS); // 10 days to go, window 5: still outside
    expect(await purgeDueAlerts()).toEqual([]);
    expect(await notices(cy.userId)).toEqual([]);

    await admin.put('/v1/alerts/rules', { purgeDueWithinDays: 10 }).expect(200);
    await advance(MINUTE_MS);
    expect((await purgeDueAlerts()).map((alert) => alert.data)).toEqual([
      { userId: cy.userId, purgeAfter: cy.purgeAfter, withinDays: 10 },
    ]);
    // Rules without a window stop further notices: a second mailbox entering 10 days is not told about.
    await admin.put('/v1/alerts/rules', {}).expect(200);
    const dee = await softDeletedMailbox('dee');
    await advance((await until(dee.purgeAfter)) - DAY_MS);
    expect(await notices(dee.userId)).toEqual([]);
  });

  it('N1 H1: not raised while the owner is held, since nothing of a held user is purged; raised once the hold is released (H2)', async () => {
    await admin.put('/v1/alerts/rules', { purgeDueWithinDays: 7 }).expect(200);
    const eve = await softDeletedMailbox('eve');
    await admin.put(`/v1/users/${eve.userId}/hold`, { reason: 'Litigation 2026-114' }).expect(200);
    await advance((await until(eve.purgeAfter)) - 3 * DAY_MS); // inside the window, but held
    expect(await purgeDueAlerts()).toEqual([]);
    await advance(5 * DAY_MS); // past purgeAfter: held, so neither purged nor due
    expect(await notices(eve.userId)).toEqual([]);

    // H2: released past purgeAfter, the mailbox gets purgeAfter = release + 30 days, and the window counts from it.
    const released = (await admin.delete(`/v1/users/${eve.userId}/hold`).expect(200)).body.mailbox.purgeAfter as string;
    expect(Date.parse(released)).toBeGreaterThan(Date.parse(eve.purgeAfter));
    await advance((await until(released)) - 7 * DAY_MS);
    expect((await purgeDueAlerts()).map((alert) => alert.data)).toEqual([
      { userId: eve.userId, purgeAfter: released, withinDays: 7 },
    ]);
  });
});
