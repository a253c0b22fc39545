import { OIDC_JWKS_OPTIONS } from '../../apps/api/src/auth/auth.module';
import request from 'supertest';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';
import { IssuerKey, LocalIssuer, issuerKey, startLocalIssuer } from '../support/oidc-issuer';

/** Sign-in with the organization's identity provider (LEDGER_OIDC_*), against an issuer served on loopback. */
describe('OIDC bearer tokens', () => {
  let issuer: LocalIssuer;
  let other: LocalIssuer;
  let ledger: LedgerApp;
  let rsa: IssuerKey;
  let ec: IssuerKey;

  beforeAll(async () => {
    [issuer, other] = await Promise.all([startLocalIssuer(), startLocalIssuer()]);
    [rsa, ec] = await Promise.all([issuerKey('rsa-1', 'RS256'), issuerKey('ec-2', 'ES256')]);
    issuer.publish([rsa]);
    other.publish([rsa]);
    ledger = await startLedgerApp(
      { LEDGER_OIDC_ISSUER: issuer.url, LEDGER_OIDC_AUDIENCE: 'license-ledger', LEDGER_JWT_MAX_TTL: '1h' },
      // No pause between two JWKS fetches, so the rotation below needs no waiting.
      { providers: [{ provide: OIDC_JWKS_OPTIONS, useValue: { cooldownDuration: 0 } }] },
    );
  });
  afterAll(async () => {
    await ledger?.close();
    await Promise.all([issuer?.close(), other?.close()]);
  });

  const get = (token: string, path = '/v1/subscriptions') =>
    request(ledger.app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`);
  const admin = { sub: 'oid-ada', name: 'Ada', roles: ['global-admin'], tid: 'contoso' };

  it('accepts an RS256 token of the issuer: roles from "roles", tenant from "tid"; the JWKS is fetched once and cached', async () => {
    const token = await issuer.sign(rsa, admin);
    await request(ledger.app.getHttpServer())
      .post('/v1/subscriptions')
      .set('Authorization', `Bearer ${token}`)
      .send({ skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 })
      .expect(201);
    const [event] = await ledger.events('SubscriptionAdded');
    expect(event.metadata).toMatchObject({ tenantId: 'contoso', actor: { id: 'oid-ada', name: 'Ada' } });
    await get(token).expect(200);
    await get(await issuer.sign(rsa, admin)).expect(200);
    expect(issuer.jwksFetches()).toBe(1);
    // The HS256 development tokens keep working beside the provider's.
    expect(
      (await ledger.as('auditor', { tenant: 'contoso' }).get('/v1/subscriptions').expect(200)).body.items,
    ).toHaveLength(1);
  });

  it('follows a key rotation: a new ES256 key is fetched, the retired RS256 key no longer verifies', async () => {
    issuer.publish([ec]);
    await get(await issuer.sign(ec, admin)).expect(200);
    const retired = await get(await issuer.sign(rsa, admin)).expect(401);
    expect(retired.body).toMatchObject({
      error: 'Unauthenticated',
      message: 'No signing key of the identity provider matches the bearer token.',
    });
  });

  it('refuses a token of another issuer, even one signed with a key this issuer publishes', async () => {
    const foreign = await get(await other.sign(ec, admin)).expect(401);
    expect(foreign.body.message).toBe(
      'The bearer token was issued by another issuer than the configured identity provider.',
    );
  });

  it('refuses another audience, an expired token, a token living longer than LEDGER_JWT_MAX_TTL and one without roles', async () => {
    expect((await get(await issuer.sign(ec, admin, { audience: 'another-app' })).expect(401)).body.message).toBe(
      'The bearer token was issued for another audience.',
    );
    expect((await get(await issuer.sign(ec, admin, { ttlSeconds: -120 })).expect(401)).body.message).toBe(
      'The bearer token has expired.',
    );
    expect((await get(await issuer.sign(ec, admin, { ttlSeconds: 7200 })).expect(401)).body.message).toBe(
      'The bearer token lives 7200 s, longer than the 3600 s this API accepts; request a shorter-lived token.',
    );
    const { roles: _roles, ...noRoles } = admin;
    expect((await get(await issuer.sign(ec, noRoles)).expect(401)).body.message).toBe(
      'The bearer token has missing or invalid claims: roles.',
    );
  });

  it('takes roles and tenant from the claims named by LEDGER_OIDC_ROLES_CLAIM and LEDGER_OIDC_TENANT_CLAIM', async () => {
    const keycloak = await startLedgerApp({
      LEDGER_OIDC_ISSUER: issuer.url,
      LEDGER_OIDC_AUDIENCE: 'license-ledger',
      LEDGER_OIDC_ROLES_CLAIM: 'realm_access.roles',
      LEDGER_OIDC_TENANT_CLAIM: 'org',
    });
    try {
      const token = await issuer.sign(ec, {
        sub: 'kc-bob',
        realm_access: { roles: ['global-admin'] },
        org: 'fabrikam',
        roles: ['auditor'],
      });
      await request(keycloak.app.getHttpServer())
        .post('/v1/subscriptions')
        .set('Authorization', `Bearer ${token}`)
        .send({ skuId: 'K1', name: 'K1', servicePlans: ['EXCHANGE'], seats: 1 })
        .expect(201);
      expect((await keycloak.events('SubscriptionAdded'))[0].metadata).toMatchObject({
        tenantId: 'fabrikam',
        actor: { id: 'kc-bob' },
      });
    } finally {
      await keycloak.close();
    }
  });

  it('refuses an unsigned ("none") token', async () => {
    const [, payload] = (await issuer.sign(ec, admin)).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect((await get(none).expect(401)).body.message).toMatch(/not accepted/);
  });
});
