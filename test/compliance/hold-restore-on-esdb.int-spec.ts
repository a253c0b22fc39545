import { TokenService, type Role } from '@app/application';
import { readTenantEvents, uniqueTenant, withTestServer } from '../esdb/support/esdb-target';
import { ApiProcess, callAs } from '../support/api-process';
import { twoNodesOnTestServer } from './two-nodes';

const SECRET = 'hold-restore-esdb-secret-0123456789ab';

interface UserView {
  status: string;
  hold: { reason: string } | null;
  licenses: { skuId: string }[];
  mailbox: { status: string; contactsList: string; provisionedAt: string } | null;
}

/**
 * H1, H2, U5 and L4 with two API processes on one EventStoreDB (the wire test server) and the shared manual clock:
 * a hold placed on one node stops both nodes' sagas, a restore on one node shows on the other, and a release lets
 * exactly one purge through.
 */
withTestServer('Legal hold and restore on EventStoreDB with two API nodes (H1, H2, U5, L4)', () => {
  const tenant = uniqueTenant('hold');
  const sign = (roles: Role[]) =>
    TokenService.fromSecret(SECRET, 'default').sign({ actorId: roles[0], roles, tenantId: tenant, ttlSeconds: 600 });
  const admin = callAs(sign(['global-admin']));
  const compliance = callAs(sign(['compliance']));
  const cluster = twoNodesOnTestServer(SECRET, 'hold');
  const storedTypes = async () =>
    (await readTenantEvents(cluster.server.connectionString, tenant)).map((event) => event.type);
  const headPosition = async () => {
    const events = await readTenantEvents(cluster.server.connectionString, tenant);
    return events[events.length - 1].position.toString();
  };
  /** The answer's X-Ledger-Position, after checking its status: what the other node must reach before it reads. */
  const written = async (response: Promise<Response>, status = 200) => {
    const answer = await response;
    expect(answer.status).toBe(status);
    return answer.headers.get('X-Ledger-Position')!;
  };
  /** The user as `api` sees it once its read models have applied `position` (read-your-writes across nodes). */
  const userOn = async (api: ApiProcess, userId: string, position: string): Promise<UserView> => {
    const response = await fetch(`${api.url}/v1/users/${userId}`, {
      headers: { Authorization: `Bearer ${sign(['global-admin'])}`, 'X-Ledger-Min-Position': position },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as UserView;
  };
  /** Moves the shared clock on node A, then one minute on node B, so that both nodes' sagas pass at the new time. */
  const advanceBoth = async (days: number) => {
    const [a, b] = cluster.nodes;
    expect((await admin(a, 'POST', '/v1/clock/advance', { days })).status).toBe(200);
    expect((await admin(b, 'POST', '/v1/clock/advance', { minutes: 1 })).status).toBe(200);
  };

  it('a hold placed on B keeps a user deleted on A from being purged by either node; a restore on B shows on A with license and mailbox (L4); after release, exactly one purge', async () => {
    const [a, b] = cluster.nodes;
    await written(
      admin(a, 'POST', '/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1 }),
      201,
    );
    const created = await admin(a, 'POST', '/v1/users', {
      userPrincipalName: 'held@contoso.com',
      displayName: 'Held',
      usageLocation: 'GB',
    });
    expect(created.status).toBe(201);
    const { userId } = (await created.json()) as { userId: string };
    const assigned = await written(
      admin(a, 'POST', `/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] }),
    );
    const { mailbox: provisioned } = await userOn(b, userId, assigned);
    expect(provisioned).toMatchObject({ status: 'active' });

    const held = await written(compliance(b, 'PUT', `/v1/users/${userId}/hold`, { reason: 'litigation 42' }));
    expect((await userOn(a, userId, held)).hold).toMatchObject({ reason: 'litigation 42' });
    await written(admin(a, 'DELETE', `/v1/users/${userId}`));
    await advanceBoth(31);

    const afterDue = await headPosition();
    for (const node of cluster.nodes) {
      const user = await userOn(node, userId, afterDue);
      expect(user).toMatchObject({ status: 'deleted', hold: { reason: 'litigation 42' } });
      expect(user.mailbox).toMatchObject({ status: 'softDeleted', contactsList: 'deleted' });
    }
    const whileHeld = await storedTypes();
    expect(whileHeld).toContain('UserDeleted');
    expect(whileHeld).not.toContain('MailboxPurged');
    expect(whileHeld).not.toContain('UserPurged');

    const restored = await written(admin(b, 'POST', `/v1/users/${userId}/restore`, {}));
    const onA = await userOn(a, userId, restored);
    expect(onA).toMatchObject({ status: 'active', licenses: [{ skuId: 'E3' }] });
    expect(onA.mailbox).toEqual(
      expect.objectContaining({ status: 'active', contactsList: 'active', provisionedAt: provisioned!.provisionedAt }),
    );

    await written(admin(a, 'DELETE', `/v1/users/${userId}`));
    await written(compliance(a, 'DELETE', `/v1/users/${userId}/hold`));
    await advanceBoth(31);
    const purges = (await storedTypes()).filter((type) => type === 'UserPurged');
    expect(purges).toHaveLength(1);
  }, 60_000);
});
