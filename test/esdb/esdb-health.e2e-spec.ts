import { rmSync } from 'node:fs';
import { startEsdbTestServer, type EsdbTestServer } from '../esdb-test-server';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';
import { EsdbTarget, esdbTarget, eventually, timed, uniqueTenant, withTestServer } from './support/esdb-target';

/** A lost EventStoreDB must answer fast and clearly (503), never hang or leak a 500 with a stack. */
const ANSWER_WITHIN_MS = 5_000;

describe('Readiness on EventStoreDB', () => {
  let target: EsdbTarget;
  let ledger: LedgerApp;
  const tenant = uniqueTenant('health');

  beforeAll(async () => {
    target = await esdbTarget();
    ledger = await startLedgerApp(target.env);
  });
  afterAll(async () => {
    await ledger?.close();
    if (ledger) rmSync(ledger.config.dataDir, { recursive: true, force: true });
    await target?.stop();
  });

  it('/health/ready answers 200 and reports the EventStoreDB connection and the read-model lag', async () => {
    const admin = ledger.as('global-admin', { tenant });
    const created = await admin.post('/v1/subscriptions', {
      skuId: 'HEALTH',
      name: 'Health',
      servicePlans: ['EXCHANGE'],
      seats: 1,
    });
    expect(created.status).toBe(201);
    const ready = await ledger.as('auditor').get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: {
        eventStore: { status: 'up', responseTimeMs: expect.any(Number) },
        readModels: {
          status: 'up',
          checkpoint: expect.stringMatching(/^\d+$/),
          head: expect.stringMatching(/^\d+$/),
          lag: expect.any(Number),
        },
      },
    });
    expect(BigInt(ready.body.info.readModels.checkpoint)).toBeGreaterThanOrEqual(
      BigInt(created.headers['x-ledger-position']),
    );
  });
});

withTestServer('Losing the EventStoreDB connection (test server: stopped and restarted)', () => {
  let server: EsdbTestServer;
  let ledger: LedgerApp;

  beforeAll(async () => {
    server = await startEsdbTestServer();
    ledger = await startLedgerApp({
      LEDGER_EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: server.connectionString,
    });
  });
  afterAll(async () => {
    await ledger?.close();
    if (ledger) rmSync(ledger.config.dataDir, { recursive: true, force: true });
    await server?.stop();
  });

  it('503 from /health/ready and from commands while it is down; ready again after a restart, and the projector resumes from its checkpoint', async () => {
    const admin = ledger.as('global-admin');
    await admin
      .post('/v1/subscriptions', { skuId: 'E5', name: 'E5', servicePlans: ['EXCHANGE', 'OFFICE'], seats: 3 })
      .expect(201);
    const before = await admin
      .post('/v1/users', { userPrincipalName: 'before@contoso.com', displayName: 'Before', usageLocation: 'US' })
      .expect(201);
    await ledger.as('auditor').get('/health/ready').expect(200);

    await server.stop();

    const ready = await timed(ledger.as('auditor').get('/health/ready'), ANSWER_WITHIN_MS, '/health/ready');
    expect(ready.value.status).toBe(503);
    expect(ready.value.body).toMatchObject({
      status: 'error',
      error: { eventStore: { status: 'down', message: expect.stringMatching(/EventStoreDB/) } },
    });

    const command = await timed(
      admin.post('/v1/users', { userPrincipalName: 'during@contoso.com', displayName: 'During', usageLocation: 'US' }),
      ANSWER_WITHIN_MS,
      'a command while EventStoreDB is down',
    );
    expect(command.value.status).toBe(503);
    expect(command.value.body).toEqual({
      statusCode: 503,
      error: 'ServiceUnavailable',
      message: expect.stringMatching(/event store is unavailable/i),
      details: { requestId: expect.any(String) },
    });
    expect(command.value.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.stringify(command.value.body)).not.toMatch(/\bat \S+:\d+:\d+/); // no stack trace

    // Queries read only the local read models: they keep answering during the outage.
    const query = await timed(
      admin.get(`/v1/users/${before.body.userId}`),
      ANSWER_WITHIN_MS,
      'a query while EventStoreDB is down',
    );
    expect(query.value.status).toBe(200);

    // The same port and the same data, as a restarted node would have.
    server = await startEsdbTestServer({ port: server.port, log: server.log });
    await eventually('/health/ready to answer 200 again', async () =>
      (await ledger.as('auditor').get('/health/ready')).status === 200 ? true : undefined,
    );

    // A new command's answer waits for the read models: only a resubscribed projector lets it see its own change.
    const after = await admin
      .post('/v1/users', { userPrincipalName: 'after@contoso.com', displayName: 'After', usageLocation: 'US' })
      .expect(201);
    expect(after.headers['x-ledger-position']).toMatch(/^\d+$/);
    await admin.get(`/v1/users/${after.body.userId}`).expect(200);
    const users = (await admin.get('/v1/users').expect(200)).body.items.map(
      (user: { userPrincipalName: string }) => user.userPrincipalName,
    );
    // Nothing from the failed command, every other user exactly once.
    expect(users.sort()).toEqual(['after@contoso.com', 'before@contoso.com']);
  });
});
