import { JwtService } from '@nestjs/jwt';
import { TokenError, TokenService, parseTtl } from '@app/application';

describe('TokenService', () => {
  const tokens = TokenService.fromSecret('unit-secret', 'default');

  it('signs HS256 tokens with the claims of API.md and verifies them back', async () => {
    const token = tokens.sign({
      actorId: 'alice',
      name: 'Alice',
      roles: ['user-admin', 'auditor'],
      tenantId: 't1',
      ttlSeconds: 60,
    });
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({
      sub: 'alice',
      name: 'Alice',
      roles: ['user-admin', 'auditor'],
      tid: 't1',
      iat: expect.any(Number),
      exp: payload.iat + 60,
    });
    await expect(tokens.verify(token)).resolves.toEqual({
      id: 'alice',
      name: 'Alice',
      tenantId: 't1',
      roles: ['user-admin', 'auditor'],
    });
  });

  it('uses the default tenant without tid and ignores unknown roles', async () => {
    const raw = new JwtService({ secret: 'unit-secret' }).sign(
      { sub: 'bob', roles: ['auditor', 'root'] },
      { expiresIn: 60 },
    );
    await expect(tokens.verify(raw)).resolves.toEqual({ id: 'bob', tenantId: 'default', roles: ['auditor'] });
  });

  it('refuses tokens of another secret, expired ones and ones without exp', async () => {
    const other = TokenService.fromSecret('other-secret', 'default').sign({
      actorId: 'a',
      roles: ['auditor'],
      ttlSeconds: 60,
    });
    await expect(tokens.verify(other)).rejects.toThrow(expect.objectContaining({ problem: 'invalidSignature' }));
    const expired = new JwtService({ secret: 'unit-secret' }).sign({
      sub: 'a',
      roles: [],
      exp: Math.floor(Date.now() / 1000) - 61,
    }); // past the 60 s skew
    await expect(tokens.verify(expired)).rejects.toThrow(expect.objectContaining({ problem: 'expired' }));
    const eternal = new JwtService({ secret: 'unit-secret' }).sign({ sub: 'a', roles: [] });
    await expect(tokens.verify(eternal)).rejects.toThrow(TokenError);
    await expect(tokens.verify('x.y.z')).rejects.toThrow(expect.objectContaining({ problem: 'malformed' }));
  });

  describe('token policy: iat/nbf with 60 s of skew, LEDGER_JWT_MAX_TTL', () => {
    const raw = new JwtService({ secret: 'unit-secret' });
    const now = () => Math.floor(Date.now() / 1000);

    it('refuses a token issued in the future beyond the skew, accepts one within it', async () => {
      const future = raw.sign({ sub: 'a', roles: ['auditor'], iat: now() + 600, exp: now() + 1200 });
      await expect(tokens.verify(future)).rejects.toMatchObject({
        problem: 'notYetValid',
        message: expect.stringContaining('issued in the future'),
      });
      const skewed = raw.sign({ sub: 'a', roles: ['auditor'], iat: now() + 30, exp: now() + 600 });
      await expect(tokens.verify(skewed)).resolves.toMatchObject({ id: 'a' });
    });

    it('refuses nbf beyond the skew', async () => {
      const later = raw.sign({ sub: 'a', roles: ['auditor'], nbf: now() + 600, exp: now() + 1200 });
      await expect(tokens.verify(later)).rejects.toMatchObject({ problem: 'notYetValid' });
      const soon = raw.sign({ sub: 'a', roles: ['auditor'], nbf: now() + 30, exp: now() + 600 });
      await expect(tokens.verify(soon)).resolves.toMatchObject({ id: 'a' });
    });

    it('refuses tokens living longer than the maximum TTL, with a clear message', async () => {
      const capped = new TokenService('unit-secret', { defaultTenant: 'default', maxTtlSeconds: 3600 });
      const long = tokens.sign({ actorId: 'a', roles: ['auditor'], ttlSeconds: 7200 });
      await expect(capped.verify(long)).rejects.toMatchObject({
        problem: 'tooLongLived',
        message:
          'The bearer token lives 7200 s, longer than the 3600 s this API accepts; request a shorter-lived token.',
      });
      await expect(
        capped.verify(tokens.sign({ actorId: 'a', roles: ['auditor'], ttlSeconds: 3600 })),
      ).resolves.toMatchObject({ id: 'a' });
      // Without iat the lifetime counts from now.
      await expect(
        capped.verify(raw.sign({ sub: 'a', roles: ['auditor'], exp: now() + 7200 }, { noTimestamp: true })),
      ).rejects.toMatchObject({ problem: 'tooLongLived' });
    });
  });

  it('refuses to sign nonsense', () => {
    expect(() => tokens.sign({ actorId: '', roles: ['auditor'], ttlSeconds: 60 })).toThrow(RangeError);
    expect(() => tokens.sign({ actorId: 'a', roles: [], ttlSeconds: 60 })).toThrow(RangeError);
    expect(() => tokens.sign({ actorId: 'a', roles: ['auditor'], tenantId: 'no/slash', ttlSeconds: 60 })).toThrow(
      RangeError,
    );
  });
});

describe('parseTtl', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604_800],
    ['2w', 1_209_600],
  ])('%s = %i seconds', (ttl, seconds) => expect(parseTtl(ttl)).toBe(seconds));

  it.each(['', '0', '1y', '-5m', 'soon', '1.5h'])('refuses "%s"', (ttl) =>
    expect(() => parseTtl(ttl)).toThrow(RangeError),
  );
});
