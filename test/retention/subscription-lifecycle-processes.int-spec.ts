import { TokenService } from '@app/application';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { EsdbTarget, esdbTarget, readTenantEvents, uniqueTenant } from '../esdb/support/esdb-target';

const SECRET = 'lifecycle-process-secret-0123456789abcdef';
/** Each test starts two to four API processes (each compiles the sources on start) on a machine shared with other runs. */
const PROCESSES_TIMEOUT_MS = 240_000;
const tokens = TokenService.fromSecret(SECRET, 'default');
const PLANS = ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'];

interface StoredEvent {
  type: string;
  data: { skuId?: string; userId?: string; reason?: string };
  causationId: string;
  position: bigint;
}

/** A client of one API process in one tenant, as a script would drive it. */
function client(api: ApiProcess, tenantId = 'default') {
  const token = tokens.sign({ actorId: 'root', roles: ['global-admin'], tenantId, ttlSeconds: 600 });
  const send = (method: string, path: string, body?: object, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const call = async (method: string, path: string, body?: object, headers?: Record<string, string>) => {
    const response = await send(method, path, body, headers);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}\n${api.output()}`);
    return JSON.parse(text);
  };
  return {
    send,
    get: (path: string) => call('GET', path),
    post: (path: string, body?: object) => call('POST', path, body),
    now: async () => new Date((await call('GET', '/v1/clock')).now as string),
    advance: async (by: { days?: number; hours?: number; minutes?: number }) =>
      (await call('POST', '/v1/clock/advance', by)).now as string,
    /** The subscription view once this process's read models hold `minPosition` (another process may have stored the step). */
    subscription: (skuId: string, minPosition?: bigint) =>
      call(
        'GET',
        `/v1/subscriptions/${skuId}`,
        undefined,
        minPosition === undefined ? {} : { 'X-Ledger-Min-Position': String(minPosition) },
      ),
    async user(name: string, skuId: string): Promise<string> {
      const { userId } = await call('POST', '/v1/users', {
        userPrincipalName: `${name}@contoso.com`,
        displayName: name,
        usageLocation: 'GB',
      });
      await call('POST', `/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId }], removeLicenses: [] });
      return userId as string;
    },
  };
}

/** Every stored event of the embedded store's log, in order, read straight from its file. */
function sqliteEvents(dataDir: string): StoredEvent[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { type: string; data: string; metadata: string; position: number }>(
        'SELECT type, data, metadata, position FROM events ORDER BY position',
      )
      .all()
      .map((row) => ({
        type: row.type,
        data: JSON.parse(row.data),
        causationId: JSON.parse(row.metadata).causationId,
        position: BigInt(row.position),
      }));
  } finally {
    db.close();
  }
}

function ofType(events: StoredEvent[], type: string): StoredEvent[] {
  return events.filter((event) => event.type === type);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS).toISOString();

