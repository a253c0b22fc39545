import { Projector } from '@app/projections';
import request from 'supertest';
import { MIN_POSITION_WAIT } from '../../apps/api/src/ledger/min-position.guard';
import { startLedgerApp, type LedgerApp } from '../support/ledger-app';

/** API.md "Many API nodes, one store": a GET with X-Ledger-Min-Position answers only once this node's read models reached it. */
describe('X-Ledger-Min-Position', () => {
  let ledger: LedgerApp;
  let projector: Projector;
  beforeAll(async () => {
    ledger = await startLedgerApp(
      {},
      { readModelWaitMs: 200, providers: [{ provide: MIN_POSITION_WAIT, useValue: 300 }] },
    );
    projector = ledger.app.get(Projector);
    await ledger
      .as('global-admin')
      .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 })
      .expect(201);
  });
  afterAll(() => ledger.close());

  it('waits until the read models hold the position, and answers 503 ReadModelBehind with Retry-After when they do not in time', async () => {
    const admin = ledger.as('global-admin');
    await projector.stop();
    const bought = await admin.post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 5 }).expect(200);
    const position = bought.headers['x-ledger-position'];
    expect(BigInt(position)).toBeGreaterThan(projector.checkpoint);

    const behind = await admin.get('/v1/subscriptions/E3').set('X-Ledger-Min-Position', position).expect(503);
    expect(behind.headers['retry-after']).toBe('1');
    expect(behind.body).toMatchObject({
      statusCode: 503,
      error: 'ReadModelBehind',
      message: expect.stringContaining(position),
    });
    // Who asks is checked before anything waits: no token is a 401 at once, not a 503 after the wait.
    const anonymous = await request(ledger.app.getHttpServer())
      .get('/v1/subscriptions/E3')
      .set('X-Ledger-Min-Position', position)
      .expect(401);
    expect(anonymous.body.error).toBe('Unauthenticated');
    // Without the header the node answers what it holds: the purchase is not in it yet.
    expect((await admin.get('/v1/subscriptions/E3').expect(200)).body.valid).toBe(1);

    const waiting = admin
      .get('/v1/subscriptions/E3')
      .set('X-Ledger-Min-Position', position)
      .then((res) => res);
    projector.start();
    const read = await waiting;
    expect(read.status).toBe(200);
    expect(read.body.valid).toBe(6);
  });

  it('answers at once for a position already applied, on any GET', async () => {
    const checkpoint = projector.checkpoint.toString();
    await ledger.as('compliance').get('/v1/retention/mailboxes').set('X-Ledger-Min-Position', checkpoint).expect(200);
    await ledger.as('global-admin').get('/v1/subscriptions').set('X-Ledger-Min-Position', '0').expect(200);
  });

  it('refuses a value that is not a non-negative integer with 400 ValidationFailed', async () => {
    for (const value of ['-1', '1.5', 'abc', '0x10', '', '123456789012345678901']) {
      const res = await ledger
        .as('global-admin')
        .get('/v1/subscriptions')
        .set('X-Ledger-Min-Position', value)
        .expect(400);
      expect(res.body).toMatchObject({
        error: 'ValidationFailed',
        details: { fields: { 'X-Ledger-Min-Position': expect.any(Array) } },
      });
    }
  });
});
