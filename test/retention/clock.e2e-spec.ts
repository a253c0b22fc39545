import { RetentionSaga } from '@app/application';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { DAY_MS, ledgerScript } from './support/ledger-script';

/** API.md "Clock": the manual clock stands still, moves only when advanced, survives restarts; 404 otherwise. */
describe('The manual clock', () => {
  let ledger: LedgerApp;
  let root: Caller;
  const now = async (caller: Caller = root) => (await caller.get('/v1/clock').expect(200)).body.now as string;

  beforeAll(async () => {
    ledger = await startLedgerApp();
    root = ledger.as('global-admin');
  });
  afterAll(() => ledger.close());

  it('GET /v1/clock answers {now} to any valid token, and the time stands still', async () => {
    const first = await now(ledger.as('compliance'));
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(first) - Date.now())).toBeLessThan(DAY_MS);
    expect(await now(ledger.as('auditor'))).toBe(first);
    await request(ledger.app.getHttpServer()).get('/v1/clock').expect(401);
  });

  it('POST /v1/clock/advance moves it by days, hours and minutes and answers the new {now}', async () => {
    const before = Date.parse(await now());
    const res = await root.post('/v1/clock/advance', { days: 1, hours: 2, minutes: 3 }).expect(200);
    const expected = new Date(before + DAY_MS + 2 * 3600_000 + 3 * 60_000).toISOString();
    expect(res.body).toEqual({ now: expected });
    expect(await now()).toBe(expected);
  });

  it('advances once per Idempotency-Key', async () => {
    const before = Date.parse(await now());
    const first = await root.post('/v1/clock/advance', { hours: 1 }).set('Idempotency-Key', 'advance-1h').expect(200);
    const again = await root.post('/v1/clock/advance', { hours: 1 }).set('Idempotency-Key', 'advance-1h').expect(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(Date.parse(await now())).toBe(before + 3600_000);
    const reused = await root.post('/v1/clock/advance', { hours: 2 }).set('Idempotency-Key', 'advance-1h').expect(422);
    expect(reused.body).toMatchObject({ error: 'IdempotencyKeyReused' });
    expect(Date.parse(await now())).toBe(before + 3600_000);
  });

  it('needs global-admin, and non-negative integers with at least one above 0', async () => {
    await ledger.as('user-admin').post('/v1/clock/advance', { days: 1 }).expect(403);
    await ledger.as('compliance').post('/v1/clock/advance', { days: 1 }).expect(403);
    const before = await now();
    for (const body of [
      {},
      { days: 0 },
      { days: 0, hours: 0, minutes: 0 },
      { days: -1 },
      { hours: 1.5 },
      { minutes: '5' },
      { days: 3651 },
      { weeks: 1 },
      { days: null },
    ]) {
      const res = await root.post('/v1/clock/advance', body).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'ValidationFailed',
        details: { fields: expect.any(Object) },
      });
    }
    await root.post('/v1/clock/advance').expect(400);
    expect(await now()).toBe(before);
  });

  it('is documented in the OpenAPI document', async () => {
    const { body } = await request(ledger.app.getHttpServer()).get('/docs-json').expect(200);
    for (const [path, method] of [
      ['/v1/clock', 'get'],
      ['/v1/clock/advance', 'post'],
      ['/v1/retention/mailboxes', 'get'],
      ['/v1/retention/users/{userId}/timeline', 'get'],
    ]) {
      const operation = body.paths[path][method];
      expect(operation.summary).toEqual(expect.any(String));
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining(['200', '401', '403'].filter((code) => !(path === '/v1/clock' && code === '403'))),
      );
    }
    expect(Object.keys(body.paths['/v1/clock/advance'].post.responses)).toEqual(expect.arrayContaining(['400', '404']));
  });
});

describe('The manual clock across restarts, and without it', () => {
  it('survives a restart: a new process on the same data folder reads the time it was left at', async () => {
    const first = await startLedgerApp();
    const dataDir = first.config.dataDir;
    let advanced: string;
    try {
      advanced = (await first.as('global-admin').post('/v1/clock/advance', { days: 12, minutes: 7 }).expect(200)).body
        .now;
    } finally {
      await first.close();
    }
    const second = await startLedgerApp({ LEDGER_DATA_DIR: dataDir });
    try {
      expect((await second.as('compliance').get('/v1/clock').expect(200)).body).toEqual({ now: advanced });
    } finally {
      await second.close();
    }
  });

  it("a data folder from before the clock moved into the store starts the store's clock at its clock.json", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-legacy-clock-'));
    writeFileSync(join(dataDir, 'clock.json'), JSON.stringify({ now: '2031-05-06T07:08:09.010Z' }));
    const ledger = await startLedgerApp({ LEDGER_DATA_DIR: dataDir });
    try {
      expect((await ledger.as('compliance').get('/v1/clock').expect(200)).body).toEqual({
        now: '2031-05-06T07:08:09.010Z',
      });
      await ledger.as('global-admin').post('/v1/clock/advance', { days: 1 }).expect(200);
      // The store's clock rules from now on; the file is read only while the store has no clock.
      expect((await ledger.as('compliance').get('/v1/clock').expect(200)).body).toEqual({
        now: '2031-05-07T07:08:09.010Z',
      });
    } finally {
      await ledger.close();
    }
  });

  it('answers 404 NotFound on both endpoints when LEDGER_CLOCK=system, while the retention views still work', async () => {
    const ledger = await startLedgerApp({ LEDGER_CLOCK: 'system' });
    try {
      const root = ledger.as('global-admin');
      // As if the endpoints did not exist: 404 whoever asks, with or without a token or role.
      for (const res of [
        await root.get('/v1/clock'),
        await root.post('/v1/clock/advance', { days: 1 }),
        await root.post('/v1/clock/advance', { days: -1 }),
        await ledger.as('user-admin').post('/v1/clock/advance', { days: 1 }),
        await request(ledger.app.getHttpServer()).get('/v1/clock'),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual({
          statusCode: 404,
          error: 'NotFound',
          message: expect.stringMatching(/LEDGER_CLOCK=manual/),
        });
      }
      const script = ledgerScript(root);
      await script.subscription();
      const userId = await script.user('sys');
      await script.assign(userId);
      await script.remove(userId);
      expect((await ledger.app.get(RetentionSaga).runOnce()).purged).toBe(0);
      const listed = (await ledger.as('compliance').get('/v1/retention/mailboxes?status=softDeleted').expect(200)).body
        .items;
      expect(listed).toEqual([expect.objectContaining({ userId, status: 'softDeleted' })]);
    } finally {
      await ledger.close();
    }
  });
});
