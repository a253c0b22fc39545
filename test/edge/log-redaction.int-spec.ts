import { TokenService } from '@app/application';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../support/api-process';

const SECRET = 'log-redaction-secret-0123456789abcdef';

/** The real API process's pino output never holds a credential, wherever the client put it. */
describe('Log redaction', () => {
  let api: ApiProcess;
  const token = TokenService.fromSecret(SECRET, 'default').sign({
    actorId: 'alice',
    roles: ['global-admin'],
    ttlSeconds: 600,
  });

  beforeAll(async () => {
    api = await startApiProcess({
      LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-logs-')),
      LEDGER_JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
    });
  });
  afterAll(() => api?.kill());

  /** Resolves once the process has printed a line naming this request id. */
  const logged = (requestId: string) =>
    new Promise<void>((resolve) => {
      const check = () => api.output().includes(requestId) && (api.process.stdout!.off('data', check), resolve());
      api.process.stdout!.on('data', check);
      check();
    });

  it('?access_token= and other token-like parameters are redacted, and no header is logged', async () => {
    const withHeader = await fetch(
      `${api.url}/v1/subscriptions?access_token=${token}&client_secret=s3cr3t-value&limit=5`,
      {
        headers: { Authorization: `Bearer ${token}`, 'X-Request-Id': 'redaction-1' },
      },
    );
    expect(withHeader.status).toBe(200);
    const queryOnly = await fetch(`${api.url}/v1/subscriptions?access_token=${token}`, {
      headers: { 'X-Request-Id': 'redaction-2' },
    });
    expect(queryOnly.status).toBe(401);
    await Promise.all([logged('redaction-1'), logged('redaction-2')]);

    const lines = api
      .output()
      .split('\n')
      .filter((line) => line.includes('"redaction-'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(api.output()).not.toContain(token);
    expect(api.output()).not.toContain(token.split('.')[2]);
    expect(api.output()).not.toContain('s3cr3t-value');
    const first = JSON.parse(lines.find((line) => line.includes('"redaction-1"'))!);
    expect(first.req.url).toBe('/v1/subscriptions?access_token=[redacted]&client_secret=[redacted]&limit=5');
    expect(first.req.query).toEqual({ access_token: '[redacted]', client_secret: '[redacted]', limit: '5' });
    expect(first.req.headers).toBeUndefined();
    expect(first).toMatchObject({ actorId: 'alice', tenantId: 'default', res: { statusCode: 200 } });
    expect(first.res.headers).toBeUndefined();
  });

  it('E1: no UPN or alias reaches the log, in a body, a path or a query', async () => {
    const headers = {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'X-Request-Id': 'redaction-3',
    };
    const body = JSON.stringify({
      userPrincipalName: 'zqlogmarker@contoso.com',
      displayName: 'Zq Log',
      usageLocation: 'GB',
      aliases: ['zqlogalias@contoso.com'],
    });
    expect((await fetch(`${api.url}/v1/users`, { method: 'POST', headers, body })).status).toBe(201);
    const byName = await fetch(`${api.url}/v1/users/zqlogmarker@contoso.com?search=zqlogalias%40contoso.com`, {
      headers: { ...headers, 'X-Request-Id': 'redaction-4' },
    });
    expect(byName.status).toBeLessThan(500);
    await Promise.all([logged('redaction-3'), logged('redaction-4')]);
    expect(api.output().toLowerCase()).not.toContain('zqlog');
    const fourth = JSON.parse(
      api
        .output()
        .split('\n')
        .find((line) => line.includes('"redaction-4"'))!,
    );
    expect(fourth.req.url).toBe('/v1/users/[redacted]?search=[redacted]');
  });
});
