import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';

/** Every class of client mistake gets the contract's 4xx, names the field or id, and appends nothing. */
describe('Bad input never changes the ledger', () => {
  let ledger: LedgerApp;
  let admin: Caller;
  let userId: string;
  let eventsBefore: number;

  beforeAll(async () => {
    ledger = await startLedgerApp();
    admin = ledger.as('global-admin');
    await admin
      .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 })
      .expect(201);
    userId = (
      await admin.post('/v1/users', { userPrincipalName: 'a@x.com', displayName: 'A', usageLocation: 'US' }).expect(201)
    ).body.userId;
  });
  beforeEach(async () => (eventsBefore = (await ledger.events()).length));
  afterEach(async () => expect((await ledger.events()).length).toBe(eventsBefore));
  afterAll(() => ledger.close());

  const fieldsOf = (body: { details?: { fields?: Record<string, string[]> } }) =>
    Object.keys(body.details?.fields ?? {});

  it('malformed JSON → 400 MalformedJson', async () => {
    const response = await admin
      .post('/v1/users')
      .set('Content-Type', 'application/json')
      .send('{"userPrincipalName": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'MalformedJson' });
  });

  it('unknown fields → 400 ValidationFailed naming them', async () => {
    const response = await admin
      .post('/v1/users', { userPrincipalName: 'b@x.com', displayName: 'B', isAdmin: true })
      .expect(400);
    expect(response.body.error).toBe('ValidationFailed');
    expect(fieldsOf(response.body)).toContain('isAdmin');
  });

  it('wrong types and out-of-range numbers → 400 naming each field', async () => {
    const seats = await admin
      .post('/v1/subscriptions', { skuId: 'X1', name: 'X', servicePlans: ['EXCHANGE'], seats: 1_000_001 })
      .expect(400);
    expect(fieldsOf(seats.body)).toEqual(['seats']);
    const count = await admin.post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 0 }).expect(400);
    expect(fieldsOf(count.body)).toEqual(['count']);
    const types = await admin
      .post('/v1/subscriptions', { skuId: 'lower-case', name: 7, servicePlans: 'EXCHANGE', seats: '3' })
      .expect(400);
    expect(fieldsOf(types.body).sort()).toEqual(['name', 'seats', 'servicePlans', 'skuId']);
    const nested = await admin
      .post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'bad sku' }], removeLicenses: [] })
      .expect(400);
    expect(fieldsOf(nested.body)).toEqual(['addLicenses.0.skuId']);
  });

  it('bad e-mails and locations → 400', async () => {
    const response = await admin
      .post('/v1/users', {
        userPrincipalName: 'not-an-email',
        displayName: 'C',
        usageLocation: 'us',
        aliases: ['nope'],
      })
      .expect(400);
    expect(fieldsOf(response.body).sort()).toEqual(['aliases', 'usageLocation', 'userPrincipalName']);
    const unknownCountry = await admin.patch(`/v1/users/${userId}`, { usageLocation: 'ZZ' }).expect(400);
    expect(fieldsOf(unknownCountry.body)).toEqual(['usageLocation']);
    // null is not "no change": it is refused, so the view and the rules never disagree.
    const nulls = await admin.patch(`/v1/users/${userId}`, { usageLocation: null, displayName: null }).expect(400);
    expect(fieldsOf(nulls.body).sort()).toEqual(['displayName', 'usageLocation']);
    const nullPlans = await admin
      .post(`/v1/users/${userId}/assignLicense`, {
        addLicenses: [{ skuId: 'E3', disabledPlans: null }],
        removeLicenses: [],
      })
      .expect(400);
    expect(fieldsOf(nullPlans.body)).toEqual(['addLicenses.0.disabledPlans']);
  });

  it('bodies that are not objects, and oversized bodies', async () => {
    const array = await admin.post('/v1/users').set('Content-Type', 'application/json').send('[1,2]').expect(400);
    expect(array.body.error).toBe('ValidationFailed');
    const huge = await admin
      .post('/v1/users', { userPrincipalName: 'd@x.com', displayName: 'x'.repeat(2_000_000) })
      .expect(413);
    expect(huge.body.error).toBe('PayloadTooLarge');
  });

  it('bulk limits: 1–1,000 distinct user ids', async () => {
    const none = await admin.post('/v1/licenses/bulk', { userIds: [], skuIds: ['E3'], mode: 'add' }).expect(400);
    expect(fieldsOf(none.body)).toEqual(['userIds']);
    const twice = await admin
      .post('/v1/licenses/bulk', { userIds: [userId, userId], skuIds: ['E3'], mode: 'add' })
      .expect(400);
    expect(fieldsOf(twice.body)).toEqual(['userIds']);
    const ids = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await admin.post('/v1/licenses/bulk', { userIds: ids, skuIds: ['E3'], mode: 'add' }).expect(400);
    const mode = await admin
      .post('/v1/licenses/bulk', { userIds: [userId], skuIds: ['E3'], mode: 'merge' })
      .expect(400);
    expect(fieldsOf(mode.body)).toEqual(['mode']);
  });

  it('unknown users and SKUs → 404 naming the id', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    const user = await admin
      .post(`/v1/users/${missing}/assignLicense`, { addLicenses: [], removeLicenses: [] })
      .expect(404);
    expect(user.body).toMatchObject({ error: 'UserNotFound', details: { userId: missing } });
    const sku = await admin
      .post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'NOPE' }], removeLicenses: [] })
      .expect(404);
    expect(sku.body).toMatchObject({ error: 'SubscriptionNotFound', details: { skuId: 'NOPE' } });
    await admin.get('/v1/subscriptions/NOPE').expect(404);
    await admin.get(`/v1/users/${missing}`).expect(404);
    await admin.post('/v1/subscriptions/NOPE/seats', { action: 'expire', count: 1 }).expect(404);
    const route = await admin.get('/v1/nothing-here').expect(404);
    expect(route.body.error).toBe('NotFound');
  });

  it('rule violations → 409 with the contract code', async () => {
    const exists = await admin
      .post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 })
      .expect(409);
    expect(exists.body.error).toBe('SubscriptionExists');
    const plan = await admin
      .post('/v1/subscriptions', { skuId: 'E9', name: 'E9', servicePlans: ['TEAMS'], seats: 1 })
      .expect(409);
    expect(plan.body).toMatchObject({ error: 'UnknownServicePlan', details: { servicePlans: ['TEAMS'] } });
    const expire = await admin.post('/v1/subscriptions/E3/seats', { action: 'expire', count: 2 }).expect(409);
    expect(expire.body.error).toBe('NotEnoughSeatsToExpire');
    const renew = await admin.post('/v1/subscriptions/E3/seats', { action: 'renew', count: 1 }).expect(409);
    expect(renew.body.error).toBe('NotEnoughSeatsToRenew');
    const upn = await admin.post('/v1/users', { userPrincipalName: 'A@X.COM', displayName: 'Again' }).expect(409);
    expect(upn.body.error).toBe('UserPrincipalNameTaken');
    const alias = await admin.post(`/v1/users/${userId}/aliases`, { alias: 'a@x.com' }).expect(409);
    expect(alias.body.error).toBe('AliasTaken');
  });

  it('idempotency: the same key with another body → 422, and nothing appended', async () => {
    const key = 'create-e-once';
    const first = await admin
      .post('/v1/users', { userPrincipalName: 'e@x.com', displayName: 'E' })
      .set('Idempotency-Key', key)
      .expect(201);
    eventsBefore += 1;
    const replay = await admin
      .post('/v1/users', { userPrincipalName: 'e@x.com', displayName: 'E' })
      .set('Idempotency-Key', key)
      .expect(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['x-ledger-position']).toBe(first.headers['x-ledger-position']);
    const reused = await admin
      .post('/v1/users', { userPrincipalName: 'f@x.com', displayName: 'F' })
      .set('Idempotency-Key', key)
      .expect(422);
    expect(reused.body.error).toBe('IdempotencyKeyReused');
  });
});

