import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import { TestFeatureModule, TestState } from './support/test-feature.module';
import { CountingReadModelStatus, SqliteStoreProbe, TestProbesModule } from './support/test-probes';
import { TEST_SECRET, createInfraApp, tempDataDir, type InfraApp } from './support/infra-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('HTTP infrastructure (guard, pipe, filter, idempotency, health, metrics, docs)', () => {
  let infra: InfraApp;
  let state: TestState;
  let probe: SqliteStoreProbe;
  let readModels: CountingReadModelStatus;
  let admin: string;

  beforeAll(async () => {
    const probeDir = tempDataDir('ledger-probe-');
    probe = new SqliteStoreProbe(probeDir);
    readModels = new CountingReadModelStatus();
    infra = await createInfraApp([TestFeatureModule, TestProbesModule.register(probe, readModels, { timeoutMs: 300 })]);
    state = infra.app.get(TestState);
    admin = infra.token(['user-admin'], { name: 'Alice' });
  });

  afterAll(async () => {
    await infra.close();
  });

  const http = () => request(infra.url);

  describe('authentication (401 Unauthenticated)', () => {
    const expect401 = async (authorization: string | undefined) => {
      const req = http().get('/v1/test/whoami');
      const res = await (authorization === undefined ? req : req.set('Authorization', authorization));
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'Unauthenticated', message: expect.any(String) });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
      return res;
    };
    const sign = (payload: Record<string, unknown>, secret = TEST_SECRET) =>
      new JwtService({ secret }).sign(payload, { algorithm: 'HS256' });
    const now = () => Math.floor(Date.now() / 1000);

    it('refuses a request without Authorization', async () => {
      const res = await expect401(undefined);
      expect(res.body.message).toMatch(/Missing bearer token/);
    });

    it('refuses a malformed Authorization header or token', async () => {
      await expect401('Basic YWxpY2U6c2VjcmV0');
      await expect401('Bearer');
      await expect401('Bearer not-a-jwt');
    });

    it('refuses a token signed with another secret', async () => {
      const res = await expect401(
        `Bearer ${sign({ sub: 'alice', roles: ['global-admin'], exp: now() + 60 }, 'another-secret')}`,
      );
      expect(res.body.message).toMatch(/signature/);
    });

    it('refuses a token expired beyond the 60 s clock skew', async () => {
      const res = await expect401(`Bearer ${sign({ sub: 'alice', roles: ['global-admin'], exp: now() - 61 })}`);
      expect(res.body.message).toMatch(/expired/);
    });

    it('refuses tokens missing required claims (roles, sub, exp) or with a bad tid', async () => {
      expect((await expect401(`Bearer ${sign({ sub: 'alice', exp: now() + 60 })}`)).body.message).toMatch(/roles/);
      expect((await expect401(`Bearer ${sign({ roles: ['auditor'], exp: now() + 60 })}`)).body.message).toMatch(/sub/);
      expect((await expect401(`Bearer ${sign({ sub: 'alice', roles: ['auditor'] })}`)).body.message).toMatch(/exp/);
      expect(
        (await expect401(`Bearer ${sign({ sub: 'alice', roles: 'auditor', exp: now() + 60 })}`)).body.message,
      ).toMatch(/roles/);
      expect(
        (await expect401(`Bearer ${sign({ sub: 'a', roles: [], tid: '../x', exp: now() + 60 })}`)).body.message,
      ).toMatch(/tid/);
    });

    it('refuses an unsigned (alg "none") token', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      await expect401(
        `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'eve', roles: ['global-admin'], exp: now() + 60 })}.`,
      );
    });

    it('gives the handler the actor from the token, with the default tenant when there is no tid', async () => {
      const res = await http().get('/v1/test/whoami').set('Authorization', `Bearer ${admin}`).expect(200);
      expect(res.body).toEqual({ id: 'alice', name: 'Alice', tenantId: 'default', roles: ['user-admin'] });
      const t1 = infra.token(['auditor'], { actor: 'bob', tenant: 't1' });
      expect((await http().get('/v1/test/whoami').set('Authorization', `Bearer ${t1}`).expect(200)).body).toEqual({
        id: 'bob',
        tenantId: 't1',
        roles: ['auditor'],
      });
    });
  });

  describe('roles (403 Forbidden)', () => {
    it('refuses a valid token without the needed role', async () => {
      const res = await http()
        .post('/v1/test/things')
        .set('Authorization', `Bearer ${infra.token(['auditor', 'compliance'])}`)
        .send({ name: 'x' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        statusCode: 403,
        error: 'Forbidden',
        details: { requiredRoles: ['user-admin'] },
      });
    });

    it('lets global-admin do everything', async () => {
      await http()
        .get('/v1/test/items')
        .set('Authorization', `Bearer ${infra.token(['global-admin'])}`)
        .expect(200);
      await http()
        .post('/v1/test/things')
        .set('Authorization', `Bearer ${infra.token(['global-admin'])}`)
        .send({ name: 'x' })
        .expect(201);
    });
  });

  describe('request bodies and parameters (never a 5xx for a client mistake)', () => {
    const post = (path = '/v1/test/things') => http().post(path).set('Authorization', `Bearer ${admin}`);

    it('answers MalformedJson for invalid JSON', async () => {
      const res = await post().set('Content-Type', 'application/json').send('{"name": "x",');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'MalformedJson',
        message: 'The request body is not valid JSON.',
      });
    });

    it('answers PayloadTooLarge above 256kb, while 1,000 user ids fit', async () => {
      const big = await post().send({ name: 'x'.repeat(300 * 1024) });
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ statusCode: 413, error: 'PayloadTooLarge' });
      expect(big.headers['x-request-id']).toMatch(UUID);

      const userIds = Array.from({ length: 1000 }, () => crypto.randomUUID());
      await post().send({ name: 'bulk', userIds }).expect(201);
    });

    it('names an unknown field, also a nested one, and nested constraint failures by path', async () => {
      const res = await post().send({
        name: 'x',
        colour: 'red',
        addLicenses: [{ skuId: 'E3' }, { skuId: 'bad sku', extra: 1 }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('ValidationFailed');
      expect(Object.keys(res.body.details.fields).sort()).toEqual([
        'addLicenses.1.extra',
        'addLicenses.1.skuId',
        'colour',
      ]);
      expect(res.body.details.fields['colour']).toEqual(['property colour should not exist']);
      expect(res.body.details.fields['addLicenses.1.skuId'][0]).toMatch(/skuId must match/);
      expect(res.body.message).toMatch(/addLicenses\.1\.skuId/);
    });

    it('answers a body it cannot decode with a 4xx', async () => {
      const charset = await post().set('Content-Type', 'application/json; charset=latin1').send('{"name":"x"}');
      expect(charset.status).toBe(415);
      expect(charset.body.error).toBe('UnsupportedMediaType');
      const gzip = await post()
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send('not gzip at all');
      expect(gzip.status).toBe(400);
      expect(gzip.body).toMatchObject({ statusCode: 400, error: 'MalformedJson' });
    });

    it('lists every missing required field', async () => {
      const res = await post().send({});
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toHaveProperty('name');
    });

    it.each([
      ['an array', '[{"name":"x"}]'],
      ['a string', '"name"'],
      ['a number', '42'],
      ['null', 'null'],
    ])('answers ValidationFailed for a JSON body that is %s', async (_what, raw) => {
      const res = await post().set('Content-Type', 'application/json').send(raw);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: 'ValidationFailed',
        details: { fields: { '(body)': ['the request body must be a JSON object'] } },
      });
    });

    it('treats a non-JSON content type as a missing body (400), not a crash', async () => {
      const res = await post().set('Content-Type', 'text/plain').send('name=x');
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('ValidationFailed');
      const form = await post().type('form').send({ name: 'x' });
      expect(form.status).toBe(400);
    });

    it('validates query parameters by type and refuses unknown ones', async () => {
      const auditor = `Bearer ${infra.token(['auditor'])}`;
      expect((await http().get('/v1/test/items?limit=25').set('Authorization', auditor).expect(200)).body).toEqual({
        limit: 25,
      });
      const wrongType = await http().get('/v1/test/items?limit=abc').set('Authorization', auditor);
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.details.fields).toHaveProperty('limit');
      expect((await http().get('/v1/test/items?limit=1&limit=2').set('Authorization', auditor)).status).toBe(400);
      const unknown = await http().get('/v1/test/items?sort=name').set('Authorization', auditor);
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.fields).toHaveProperty('sort');
    });

    it('answers NotFound for an unknown route or method, with or without a token', async () => {
      const res = await http().get('/v1/nope');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'NotFound', message: 'Cannot GET /v1/nope' });
      expect((await http().delete('/health/live')).body.error).toBe('NotFound');
      expect((await http().get('/v1/%E0%A4%A').set('Authorization', `Bearer ${admin}`)).status).toBeLessThan(500);
    });
  });

  describe('errors', () => {
    it('maps a DomainError to its own status, code, message and details', async () => {
      state.failNext = true;
      const res = await http().post('/v1/test/flaky').set('Authorization', `Bearer ${admin}`).send({ name: 'x' });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'InsufficientSeats',
        message: 'Not enough seats of ENTERPRISEPACK.',
        details: { ENTERPRISEPACK: { needed: 3, available: 1 } },
      });
    });

    it('answers anything else with a generic 500 InternalError that leaks nothing', async () => {
      const res = await http()
        .get('/v1/test/boom')
        .set('Authorization', `Bearer ${admin}`)
        .set('X-Request-Id', 'trace-42');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        statusCode: 500,
        error: 'InternalError',
        message: expect.any(String),
        details: { requestId: 'trace-42' },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/secret|ledger\.db/);
    });

    it('echoes a safe X-Request-Id and replaces an unsafe one with a UUID', async () => {
      expect((await http().get('/health/live').set('X-Request-Id', 'abc-123')).headers['x-request-id']).toBe('abc-123');
      expect((await http().get('/health/live').set('X-Request-Id', 'a b\tc')).headers['x-request-id']).toMatch(UUID);
      expect((await http().get('/health/live')).headers['x-request-id']).toMatch(UUID);
    });
  });

  describe('Idempotency-Key', () => {
    // Replays and refusals are the ledger's (test/ledger/idempotency.e2e-spec.ts); the HTTP layer only checks the header.
    it('refuses a key longer than 255 characters with ValidationFailed', async () => {
      const post = (key: string) =>
        http()
          .post('/v1/test/things')
          .set('Authorization', `Bearer ${admin}`)
          .set('Idempotency-Key', key)
          .send({ name: 'x' });
      const res = await post('k'.repeat(256));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: 'ValidationFailed',
        details: { fields: { 'Idempotency-Key': expect.any(Array) } },
      });
      await post('k'.repeat(255)).expect(201);
    });
  });

  describe('health', () => {
    it('is live while the process runs, without a token', async () => {
      expect((await http().get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
    });

    it('is ready when the store answers, and reports the read-model lag', async () => {
      readModels.checkpoint = 40n;
      readModels.head = 42n;
      const res = await http().get('/health/ready').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        details: { eventStore: { status: 'up' }, readModels: { status: 'up', checkpoint: '40', head: '42', lag: 2 } },
      });
    });

    it('answers 503 with the terminus body when the store probe hangs, within the time bound', async () => {
      probe.hang = true;
      try {
        const started = Date.now();
        const res = await http().get('/health/ready');
        expect(res.status).toBe(503);
        expect(Date.now() - started).toBeLessThan(2_000);
        expect(res.body).toMatchObject({
          status: 'error',
          error: { eventStore: { status: 'down', message: expect.stringMatching(/within 300 ms/) } },
        });
        expect(res.body.details.readModels).toMatchObject({ status: 'up', lag: 2 });
      } finally {
        probe.hang = false;
      }
    });

    it('answers 503 when the store is unreachable', async () => {
      probe.close();
      const res = await http().get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'error', error: { eventStore: { status: 'down' } } });
      // Liveness does not depend on the store.
      await http().get('/health/live').expect(200);
    });
  });

  describe('operations endpoints', () => {
    it('serves the OpenAPI 3 document at /docs-json and Swagger UI at /docs', async () => {
      const doc = (await http().get('/docs-json').expect(200)).body;
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info.title).toBe('License Ledger');
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const things = doc.paths['/v1/test/things'].post;
      expect(things.security).toEqual([{ bearer: [] }]);
      expect(things.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
      );
      expect(things.responses['503'].description).toMatch(/ServiceUnavailable/);
      // A GET does not append, so its only 503 is waiting for X-Ledger-Min-Position.
      expect(doc.paths['/v1/test/whoami'].get.responses['503'].description).toMatch(/^`ReadModelBehind`/);
      // Public: it says so, with no security requirement.
      expect(doc.paths['/health/ready'].get.security).toEqual([]);
      expect((await http().get('/docs').redirects(1)).text).toMatch(/swagger/i);
    });

    it('exposes Prometheus metrics with the request histogram by route template', async () => {
      await http().get('/v1/test/whoami').set('Authorization', `Bearer ${admin}`).expect(200);
      await http().get('/v1/does-not-exist').expect(404);
      const res = await http().get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/^process_cpu_user_seconds_total /m);
      expect(res.text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/v1\/test\/whoami",status_code="200"\} \d+/,
      );
      expect(res.text).toMatch(
        /http_request_duration_seconds_count\{method="POST",route="\/v1\/test\/things",status_code="201"\} \d+/,
      );
      expect(res.text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} \d+/,
      );
      expect(res.text).not.toMatch(/does-not-exist/);
    });
  });
});
