import { LedgerApp, startLedgerApp } from '../support/ledger-app';

type Operation = {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
};

/** The read-your-writes headers (API.md, "Many API nodes, one store") as /docs-json declares them, and as the API sends them. */
describe('OpenAPI declares X-Ledger-Min-Position on every GET and X-Ledger-Position on every ledger command', () => {
  let ledger: LedgerApp;
  let operations: { method: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    ledger = await startLedgerApp();
    const document = (await ledger.as('auditor').get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
    );
  });
  afterAll(() => ledger.close());

  const headerNames = (operation: Operation) =>
    (operation.parameters ?? []).filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name);

  it('every GET takes X-Ledger-Min-Position and may answer 503 ReadModelBehind', () => {
    const gets = operations.filter(({ method }) => method === 'get');
    expect(gets.length).toBeGreaterThan(10);
    const lacking = gets.filter(
      ({ operation }) =>
        !headerNames(operation).includes('X-Ledger-Min-Position') ||
        !operation.responses['503']?.description.includes('ReadModelBehind'),
    );
    expect(lacking.map(({ path }) => path)).toEqual([]);
  });

  it('every success of a ledger command declares X-Ledger-Position and Idempotent-Replayed; the clock advance only the latter', () => {
    const commands = operations.filter(({ operation }) => headerNames(operation).includes('Idempotency-Key'));
    expect(commands.length).toBeGreaterThan(15);
    for (const { method, path, operation } of commands) {
      const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      expect({ method, path, successes: successes.length }).toEqual({ method, path, successes: 1 });
      const declared = Object.keys(successes[0][1].headers ?? {}).sort();
      expect({ method, path, declared }).toEqual({
        method,
        path,
        declared: path === '/v1/clock/advance' ? ['Idempotent-Replayed'] : ['Idempotent-Replayed', 'X-Ledger-Position'],
      });
    }
  });

  it('the headers declared are the ones sent and read: a command answers X-Ledger-Position, a GET waits for it', async () => {
    const admin = ledger.as('global-admin');
    const created = await admin
      .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 2 })
      .expect(201);
    const position = created.headers['x-ledger-position'];
    expect(position).toMatch(/^\d{1,20}$/);
    const read = await admin.get('/v1/subscriptions/E3').set('X-Ledger-Min-Position', position).expect(200);
    expect(read.body).toMatchObject({ skuId: 'E3', valid: 2 });
    const bad = await admin.get('/v1/subscriptions/E3').set('X-Ledger-Min-Position', 'latest').expect(400);
    expect(bad.body.error).toBe('ValidationFailed');
  });
});