describe('Roles and tenants', () => {
  let ledger: LedgerApp;
  beforeAll(async () => (ledger = await startLedgerApp()));
  afterAll(() => ledger.close());

  it('a token of tenant B never sees or changes tenant A', async () => {
    const a = ledger.as('global-admin', { tenant: 'tenant-a' });
    const b = ledger.as('global-admin', { tenant: 'tenant-b' });
    await a.post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 5 }).expect(201);
    const user = (
      await a.post('/v1/users', { userPrincipalName: 'ada@a.com', displayName: 'Ada', usageLocation: 'FR' }).expect(201)
    ).body.userId;
    expect((await b.get('/v1/subscriptions').expect(200)).body.items).toEqual([]);
    await b.get(`/v1/users/${user}`).expect(404);
    await b.post(`/v1/users/${user}/assignLicense`, { addLicenses: [], removeLicenses: [] }).expect(404);
    // The same skuId and UPN are free in another tenant.
    await b.post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 }).expect(201);
    await b.post('/v1/users', { userPrincipalName: 'ada@a.com', displayName: 'Ada B' }).expect(201);
    expect((await a.get('/v1/subscriptions/E3').expect(200)).body.valid).toBe(5);
  });

  it('each role may do what API.md says and no more', async () => {
    await ledger
      .as('user-admin')
      .post('/v1/subscriptions', { skuId: 'E5', name: 'E5', servicePlans: ['EXCHANGE'], seats: 1 })
      .expect(403);
    await ledger.as('auditor').post('/v1/users', { userPrincipalName: 'z@x.com', displayName: 'Z' }).expect(403);
    await ledger.as('auditor').get('/v1/users').expect(200);
    await ledger.as('compliance').get('/v1/users').expect(200);
    await ledger.as('compliance').post('/v1/users', { userPrincipalName: 'z@x.com', displayName: 'Z' }).expect(403);
    await ledger.as('auditor').put('/v1/users/any/hold', { reason: 'r' }).expect(403);
    await ledger.as('user-admin').post('/v1/users', { userPrincipalName: 'z@x.com', displayName: 'Z' }).expect(201);
  });
});
