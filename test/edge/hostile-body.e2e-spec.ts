import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';

/** Bodies that are not plain data: refused with 400 ValidationFailed naming the field, never a 500, nothing appended. */
describe('The body gate', () => {
  let ledger: LedgerApp;
  let admin: Caller;
  let userId: string;
  let eventsBefore: number;

  beforeAll(async () => {
    ledger = await startLedgerApp();
    admin = ledger.as('global-admin');
    userId = (
      await admin
        .post('/v1/users', { userPrincipalName: 'a@x.test', displayName: 'A', usageLocation: 'US' })
        .expect(201)
    ).body.userId;
  });
  beforeEach(async () => (eventsBefore = (await ledger.events()).length));
  afterEach(async () => expect((await ledger.events()).length).toBe(eventsBefore));
  afterAll(() => ledger.close());

  const fieldsOf = (body: { details?: { fields?: Record<string, string[]> } }) =>
    Object.keys(body.details?.fields ?? {});
  const nested = (levels: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
  };

  it('3,000 levels of nesting → 400 naming the field at the limit', async () => {
    const response = await admin.post('/v1/users', {
      userPrincipalName: 'deep@x.test',
      displayName: 'D',
      extra: nested(3000),
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('ValidationFailed');
    expect(fieldsOf(response.body)).toEqual([['extra', ...Array(31).fill('a')].join('.')]);
  });

  it('nesting within the limit still reaches validation (an unknown field, not a gate refusal)', async () => {
    const response = await admin
      .post('/v1/users', { userPrincipalName: 'deep@x.test', displayName: 'D', extra: nested(30) })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['extra']);
  });

  it('a lone surrogate in userPrincipalName, aliases or a new alias → 400 naming it', async () => {
    const upn = await admin.post('/v1/users', { userPrincipalName: 'a\ud800@x.test', displayName: 'S' }).expect(400);
    expect(upn.body.error).toBe('ValidationFailed');
    expect(fieldsOf(upn.body)).toEqual(['userPrincipalName']);
    const aliases = await admin
      .post('/v1/users', { userPrincipalName: 's@x.test', displayName: 'S', aliases: ['ok@x.test', 'a\udc00@x.test'] })
      .expect(400);
    expect(fieldsOf(aliases.body)).toEqual(['aliases.1']);
    const alias = await admin.post(`/v1/users/${userId}/aliases`, { alias: 'a\ud800@x.test' }).expect(400);
    expect(fieldsOf(alias.body)).toEqual(['alias']);
  });

  it('NUL and other control characters in names and e-mails → 400', async () => {
    const response = await admin
      .post('/v1/users', { userPrincipalName: 'n\u0000@x.test', displayName: 'Bell\u0007' })
      .expect(400);
    expect(fieldsOf(response.body).sort()).toEqual(['displayName', 'userPrincipalName']);
    const rename = await admin.patch(`/v1/users/${userId}`, { displayName: 'A\u0085B' }).expect(400);
    expect(fieldsOf(rename.body)).toEqual(['displayName']);
  });

  it('__proto__, constructor and prototype keys → 400 like any unknown field', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = `{"userPrincipalName": "p-${key}@x.test", "displayName": "P", "${key}": {"isAdmin": true}}`;
      const response = await admin.post('/v1/users').set('Content-Type', 'application/json').send(body).expect(400);
      expect(response.body.error).toBe('ValidationFailed');
      expect(fieldsOf(response.body)).toEqual([key]);
    }
    const nestedKey = '{"addLicenses": [{"skuId": "E3", "__proto__": {"x": 1}}], "removeLicenses": []}';
    const response = await admin
      .post(`/v1/users/${userId}/assignLicense`)
      .set('Content-Type', 'application/json')
      .send(nestedKey)
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['addLicenses.0.__proto__']);
  });
});
