import { TokenService, type Role } from '@app/application';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../support/api-process';

const SECRET = 'retention-process-secret-0123456789abcdef';
const tokens = TokenService.fromSecret(SECRET, 'default');

/** A client of one API process, as a script would drive it. */
function client(api: ApiProcess) {
  const call = async (method: string, path: string, body?: object, roles: Role[] = ['global-admin']) => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens.sign({ actorId: 'root', roles, ttlSeconds: 600 })}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}\n${api.output()}`);
    return JSON.parse(text);
  };
  return {
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body?: object) => call('POST', path, body),
    put: (path: string, body: object) => call('PUT', path, body, ['compliance']),
    delete: (path: string) => call('DELETE', path),
    advance: async (by: { days?: number; hours?: number; minutes?: number }) =>
      (await call('POST', '/v1/clock/advance', by)).now as string,
    async user(name: string, exchange: boolean): Promise<string> {
      const { userId } = await call('POST', '/v1/users', {
        userPrincipalName: `${name}@contoso.com`,
        displayName: name,
        usageLocation: 'GB',
      });
      if (exchange)
        await call('POST', `/v1/users/${userId}/assignLicense`, {
          addLicenses: [{ skuId: 'O365_BP' }],
          removeLicenses: [],
        });
      return userId as string;
    },
    removeExchange: (userId: string) =>
      call('POST', `/v1/users/${userId}/assignLicense`, { addLicenses: [], removeLicenses: ['O365_BP'] }),
  };
}

/** The user ids of every stored event of this type, read straight from the event log file. */
function storedUserIds(dataDir: string, type: string): string[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], { data: string }>('SELECT data FROM events WHERE type = ? ORDER BY position')
      .all(type)
      .map((row) => (JSON.parse(row.data) as { userId: string }).userId);
  } finally {
    db.close();
  }
}

function environment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-retention-process-')),
    LEDGER_CLOCK: 'manual',
    LEDGER_JWT_SECRET: SECRET,
    LEDGER_EVENT_STORE: 'sqlite',
    ...extra,
  };
}

/** Each test boots API processes from the sources (ts-node): on a loaded machine that alone can take most of jest's default 30 s. */
const PROCESS_TEST_BUDGET_MS = 180_000;

const SUBSCRIPTION = {
  skuId: 'O365_BP',
  name: 'Business Premium',
  servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
  seats: 20,
};

/** L5 "exactly once, even across restarts and several processes", with real API processes on one data folder. */
describe('Retention saga across processes', () => {
  const running: ApiProcess[] = [];
  const start = async (env: Record<string, string>) => {
    const api = await startApiProcess(env);
    running.push(api);
    return api;
  };
  afterAll(async () => {
    await Promise.all(running.map((api) => api.kill('SIGTERM')));
  });

  it(
    'L5: killed with SIGKILL during the grace period, restarted, the clock advanced: purged exactly once',
    async () => {
      const env = environment();
      const first = client(await start(env));
      await first.post('/v1/subscriptions', SUBSCRIPTION);
      const ada = await first.user('ada', true);
      const softDeleted = (await first.removeExchange(ada)).mailbox;
      await first.advance({ days: 29 });
      const before = (await first.get('/v1/clock')).now as string;
      await running[0].kill('SIGKILL');

      const second = client(await start(env));
      // The manual clock survived the kill, and nothing was purged early.
      expect((await second.get('/v1/clock')).now).toBe(before);
      expect(await second.advance({ hours: 23, minutes: 59 })).toBe(
        new Date(Date.parse(softDeleted.purgeAfter) - 60_000).toISOString(),
      );
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'MailboxPurged')).toEqual([]);

      expect(await second.advance({ minutes: 1 })).toBe(softDeleted.purgeAfter);
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'MailboxPurged')).toEqual([ada]);
      expect((await second.get(`/v1/users/${ada}`)).mailbox).toMatchObject({
        status: 'purged',
        purgedAt: softDeleted.purgeAfter,
      });
      await second.advance({ days: 1 });
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'MailboxPurged')).toEqual([ada]);
    },
    PROCESS_TEST_BUDGET_MS,
  );

  it(
    'L5 U4: two processes on one data folder run the saga at once: each purge is stored once, not twice',
    async () => {
      // Short intervals on both, on top of the two passes the concurrent advances run: many chances to collide.
      const env = environment({ LEDGER_RETENTION_INTERVAL_MS: '50' });
      const [a, b] = (await Promise.all([start(env), start(env)])).map(client);
      await a.post('/v1/subscriptions', SUBSCRIPTION);
      const softDeleted: string[] = [];
      for (let i = 0; i < 12; i++) {
        const userId = await a.user(`user${i}`, true);
        await a.removeExchange(userId);
        softDeleted.push(userId);
      }
      const deletedWithMailbox = await a.user('deleted-with-mailbox', true);
      const deletedWithout = await a.user('deleted-without', false);
      await b.delete(`/v1/users/${deletedWithMailbox}`);
      await b.delete(`/v1/users/${deletedWithout}`);

      await a.advance({ days: 29, hours: 23, minutes: 59 });
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'MailboxPurged')).toEqual([]);

      // Both move the shared clock past purgeAfter and each answers after a pass of its own at that time.
      await Promise.all([a.advance({ minutes: 1 }), b.advance({ minutes: 1 })]);
      const mailboxPurges = storedUserIds(env.LEDGER_DATA_DIR, 'MailboxPurged');
      expect([...mailboxPurges].sort()).toEqual([...softDeleted, deletedWithMailbox].sort());
      const userPurges = storedUserIds(env.LEDGER_DATA_DIR, 'UserPurged');
      expect([...userPurges].sort()).toEqual([deletedWithMailbox, deletedWithout].sort());

      // Both processes see the same purged read model; more passes on either change nothing.
      for (const api of [a, b]) {
        const page = await api.get('/v1/retention/mailboxes?status=purged');
        expect(page.items).toHaveLength(13);
      }
      await Promise.all([a.advance({ days: 1 }), b.advance({ days: 1 })]);
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'MailboxPurged')).toHaveLength(13);
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'UserPurged')).toHaveLength(2);
    },
    PROCESS_TEST_BUDGET_MS,
  );

  it(
    'H1 H2: a held, deleted user survives a SIGKILL at day 29 and a clock at day 400; released, it is purged once, 30 days later',
    async () => {
      const env = environment();
      const first = client(await start(env));
      await first.post('/v1/subscriptions', SUBSCRIPTION);
      const hal = await first.user('hal', true);
      expect((await first.put(`/v1/users/${hal}/hold`, { reason: 'Litigation 2026-114' })).hold).toMatchObject({
        reason: 'Litigation 2026-114',
      });
      await first.delete(`/v1/users/${hal}`);
      await first.advance({ days: 29 });
      await running[running.length - 1].kill('SIGKILL');

      const second = client(await start(env));
      await second.advance({ days: 371 });
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'MailboxPurged')).toEqual([]);
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'UserPurged')).toEqual([]);
      expect(await second.get(`/v1/users/${hal}`)).toMatchObject({
        status: 'deleted',
        mailbox: { status: 'softDeleted', hold: true },
      });

      const releasedAt = (await second.get('/v1/clock')).now as string;
      const released = await second.call('DELETE', `/v1/users/${hal}/hold`, undefined, ['compliance']);
      const purgeAfter = new Date(Date.parse(releasedAt) + 30 * 24 * 60 * 60 * 1000).toISOString();
      expect(released).toMatchObject({ hold: null, purgeAfter, mailbox: { purgeAfter, hold: false } });
      await second.advance({ days: 29, hours: 23, minutes: 59 });
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'UserPurged')).toEqual([]);
      await second.advance({ minutes: 1 });
      await second.advance({ days: 1 });
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'MailboxPurged')).toEqual([hal]);
      expect(storedUserIds(env.LEDGER_DATA_DIR, 'UserPurged')).toEqual([hal]);
    },
    PROCESS_TEST_BUDGET_MS,
  );
});
