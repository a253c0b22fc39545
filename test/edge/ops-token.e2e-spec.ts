import request from 'supertest';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';

const OPS_TOKEN = 'ops-token-for-the-scraper-0123';

/** LEDGER_OPS_TOKEN: store positions and volumes of every tenant only for the operators. */
describe('Operations token', () => {
  let ledger: LedgerApp;
  beforeAll(async () => (ledger = await startLedgerApp({ LEDGER_OPS_TOKEN: OPS_TOKEN })));
  afterAll(() => ledger.close());

  it('/metrics needs the ops token as bearer token (a user token is not enough)', async () => {
    const server = ledger.app.getHttpServer();
    const anonymous = await request(server).get('/metrics').expect(401);
    expect(anonymous.body).toMatchObject({
      error: 'Unauthenticated',
      message: expect.stringContaining('LEDGER_OPS_TOKEN'),
    });
    await ledger.as('global-admin').get('/metrics').expect(401);
    const scraped = await request(server).get('/metrics').set('Authorization', `Bearer ${OPS_TOKEN}`).expect(200);
    expect(scraped.text).toContain('http_request_duration_seconds');
  });

  it('/health/ready shows only its status without the token, the details with it', async () => {
    const server = ledger.app.getHttpServer();
    expect((await request(server).get('/health/ready').expect(200)).body).toEqual({ status: 'ok' });
    const detailed = await request(server).get('/health/ready').set('Authorization', `Bearer ${OPS_TOKEN}`).expect(200);
    expect(detailed.body).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' } } });
    await request(server).get('/health/live').expect(200);
  });
});
