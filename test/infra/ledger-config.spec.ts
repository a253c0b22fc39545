import * as fs from 'node:fs';
import * as path from 'node:path';
import { JWT_SECRET_FILE, LedgerConfigError, loadLedgerConfig, readOrCreateJwtSecret } from '@app/application';
import { tempDataDir } from './support/infra-app';

describe('loadLedgerConfig', () => {
  it('applies the defaults of API.md', () => {
    const cwd = process.cwd();
    const dir = tempDataDir();
    process.chdir(dir);
    try {
      const config = loadLedgerConfig({});
      expect(config).toEqual({
        port: 3000,
        dataDir: path.join(fs.realpathSync(dir), 'data'),
        eventStore: 'sqlite',
        jwtSecret: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/),
        clock: 'system',
        defaultTenant: 'default',
        retentionIntervalMs: 60_000,
        webhooks: { maxAttempts: 8, backoffMs: 1000 },
      });
    } finally {
      process.chdir(cwd);
    }
  });

  it('reads every variable', () => {
    const dir = tempDataDir();
    const catalog = path.join(dir, 'catalog.json');
    fs.writeFileSync(catalog, '{"servicePlans": []}');
    expect(
      loadLedgerConfig({
        PORT: '8080',
        LEDGER_DATA_DIR: dir,
        LEDGER_EVENT_STORE: 'esdb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
        LEDGER_JWT_SECRET: 'from-env',
        LEDGER_CATALOG_FILE: catalog,
        LEDGER_CLOCK: 'manual',
        LEDGER_DEFAULT_TENANT: 'contoso',
        LEDGER_RETENTION_INTERVAL_MS: '500',
        LEDGER_JWT_MAX_TTL: '12h',
        LEDGER_OIDC_ISSUER: 'https://login.example.com/contoso/v2.0',
        LEDGER_OIDC_AUDIENCE: 'api://license-ledger',
        LEDGER_OIDC_ROLES_CLAIM: 'realm_access.roles',
        LEDGER_OIDC_TENANT_CLAIM: 'org',
        LEDGER_RATE_LIMIT: '600',
        LEDGER_OPS_TOKEN: 'ops-token-0123456789',
        LEDGER_WEBHOOK_ALLOW: 'Hooks.Example.com, 10.0.0.7,[::1]',
        LEDGER_WEBHOOK_MAX_ATTEMPTS: '3',
        LEDGER_WEBHOOK_BACKOFF_MS: '250',
      }),
    ).toEqual({
      port: 8080,
      dataDir: dir,
      eventStore: 'esdb',
      eventStoreConnectionString: 'esdb://localhost:2113?tls=false',
      jwtSecret: 'from-env',
      catalogFile: catalog,
      clock: 'manual',
      defaultTenant: 'contoso',
      retentionIntervalMs: 500,
      jwtMaxTtlSeconds: 43_200,
      oidc: {
        issuer: 'https://login.example.com/contoso/v2.0',
        audience: 'api://license-ledger',
        rolesClaim: 'realm_access.roles',
        tenantClaim: 'org',
      },
      rateLimitPerMinute: 600,
      opsToken: 'ops-token-0123456789',
      webhooks: { allowedHosts: ['hooks.example.com', '10.0.0.7', '[::1]'], maxAttempts: 3, backoffMs: 250 },
    });
    // With the secret in the environment nothing is written to the data folder.
    expect(fs.existsSync(path.join(dir, JWT_SECRET_FILE))).toBe(false);
  });

  it('selects the successor client with LEDGER_EVENT_STORE=kurrentdb and a kurrentdb:// (or kurrentdb+discover://) URL', () => {
    for (const url of [
      'kurrentdb://localhost:2113?tls=false',
      'kurrentdb+discover://node1:2113,node2:2113?tls=false',
    ]) {
      expect(
        loadLedgerConfig({
          LEDGER_DATA_DIR: tempDataDir(),
          LEDGER_JWT_SECRET: 's',
          LEDGER_EVENT_STORE: 'kurrentdb',
          EVENTSTORE_CONNECTION_STRING: url,
        }),
      ).toMatchObject({
        eventStore: 'kurrentdb',
        eventStoreConnectionString: url,
      });
    }
  });

  it('treats an empty variable as unset', () => {
    const dir = tempDataDir();
    const config = loadLedgerConfig({ LEDGER_DATA_DIR: dir, PORT: '', LEDGER_CLOCK: ' ', LEDGER_JWT_SECRET: '' });
    expect(config.port).toBe(3000);
    expect(config.clock).toBe('system');
    expect(config.jwtSecret).toBe(fs.readFileSync(path.join(dir, JWT_SECRET_FILE), 'utf8').trim());
  });

  it.each([
    ['PORT', { PORT: 'http' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '-1' }],
    ['LEDGER_EVENT_STORE', { LEDGER_EVENT_STORE: 'postgres' }],
    ['EVENTSTORE_CONNECTION_STRING', { LEDGER_EVENT_STORE: 'esdb' }],
    [
      'EVENTSTORE_CONNECTION_STRING',
      { LEDGER_EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' },
    ],
    [
      'LEDGER_JWT_SECRET',
      {
        LEDGER_EVENT_STORE: 'esdb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
        LEDGER_JWT_SECRET: '',
      },
    ],
    ['EVENTSTORE_CONNECTION_STRING', { LEDGER_EVENT_STORE: 'kurrentdb' }],
    // Each client library takes its own scheme.
    [
      'EVENTSTORE_CONNECTION_STRING',
      { LEDGER_EVENT_STORE: 'kurrentdb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' },
    ],
    [
      'EVENTSTORE_CONNECTION_STRING',
      { LEDGER_EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false' },
    ],
    [
      'LEDGER_JWT_SECRET',
      {
        LEDGER_EVENT_STORE: 'kurrentdb',
        EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false',
        LEDGER_JWT_SECRET: '',
      },
    ],
    ['LEDGER_CLOCK', { LEDGER_CLOCK: 'fake' }],
    ['LEDGER_DEFAULT_TENANT', { LEDGER_DEFAULT_TENANT: 'a/b' }],
    ['LEDGER_RETENTION_INTERVAL_MS', { LEDGER_RETENTION_INTERVAL_MS: '0' }],
    ['LEDGER_RETENTION_INTERVAL_MS', { LEDGER_RETENTION_INTERVAL_MS: '1.5' }],
    ['LEDGER_CATALOG_FILE', { LEDGER_CATALOG_FILE: '/nonexistent/catalog.json' }],
    ['LEDGER_JWT_MAX_TTL', { LEDGER_JWT_MAX_TTL: 'forever' }],
    ['LEDGER_OIDC_ISSUER', { LEDGER_OIDC_ISSUER: 'http://idp.example.com', LEDGER_OIDC_AUDIENCE: 'a' }],
    ['LEDGER_OIDC_ISSUER', { LEDGER_OIDC_ISSUER: 'not a url', LEDGER_OIDC_AUDIENCE: 'a' }],
    ['LEDGER_OIDC_AUDIENCE', { LEDGER_OIDC_ISSUER: 'https://idp.example.com' }],
    [
      'LEDGER_OIDC_ROLES_CLAIM',
      { LEDGER_OIDC_ISSUER: 'https://idp.example.com', LEDGER_OIDC_AUDIENCE: 'a', LEDGER_OIDC_ROLES_CLAIM: 'a b' },
    ],
    ['LEDGER_RATE_LIMIT', { LEDGER_RATE_LIMIT: 'lots' }],
    ['LEDGER_OPS_TOKEN', { LEDGER_OPS_TOKEN: 'short' }],
    ['LEDGER_WEBHOOK_ALLOW', { LEDGER_WEBHOOK_ALLOW: 'hooks.example.com,https://evil.example.com' }],
    ['LEDGER_WEBHOOK_MAX_ATTEMPTS', { LEDGER_WEBHOOK_MAX_ATTEMPTS: '0' }],
  ])('refuses a bad %s with an error naming it', (variable, env) => {
    const run = () => loadLedgerConfig({ LEDGER_JWT_SECRET: 's', LEDGER_DATA_DIR: tempDataDir(), ...env });
    expect(run).toThrow(LedgerConfigError);
    expect(run).toThrow(new RegExp(`^${variable} `));
  });
});

describe('readOrCreateJwtSecret', () => {
  it('generates the secret once, private to the owner, and reuses it', () => {
    const dataDir = path.join(tempDataDir(), 'nested', 'data');
    const first = loadLedgerConfig({ LEDGER_DATA_DIR: dataDir }).jwtSecret;
    const file = path.join(dataDir, JWT_SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${first}\n`);
    expect(loadLedgerConfig({ LEDGER_DATA_DIR: dataDir }).jwtSecret).toBe(first);
    expect(readOrCreateJwtSecret(dataDir)).toBe(first);
    expect(fs.readdirSync(dataDir)).toEqual([JWT_SECRET_FILE]);
  });

  it('keeps the secret of a process that published first (lost race re-reads, no temp file left)', () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, JWT_SECRET_FILE);
    // The core module itself (the `import * as` namespace is read-only).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS module object, which jest can spy on
    const nodeFs = require('node:fs') as typeof fs;
    const link = nodeFs.linkSync;
    // Another process publishes its secret between our "not there yet" and our link().
    const spy = jest.spyOn(nodeFs, 'linkSync').mockImplementation((existing, target) => {
      fs.writeFileSync(file, 'winner-secret\n', { mode: 0o600 });
      link(existing, target);
    });
    try {
      expect(readOrCreateJwtSecret(dataDir)).toBe('winner-secret');
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dataDir)).toEqual([JWT_SECRET_FILE]);
  });
});
