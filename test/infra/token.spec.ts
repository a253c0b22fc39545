import { JwtService } from '@nestjs/jwt';
import { TokenError, TokenService, parseTtl } from '@app/application';

describe('TokenService', () => {
  const tokens = TokenService.fromSecret('unit-secret', 'default');

  it('signs HS256 tokens with the claims of API.md and verifies them back', () => {
    const token = tokens.sign({ actorId: 'alice', name: 'Alice', roles: ['user-admin', 'auditor'], tenantId: 't1', ttlSeconds: 60 });
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ sub: 'alice', name: 'Alice', roles: ['user-admin', 'auditor'], tid: 't1', iat: expect.any(Number), exp: payload.iat + 60 });
    expect(tokens.verify(token)).toEqual({ id: 'alice', name: 'Alice', tenantId: 't1', roles: ['user-admin', 'auditor'] });
  });

  it('uses the default tenant without tid and ignores unknown roles', () => {
    const raw = new JwtService({ secret: 'unit-secret' }).sign({ sub: 'bob', roles: ['auditor', 'root'] }, { expiresIn: 60 });
    expect(tokens.verify(raw)).toEqual({ id: 'bob', tenantId: 'default', roles: ['auditor'] });
  });

  it('refuses tokens of another secret, expired ones and ones without exp', () => {
    const other = TokenService.fromSecret('other-secret', 'default').sign({ actorId: 'a', roles: ['auditor'], ttlSeconds: 60 });
    expect(() => tokens.verify(other)).toThrow(expect.objectContaining({ problem: 'invalidSignature' }));
    const expired = new JwtService({ secret: 'unit-secret' }).sign({ sub: 'a', roles: [], exp: Math.floor(Date.now() / 1000) - 1 });
    expect(() => tokens.verify(expired)).toThrow(expect.objectContaining({ problem: 'expired' }));
    const eternal = new JwtService({ secret: 'unit-secret' }).sign({ sub: 'a', roles: [] });
    expect(() => tokens.verify(eternal)).toThrow(TokenError);
    expect(() => tokens.verify('x.y.z')).toThrow(expect.objectContaining({ problem: 'malformed' }));
  });

  it('refuses to sign nonsense', () => {
    expect(() => tokens.sign({ actorId: '', roles: ['auditor'], ttlSeconds: 60 })).toThrow(RangeError);
    expect(() => tokens.sign({ actorId: 'a', roles: [], ttlSeconds: 60 })).toThrow(RangeError);
    expect(() => tokens.sign({ actorId: 'a', roles: ['auditor'], tenantId: 'no/slash', ttlSeconds: 60 })).toThrow(RangeError);
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

  it.each(['', '0', '1y', '-5m', 'soon', '1.5h'])('refuses "%s"', (ttl) => expect(() => parseTtl(ttl)).toThrow(RangeError));
});
