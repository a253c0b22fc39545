import { CLOCK_SKEW_SECONDS, TokenError, TokenService } from '@app/application';

const SECRET = 'verified-tokens-secret-0123456789abcdef';

/** Date only: jose's signature check runs on real timers and promises. */
const fakeDate = (now: number) => {
  jest.useFakeTimers({
    now,
    doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask', 'hrtime', 'performance'],
  });
};

describe('Verified bearer tokens are remembered', () => {
  afterEach(() => jest.useRealTimers());

  it('a token verified once is refused as expired once exp plus the clock skew has passed', async () => {
    const start = Date.UTC(2026, 0, 1);
    fakeDate(start);
    const tokens = TokenService.fromSecret(SECRET, 'default');
    const token = tokens.sign({ actorId: 'alice', roles: ['user-admin'], ttlSeconds: 60 });
    await expect(tokens.verify(token)).resolves.toMatchObject({ id: 'alice', tenantId: 'default' });
    jest.setSystemTime(start + (60 + CLOCK_SKEW_SECONDS) * 1000 - 1);
    await expect(tokens.verify(token)).resolves.toMatchObject({ id: 'alice' });
    jest.setSystemTime(start + (60 + CLOCK_SKEW_SECONDS) * 1000);
    await expect(tokens.verify(token)).rejects.toEqual(new TokenError('expired', 'The bearer token has expired.'));
  });

  it('the remembered actor cannot be changed by one request for the next', async () => {
    const tokens = TokenService.fromSecret(SECRET, 'default');
    const token = tokens.sign({ actorId: 'bob', roles: ['auditor'], ttlSeconds: 600 });
    const first = await tokens.verify(token);
    expect(() => (first.roles as string[]).push('global-admin')).toThrow(TypeError);
    expect((await tokens.verify(token)).roles).toEqual(['auditor']);
  });
});
