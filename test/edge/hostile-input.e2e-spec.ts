import { TokenService } from '@app/application';
import fc from 'fast-check';
import request from 'supertest';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';

interface CommandRoute {
  method: 'post' | 'put' | 'patch';
  path: string;
  /** Property names of the body's schema, so generated bodies also reach the deeper validation. */
  fields: string[];
}

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

/** Every operation of the OpenAPI document that takes a JSON body: a new route is covered without editing this file. */
function commandRoutes(document: OpenApi): CommandRoute[] {
  const routes: CommandRoute[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['post', 'put', 'patch'] as const) {
      const schema = item[method]?.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const body = schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : undefined;
      // A body with no required field (`{}` sets empty alert rules) may be valid by chance: no hostile input then.
      if (body?.properties && !body.required?.length && !path.includes('{')) continue;
      const properties = body?.properties;
      // Path parameters name nothing that exists, so even a body that happens to be valid changes nothing.
      routes.push({
        method,
        path: path.replace(/\{[^}]+\}/g, (param) =>
          /sku/i.test(param) ? 'NO_SUCH_SKU' : '00000000-0000-4000-8000-00000000dead',
        ),
        fields: Object.keys(properties ?? {}),
      });
    }
  }
  return routes;
}

const hostileString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'a\ud800@x.test',
    '\udc00',
    'n\u0000@x.test',
    '=1+1',
    '../../etc/passwd',
    '%00',
    'x'.repeat(5000),
    '__proto__',
  ),
);
const hostileKey = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', '', 'a\ud800'));
const deep = fc.integer({ min: 30, max: 3000 }).map((levels) => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
});
const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 1.5),
    hostileString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 5 }),
    deep,
  ),
})).value;

/** A body of the route's own fields with hostile values, or any JSON at all, or text that is not JSON. */
const bodyFor = (route: CommandRoute) =>
  fc.oneof(
    route.fields.length > 0
      ? fc
          .record(Object.fromEntries(route.fields.map((field) => [field, anyJson])), { requiredKeys: [] })
          .map((body) => JSON.stringify(body))
      : fc.constant('{}'),
    anyJson.map((body) => JSON.stringify(body) ?? 'null'),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );

/** Random JSON of every shape against every command route: never a 5xx, nothing appended, the server still healthy. */
describe('Hostile input (property-based, from the OpenAPI document)', () => {
  let ledger: LedgerApp;
  beforeAll(async () => (ledger = await startLedgerApp()));
  afterAll(() => ledger.close());

  it('never answers 5xx, appends no event and leaves the server healthy', async () => {
    const server = ledger.app.getHttpServer();
    const routes = commandRoutes((await request(server).get('/docs-json').expect(200)).body as OpenApi);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(['post /v1/users', 'post /v1/licenses/bulk']),
    );
    const admin = ledger.as('global-admin');
    const token = `Bearer ${TokenService.fromSecret(ledger.config.jwtSecret, ledger.config.defaultTenant).sign({ actorId: 'fuzz', roles: ['global-admin'], ttlSeconds: 600 })}`;
    const seen = new Set<string>();
    const before = (await ledger.events()).length;

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((route) => fc.tuple(fc.constant(route), bodyFor(route))),
        async ([route, body]) => {
          const response = await request(server)
            [route.method](route.path)
            .set('Authorization', token)
            .set('Content-Type', 'application/json')
            .send(body);
          expect(response.status).toBeLessThan(500);
          expect(response.body).toMatchObject({
            statusCode: response.status,
            error: expect.any(String),
            message: expect.any(String),
          });
          seen.add(response.body.error);
        },
      ),
      { numRuns: 400 },
    );

    // The bodies got past authentication and the parser into validation and the handlers.
    expect([...seen]).toEqual(expect.arrayContaining(['ValidationFailed', 'MalformedJson']));
    expect(seen.has('Unauthenticated')).toBe(false);
    expect((await ledger.events()).length).toBe(before);
    await request(server).get('/health/ready').expect(200);
    await admin
      .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 })
      .expect(201);
  });
});
