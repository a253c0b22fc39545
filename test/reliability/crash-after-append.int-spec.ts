import { TokenService } from '@app/application';
import { SqliteEventStore } from '@app/event-store';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../support/api-process';
import {
  EsdbTarget,
  esdbTarget,
  eventually,
  readTenantEvents,
  tenantEvents,
  uniqueTenant,
} from '../esdb/support/esdb-target';

const SECRET = 'crash-after-append-secret-0123456789abcdef';
/** Preview positions start at 2^62 (AnswerPreview): only the real projector's insert is held. */
const HOLD_PROJECTOR = `CREATE TRIGGER hold_projector BEFORE INSERT ON audit_events
  WHEN NEW.type = 'SeatsPurchased' AND NEW.position < 4611686018427387904
  BEGIN SELECT RAISE(ABORT, 'held by the test'); END`;

interface Store {
  env: Record<string, string>;
  seatsPurchased(tenant: string): Promise<{ position: bigint }[]>;
  stop(): Promise<void>;
}

async function sqliteStore(dataDir: string): Promise<Store> {
  const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  return {
    env: {},
    seatsPurchased: async (tenant) =>
      (await tenantEvents(store, tenant)).filter((event) => event.type === 'SeatsPurchased'),
    stop: () => store.close(),
  };
}

async function esdbStore(): Promise<Store> {
  const target: EsdbTarget = await esdbTarget();
  return {
    env: target.env,
    seatsPurchased: async (tenant) =>
      (await readTenantEvents(target.connectionString, tenant)).filter((event) => event.type === 'SeatsPurchased'),
    stop: () => target.stop(),
  };
}

/**
 * The crash window of exactly-once: the store acknowledged the command's append and the process dies
 * before it answers (its read models are held so that it cannot answer). The retry with the same
 * Idempotency-Key, after a restart, must get the command's answer and append nothing.
 */
describe.each([
  ['SQLite', sqliteStore],
  ['the EventStoreDB wire test server', () => esdbStore()],
])('SIGKILL after the append is acknowledged, on %s', (_name, openStore) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
  const tenant = uniqueTenant('crash');
  const token = TokenService.fromSecret(SECRET, 'default').sign({
    actorId: 'admin',
    roles: ['global-admin'],
    tenantId: tenant,
    ttlSeconds: 600,
  });
  let store: Store;
  let api: ApiProcess | undefined;

  const post = (path: string, body: object, key?: string) =>
    fetch(`${api!.url}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    store = await openStore(dataDir);
  });
  afterAll(async () => {
    await api?.kill();
    await store?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the retry with its Idempotency-Key gets the first answer (200, the same body) and the event is stored once', async () => {
    const env = { ...store.env, LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: SECRET };
    api = await startApiProcess(env);
    expect(
      (await post('/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 })).status,
    ).toBe(201);

    const readModels = new Database(join(dataDir, 'read-models.sqlite'), { timeout: 5_000 });
    readModels.exec(HOLD_PROJECTOR);
    const unanswered = post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 5 }, 'buy-5').catch(
      () => 'killed' as const,
    );
    const [stored] = await eventually('the append to be acknowledged', async () => {
      const events = await store.seatsPurchased(tenant);
      return events.length > 0 ? events : undefined;
    });
    await api.kill('SIGKILL');
    expect(await unanswered).toBe('killed');
    readModels.exec('DROP TRIGGER hold_projector');
    readModels.close();

    api = await startApiProcess(env);
    const retry = await post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 5 }, 'buy-5');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('x-ledger-position')).toBe(stored.position.toString());
    expect(await retry.json()).toEqual({
      skuId: 'E3',
      name: 'E3',
      servicePlans: ['EXCHANGE'],
      valid: 6,
      expired: 0,
      assigned: 0,
      available: 6,
      overAssigned: 0,
      status: 'enabled',
      termEndsAt: null,
      trial: false,
      nextTransitionAt: null,
    });
    expect(await store.seatsPurchased(tenant)).toHaveLength(1);

    const again = await post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 5 }, 'buy-5');
    expect(again.status).toBe(200);
    expect((await post('/v1/subscriptions/E3/seats', { action: 'purchase', count: 6 }, 'buy-5')).status).toBe(422);
    expect(await store.seatsPurchased(tenant)).toHaveLength(1);
  }, 120_000);
});
