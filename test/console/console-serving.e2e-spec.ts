import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { CONSOLE_ENV } from '../../apps/api/src/console/console-config.controller';
import { startLedgerApp, type LedgerApp } from '../support/ledger-app';
import { startLocalIssuer, type LocalIssuer } from '../support/oidc-issuer';

const ROOT = join(__dirname, '..', '..');

/** GET /console: the built single-page app without a token, under helmet's CSP, and its public sign-in settings. */
describe('the console, served by the API', () => {
  let ledger: LedgerApp;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'apps/console/tools/build-if-stale.mjs')], { cwd: ROOT, stdio: 'pipe' });
    ledger = await startLedgerApp();
  });
  afterAll(() => ledger.close());

  it('serves the page and its assets with no token, only scripts of its own (no inline script), and every page path', async () => {
    const server = ledger.app.getHttpServer();
    const page = await request(server)
      .get('/console/')
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /<script[^>]*src="([^"]+)"/.exec(page.text)![1];
    await request(server)
      .get(script)
      .expect(200)
      .expect('Content-Type', /javascript/);
    const deepLink = await request(server).get('/console/users/8d2f6c1e-0000-4000-8000-000000000000').expect(200);
    expect(deepLink.text).toBe(page.text);
    await request(server).get('/console/assets/missing.js').expect(404);
    await request(server).get('/console/config.json').expect(200, { oidc: null });
  });
});

describe('the console with an identity provider (LEDGER_OIDC_ISSUER)', () => {
  let issuer: LocalIssuer;
  let ledger: LedgerApp;
  beforeAll(async () => {
    issuer = await startLocalIssuer();
    ledger = await startLedgerApp(
      { LEDGER_OIDC_ISSUER: issuer.url, LEDGER_OIDC_AUDIENCE: 'license-ledger' },
      {
        providers: [
          { provide: CONSOLE_ENV, useValue: { LEDGER_CONSOLE_OIDC_SCOPE: 'openid profile api://ledger/all' } },
        ],
      },
    );
  });
  afterAll(async () => {
    await ledger.close();
    await issuer.close();
  });

  it('tells the page where to sign in (client id defaults to the audience) and lets it reach the issuer', async () => {
    const server = ledger.app.getHttpServer();
    const config = await request(server).get('/console/config.json').expect(200);
    expect(config.body).toEqual({
      oidc: {
        issuer: issuer.url,
        clientId: 'license-ledger',
        scope: 'openid profile api://ledger/all',
        rolesClaim: 'roles',
        tenantClaim: 'tid',
      },
    });
    const page = await request(server).get('/console/');
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ${issuer.url}`);
  });
});
