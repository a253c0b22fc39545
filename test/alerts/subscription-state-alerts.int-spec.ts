import { alertsProjection, openReadModelDatabase, toProjected } from '@app/projections';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli } from '../cli/cli-process';
import { DAY_MS } from '../retention/support/ledger-script';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';

interface Alert {
  alertId: string;
  type: string;
  raisedAt: string;
  data: Record<string, unknown>;
}

/**
 * N1 SL1 SL2: SubscriptionStateChanged as the manual clock walks a subscription's lifecycle, through the real API,
 * saga and alerts read model; then the read models rebuilt by the CLI, and every event projected twice.
 */
describe('N1 SubscriptionStateChanged: once per change of lifecycle state, not again on a rebuild or a replay', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-state-alerts-'));
  let ledger: LedgerApp;
  let admin: Caller;

  beforeAll(async () => {
    ledger = await startLedgerApp({ LEDGER_DATA_DIR: dataDir });
    admin = ledger.as('global-admin');
  });
  afterAll(() => ledger.close());

  const now = async () => (await admin.get('/v1/clock').expect(200)).body.now as string;
  /** Each advance answers after a retention pass at the new time. */
  const advance = (days: number) => admin.post('/v1/clock/advance', { days }).expect(200);
  const advanceTo = async (instant: string) =>
    admin.post('/v1/clock/advance', { minutes: (Date.parse(instant) - Date.parse(await now())) / 60_000 }).expect(200);
  const stateAlerts = async (caller: Caller): Promise<Alert[]> =>
    ((await caller.get('/v1/alerts?limit=1000').expect(200)).body.items as Alert[]).filter(
      (alert) => alert.type === 'SubscriptionStateChanged',
    );
  const changes = (alerts: Alert[]) => alerts.map((alert) => [alert.data.previousStatus, alert.data.status]);
  let walked: Alert[] = [];

  it('SL1 SL2: enabled → warning → suspended, then renewed: one alert per change, at the instant of the change; none while the state stands', async () => {
    const termEndsAt = new Date(Date.parse(await now()) + 10 * DAY_MS).toISOString();
    await admin
      .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 5, termEndsAt })
      .expect(201);
    await advance(9);
    expect(await stateAlerts(admin)).toEqual([]);

    await advanceTo(termEndsAt); // SL1: the term ends unrenewed
    for (let pass = 0; pass < 3; pass++) await advance(1);
    const warning = await stateAlerts(admin);
    expect(warning).toEqual([
      {
        alertId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        type: 'SubscriptionStateChanged',
        raisedAt: termEndsAt,
        data: { skuId: 'E3', status: 'warning', previousStatus: 'enabled' },
      },
    ]);

    const suspendAt = new Date(Date.parse(termEndsAt) + 30 * DAY_MS).toISOString();
    await advanceTo(suspendAt); // 30 days in warning
    await advance(1);
    await advance(1);
    const suspended = await stateAlerts(admin);
    expect(changes(suspended)).toEqual([
      ['warning', 'suspended'],
      ['enabled', 'warning'],
    ]);
    expect(suspended[0].raisedAt).toBe(suspendAt);

    // SL2: a renewal brings it back to enabled, once; renewing an enabled subscription changes no state.
    const renewedUntil = new Date(Date.parse(await now()) + 365 * DAY_MS).toISOString();
    await admin.post('/v1/subscriptions/E3/renew', { termEndsAt: renewedUntil }).expect(200);
    const further = new Date(Date.parse(renewedUntil) + DAY_MS).toISOString();
    await admin.post('/v1/subscriptions/E3/renew', { termEndsAt: further }).expect(200);
    await advance(30);
    walked = await stateAlerts(admin);
    expect(changes(walked)).toEqual([
      ['suspended', 'enabled'],
      ['warning', 'suspended'],
      ['enabled', 'warning'],
    ]);
    expect(await ledger.events('SubscriptionRenewed')).toHaveLength(2);
  });

  it('N1: every event projected twice into a fresh alerts read model raises each change once, with the same ids', async () => {
    const db = openReadModelDatabase(join(mkdtempSync(join(tmpdir(), 'ledger-alerts-replay-')), 'alerts.sqlite'));
    db.exec(alertsProjection.schema);
    const apply = alertsProjection.bind(db);
    const events = (await ledger.events()).map(toProjected);
    for (const event of events) {
      apply(event);
      apply(event);
    }
    for (const event of events) apply(event);
    const replayed = db
      .prepare<[], { alert_id: string }>(
        "SELECT alert_id FROM alerts WHERE type = 'SubscriptionStateChanged' ORDER BY seq DESC",
      )
      .all();
    expect(replayed.map((row) => row.alert_id)).toEqual(walked.map((alert) => alert.alertId));
    db.close();
  });

  it('N1: the CLI rebuild of the read models, then a restart, shows the same alerts once each', async () => {
    await ledger.close();
    const rebuilt = await spawnCli(['rebuild'], { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: 'unused-here' });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^Rebuilt .*alerts/m);
    ledger = await startLedgerApp({ LEDGER_DATA_DIR: dataDir });
    expect(await stateAlerts(ledger.as('global-admin'))).toEqual(walked);
  });
});