/** SL1–SL3 with real API processes: the schedule lives in the store and the read models, so a kill or a second process changes nothing. */
describe('Subscription lifecycle across processes', () => {
  const running: ApiProcess[] = [];
  const start = async (env: Record<string, string>) => {
    const api = await startApiProcess(env);
    running.push(api);
    return api;
  };
  let esdb: EsdbTarget | undefined;
  afterAll(async () => {
    await Promise.all(running.map((api) => api.kill('SIGTERM')));
    await esdb?.stop();
  });

  const sqliteEnv = (extra: Record<string, string> = {}) => ({
    LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-lifecycle-process-')),
    LEDGER_CLOCK: 'manual',
    LEDGER_JWT_SECRET: SECRET,
    LEDGER_EVENT_STORE: 'sqlite',
    ...extra,
  });

  it(
    'SL1 SL2 SL3 the full walk with SIGKILLs in between: enabled → warning → renewed → warning → suspended → renewed → warning → suspended → deleted, each step stored once',
    async () => {
      const env = sqliteEnv();
      let api = client(await start(env));
      const added = await api.post('/v1/subscriptions', {
        skuId: 'O365_BP',
        name: 'BP',
        servicePlans: PLANS,
        seats: 5,
        termEndsAt: inDays(await api.now(), 1),
        trial: true,
      });
      expect(added).toMatchObject({ status: 'enabled', trial: true, nextTransitionAt: added.termEndsAt });
      const ada = await api.user('ada', 'O365_BP');
      const { userId: bob } = await api.post('/v1/users', {
        userPrincipalName: 'bob@contoso.com',
        displayName: 'bob',
        usageLocation: 'GB',
      });

      // Term end: warning for 30 days; Ada keeps her license, nobody gets a new one.
      await api.advance({ days: 1 });
      const warning = await api.subscription('O365_BP');
      expect(warning).toMatchObject({
        status: 'warning',
        assigned: 1,
        nextTransitionAt: inDays(new Date(added.termEndsAt), 30),
      });
      const refused = await api.send('POST', `/v1/users/${bob}/assignLicense`, {
        addLicenses: [{ skuId: 'O365_BP' }],
        removeLicenses: [],
      });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: string }).error).toBe('SubscriptionNotEnabled');

      // SL2 from warning.
      const firstRenewal = inDays(await api.now(), 1);
      expect(await api.post('/v1/subscriptions/O365_BP/renew', { termEndsAt: firstRenewal })).toMatchObject({
        status: 'enabled',
        termEndsAt: firstRenewal,
        nextTransitionAt: firstRenewal,
      });

      await running[0].kill('SIGKILL');
      api = client(await start(env));
      expect(await api.subscription('O365_BP')).toMatchObject({ status: 'enabled', termEndsAt: firstRenewal });
      await api.advance({ days: 1 });
      await api.advance({ days: 30 });
      expect(await api.subscription('O365_BP')).toMatchObject({
        status: 'suspended',
        assigned: 1,
        nextTransitionAt: inDays(new Date(firstRenewal), 120),
      });

      await running[1].kill('SIGKILL');
      api = client(await start(env));
      // SL2 from suspended.
      const secondRenewal = inDays(await api.now(), 1);
      expect(await api.post('/v1/subscriptions/O365_BP/renew', { termEndsAt: secondRenewal })).toMatchObject({
        status: 'enabled',
      });
      await api.advance({ days: 1 });
      await api.advance({ days: 30 });
      await api.advance({ days: 89, hours: 23, minutes: 59 });
      expect(await api.subscription('O365_BP')).toMatchObject({
        status: 'suspended',
        nextTransitionAt: inDays(new Date(secondRenewal), 120),
      });

      await running[2].kill('SIGKILL');
      api = client(await start(env));
      expect(await api.subscription('O365_BP')).toMatchObject({ status: 'suspended', assigned: 1 });
      expect(await api.advance({ minutes: 1 })).toBe(inDays(new Date(secondRenewal), 120));
      expect(await api.subscription('O365_BP')).toMatchObject({
        status: 'deleted',
        assigned: 0,
        nextTransitionAt: null,
      });
      expect((await api.get(`/v1/users/${ada}`)).mailbox).toMatchObject({ status: 'softDeleted' });
      const gone = await api.send('POST', '/v1/subscriptions/O365_BP/renew', {
        termEndsAt: inDays(await api.now(), 30),
      });
      expect(gone.status).toBe(409);
      expect(((await gone.json()) as { error: string }).error).toBe('SubscriptionDeleted');
      await api.advance({ days: 400 });

      const events = sqliteEvents(env.LEDGER_DATA_DIR);
      expect(ofType(events, 'SubscriptionEnteredWarning')).toHaveLength(3);
      expect(ofType(events, 'SubscriptionSuspended')).toHaveLength(2);
      expect(ofType(events, 'SubscriptionRenewed')).toHaveLength(2);
      const [deletion] = ofType(events, 'SubscriptionDeleted');
      expect(ofType(events, 'SubscriptionDeleted')).toHaveLength(1);
      // SL1 L3: the license removal, Ada's mailbox and the deletion are one commit (one command, one causation).
      const commit = events.filter(
        (event) =>
          event.causationId === deletion.causationId && event.type !== 'MailboxPurged' && event.type !== 'UserPurged',
      );
      expect(commit.map((event) => event.type)).toEqual([
        'LicenseRemoved',
        'MailboxSoftDeleted',
        'ContactsListDeleted',
        'SubscriptionDeleted',
      ]);
      expect(commit[0].data).toEqual({ userId: ada, skuId: 'O365_BP', reason: 'subscriptionDeleted' });
    },
    PROCESSES_TIMEOUT_MS,
  );

  /** Several subscriptions due at once, two processes advancing the shared clock together: each step is stored once. */
  async function walkWithTwoProcesses(
    [a, b]: ReturnType<typeof client>[],
    stored: () => Promise<StoredEvent[]>,
  ): Promise<void> {
    const termEndsAt = inDays(await a.now(), 1);
    const skus = ['SKU_A', 'SKU_B', 'SKU_C', 'SKU_D', 'SKU_E', 'SKU_F'];
    for (const skuId of skus)
      await a.post('/v1/subscriptions', { skuId, name: skuId, servicePlans: PLANS, seats: 3, termEndsAt });
    for (const [index, skuId] of skus.entries()) await b.user(`holder${index}`, skuId);

    // To one minute before each step, then both processes move the shared clock past it at once and each runs a pass.
    for (const [upTo, type] of [
      [{ hours: 23, minutes: 59 }, 'SubscriptionEnteredWarning'],
      [{ days: 29, hours: 23, minutes: 58 }, 'SubscriptionSuspended'],
      [{ days: 89, hours: 23, minutes: 58 }, 'SubscriptionDeleted'],
    ] as const) {
      await a.advance(upTo);
      expect(ofType(await stored(), type)).toEqual([]);
      await Promise.all([a.advance({ minutes: 1 }), b.advance({ minutes: 1 })]);
      expect(
        ofType(await stored(), type)
          .map((event) => event.data.skuId)
          .sort(),
      ).toEqual(skus);
    }
    const events = await stored();
    const removals = ofType(events, 'LicenseRemoved');
    expect(removals.map((event) => `${event.data.skuId}:${event.data.reason}`).sort()).toEqual(
      skus.map((skuId) => `${skuId}:subscriptionDeleted`),
    );
    const head = events[events.length - 1].position;
    for (const api of [a, b]) {
      for (const skuId of skus)
        expect(await api.subscription(skuId, head)).toMatchObject({ status: 'deleted', assigned: 0 });
    }
  }

  it(
    'SL3 two processes on one data folder run the saga at once: each step of each subscription is stored once',
    async () => {
      const env = sqliteEnv({ LEDGER_RETENTION_INTERVAL_MS: '50' });
      const apis = (await Promise.all([start(env), start(env)])).map((api) => client(api));
      await walkWithTwoProcesses(apis, async () => sqliteEvents(env.LEDGER_DATA_DIR));
    },
    PROCESSES_TIMEOUT_MS,
  );

  it(
    'SL3 two processes on one EventStoreDB (each with its own read models) run the saga at once: each step is stored once',
    async () => {
      esdb = await esdbTarget();
      const tenant = uniqueTenant('lifecycle');
      const env = (dir: string) => ({
        ...esdb!.env,
        LEDGER_DATA_DIR: dir,
        LEDGER_JWT_SECRET: SECRET,
        LEDGER_CLOCK: 'manual',
        LEDGER_RETENTION_INTERVAL_MS: '50',
      });
      const dirs = [
        mkdtempSync(join(tmpdir(), 'ledger-lifecycle-esdb-a-')),
        mkdtempSync(join(tmpdir(), 'ledger-lifecycle-esdb-b-')),
      ];
      const apis = (await Promise.all(dirs.map((dir) => start(env(dir))))).map((api) => client(api, tenant));
      await walkWithTwoProcesses(apis, async () =>
        (await readTenantEvents(esdb!.connectionString, tenant)).map((event) => ({
          type: event.type,
          data: event.data,
          causationId: String((event.metadata as { causationId?: string }).causationId),
          position: event.position,
        })),
      );
    },
    PROCESSES_TIMEOUT_MS,
  );
});
