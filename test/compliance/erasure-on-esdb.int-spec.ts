import { TokenService } from '@app/application';
import { eventually, readTenantEvents, uniqueTenant, withTestServer } from '../esdb/support/esdb-target';
import { ApiProcess, callAs } from '../support/api-process';
import { markersIn, markersInFolder } from './data-folder-scan';
import { twoNodesOnTestServer } from './two-nodes';

const SECRET = 'erasure-esdb-secret-0123456789abcdef';
const MARKERS = ['zq6upnmarker', 'Zq7DisplayMarker', 'zq8aliasmarker'];

/**
 * E1/E2 with two API processes on one EventStoreDB (the wire test server, its log in a file): the keys live in
 * the store, so the second node opens what the first sealed, and after the purge neither shows the data.
 */
withTestServer('Erasure on EventStoreDB with two API nodes (E1, E2)', () => {
  const tenant = uniqueTenant('erasure');
  const token = TokenService.fromSecret(SECRET, 'default').sign({
    actorId: 'admin',
    roles: ['global-admin', 'auditor', 'compliance'],
    tenantId: tenant,
    ttlSeconds: 600,
  });
  const cluster = twoNodesOnTestServer(SECRET, 'erasure');
  const call = callAs(token);
  const text = async (api: ApiProcess, path: string) => {
    const response = await call(api, 'GET', path);
    expect(response.status).toBe(200);
    return response.text();
  };
  /** A node's read models follow its own projector: wait (bounded) until they have applied `position`. */
  const caughtUp = (api: ApiProcess, position: bigint) =>
    eventually(`${api.url} to apply position ${position}`, async () => {
      const ready = await fetch(`${api.url}/health/ready`);
      const body = (await ready.json()) as { info?: { readModels?: { checkpoint: string } } };
      return ready.ok && BigInt(body.info!.readModels!.checkpoint) >= position ? true : undefined;
    });
  const head = async () => {
    const events = await readTenantEvents(cluster.server.connectionString, tenant);
    return events[events.length - 1].position;
  };
  let userId: string;

  it('the second node opens what the first sealed; the server keeps ciphertext only', async () => {
    const [first, second] = cluster.nodes;
    expect(
      (
        await call(first, 'POST', '/v1/subscriptions', {
          skuId: 'E3',
          name: 'E3',
          servicePlans: ['EXCHANGE'],
          seats: 2,
        })
      ).status,
    ).toBe(201);
    const created = await call(first, 'POST', '/v1/users', {
      userPrincipalName: 'zq6upnmarker@contoso.com',
      displayName: 'Zq7DisplayMarker',
      usageLocation: 'GB',
      aliases: ['zq8aliasmarker@contoso.com'],
    });
    expect(created.status).toBe(201);
    userId = ((await created.json()) as { userId: string }).userId;
    expect(
      (
        await call(first, 'POST', `/v1/users/${userId}/assignLicense`, {
          addLicenses: [{ skuId: 'E3' }],
          removeLicenses: [],
        })
      ).status,
    ).toBe(200);
    expect((await call(first, 'DELETE', `/v1/users/${userId}`)).status).toBe(200);

    await caughtUp(second, await head());
    expect(markersIn(await text(second, `/v1/audit/events?userId=${userId}`), MARKERS)).toEqual(MARKERS);
    expect(markersInFolder(cluster.nodeDirs[1], MARKERS)).toEqual(MARKERS);
    expect(markersInFolder(cluster.serverDir, MARKERS)).toEqual([]);
  }, 60_000);

  it('after one purge (both nodes run the saga), neither node shows the data, and no file of either node or the server holds it', async () => {
    const advanced = await Promise.all(
      cluster.nodes.map((node) => call(node, 'POST', '/v1/clock/advance', { days: 30 })),
    );
    expect(advanced.map((response) => response.status)).toEqual([200, 200]);
    const stored = await readTenantEvents(cluster.server.connectionString, tenant);
    expect(stored.filter((event) => event.type === 'UserPurged')).toHaveLength(1);

    for (const [index, node] of cluster.nodes.entries()) {
      await caughtUp(node, await head());
      const audit = await text(node, `/v1/audit/events?userId=${userId}`);
      expect(markersIn(audit, MARKERS)).toEqual([]);
      const created = (JSON.parse(audit).items as { type: string; data: object }[]).find(
        (entry) => entry.type === 'UserCreated',
      );
      expect(created?.data).toMatchObject({ userPrincipalName: null, displayName: null, aliases: null, erased: true });
      const mailboxes = JSON.parse(await text(node, '/v1/retention/mailboxes')).items as { userId: string }[];
      expect(mailboxes.find((mailbox) => mailbox.userId === userId)).toMatchObject({
        userPrincipalName: null,
        erased: true,
      });
      expect(markersInFolder(cluster.nodeDirs[index], MARKERS)).toEqual([]);
    }
    expect(markersInFolder(cluster.serverDir, MARKERS)).toEqual([]);
  }, 60_000);
});
