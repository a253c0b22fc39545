import { TokenService } from '@app/application';
import { ApiProcess } from '../support/api-process';
import { ApiNodes, startApiNodes } from './support/api-nodes';
import { EsdbTarget, esdbTarget, readTenantEvents, uniqueTenant } from './support/esdb-target';

const SECRET = 'three-nodes-esdb-secret-0123456789abcdef';

/**
 * Issue 10's "done when": three real API processes on one store, each with its own data folder
 * (read models, checkpoints, snapshots), sharing only the store and the JWT secret.
 */
describe('Three API nodes on one EventStoreDB', () => {
  const tenant = uniqueTenant('three-nodes');
  const token = TokenService.fromSecret(SECRET, 'default').sign({
    actorId: 'ops',
    roles: ['global-admin'],
    tenantId: tenant,
    ttlSeconds: 600,
  });
  let target: EsdbTarget;
  let started: ApiNodes | undefined;
  let nodes: ApiProcess[] = [];

  const call = (
    node: ApiProcess,
    method: string,
    path: string,
    { body, headers = {} }: { body?: object; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${node.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body && JSON.stringify(body),
    });
  const stored = async (type: string) =>
    (await readTenantEvents(target.connectionString, tenant)).filter((event) => event.type === type);

  beforeAll(async () => {
    target = await esdbTarget();
    started = await startApiNodes(target, 3, {
      LEDGER_JWT_SECRET: SECRET,
      LEDGER_CLOCK: 'manual',
      LEDGER_RETENTION_INTERVAL_MS: '200',
    });
    ({ nodes } = started);
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
    await target?.stop();
  });

  it('one effect for one Idempotency-Key sent to all three at once: the same answer everywhere, one event stored', async () => {
    const body = { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 5 };
    const responses = await Promise.all(
      nodes.map((node) => call(node, 'POST', '/v1/subscriptions', { body, headers: { 'Idempotency-Key': 'add-e3' } })),
    );
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(new Set(responses.map((response) => response.headers.get('x-ledger-position'))).size).toBe(1);
    expect(await stored('SubscriptionAdded')).toHaveLength(1);
  });

  it('reads its write on another node with X-Ledger-Min-Position', async () => {
    const created = await call(nodes[0], 'POST', '/v1/users', {
      body: { userPrincipalName: 'ryw@x.com', displayName: 'RYW', usageLocation: 'US' },
    });
    expect(created.status).toBe(201);
    const { userId } = (await created.json()) as { userId: string };
    const position = created.headers.get('x-ledger-position')!;
    for (const node of nodes.slice(1)) {
      const read = await call(node, 'GET', `/v1/users/${userId}`, { headers: { 'X-Ledger-Min-Position': position } });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ userId, userPrincipalName: 'ryw@x.com' });
    }
  });

  it('L5: the shared clock advanced once through one node; every node sees it, and each due mailbox is purged once', async () => {
    const leavers: string[] = [];
    for (const [i, node] of nodes.entries()) {
      const created = await call(node, 'POST', '/v1/users', {
        body: { userPrincipalName: `leaver${i}@x.com`, displayName: `L${i}`, usageLocation: 'US' },
      });
      const { userId } = (await created.json()) as { userId: string };
      await call(node, 'POST', `/v1/users/${userId}/assignLicense`, {
        body: { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] },
      });
      const removed = await call(node, 'POST', `/v1/users/${userId}/assignLicense`, {
        body: { addLicenses: [], removeLicenses: ['E3'] },
      });
      expect(((await removed.json()) as { mailbox: { status: string } }).mailbox.status).toBe('softDeleted');
      leavers.push(userId);
    }

    const advanced = await call(nodes[1], 'POST', '/v1/clock/advance', { body: { days: 30 } });
    expect(advanced.status).toBe(200);
    const { now } = (await advanced.json()) as { now: string };
    for (const node of nodes) expect(await (await call(node, 'GET', '/v1/clock')).json()).toEqual({ now });

    // The advancing node's answer came after its own pass at the new time: every due mailbox is purged by then.
    const purges = await stored('MailboxPurged');
    expect(purges.map((event) => event.data.userId).sort()).toEqual([...leavers].sort());
    const last = purges.map((event) => event.position).reduce((a, b) => (a > b ? a : b));
    // Each node's read models reach the purges; by then its own saga has run passes at the shared time too.
    for (const node of nodes) {
      for (const userId of leavers) {
        const read = await call(node, 'GET', `/v1/users/${userId}`, {
          headers: { 'X-Ledger-Min-Position': String(last) },
        });
        expect(((await read.json()) as { mailbox: { status: string } }).mailbox.status).toBe('purged');
      }
    }
    expect(await stored('MailboxPurged')).toHaveLength(leavers.length);
  });
});
