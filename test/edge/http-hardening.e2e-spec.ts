import request from 'supertest';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';

/** Security headers on every answer, and LEDGER_RATE_LIMIT per actor and tenant with a 429 in the contract's shape. */
describe('Security headers and rate limiting', () => {
  let ledger: LedgerApp;
  beforeAll(async () => (ledger = await startLedgerApp({ LEDGER_RATE_LIMIT: '3' })));
  afterAll(() => ledger.close());

  it('helmet headers on successes, errors and operations endpoints alike', async () => {
    const server = ledger.app.getHttpServer();
    for (const response of [
      await request(server).get('/health/live'),
      await request(server).get('/v1/users'),
      await request(server).get('/nowhere'),
    ]) {
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the 4th request of a minute → 429 TooManyRequests with Retry-After; other actors and tenants keep their own budget', async () => {
    const alice = ledger.as('auditor', { actor: 'alice' });
    for (let i = 0; i < 3; i++) await alice.get('/v1/subscriptions').expect(200);
    const refused = await alice.get('/v1/subscriptions').expect(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'TooManyRequests',
      message: expect.stringMatching(/^Too many requests: at most 3 per minute; retry after \d+ s\.$/),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await ledger.as('auditor', { actor: 'bob' }).get('/v1/subscriptions').expect(200);
    await ledger.as('auditor', { actor: 'alice', tenant: 'other' }).get('/v1/subscriptions').expect(200);
  });

  it('probes and the scraper are never limited, and /metrics counts the refusals', async () => {
    const server = ledger.app.getHttpServer();
    for (let i = 0; i < 5; i++) await request(server).get('/health/live').expect(200);
    const metrics = await request(server).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^http_requests_rate_limited_total 1$/m);
  });
});
