import { TokenService } from '@app/application';
import { ApiProcess, callAs } from '../support/api-process';
import { raceForTheLastSeats } from '../support/seat-race';
import { ApiNodes, startApiNodes } from './support/api-nodes';
import { EsdbTarget, esdbTarget, eventually, readTenantEvents, uniqueTenant } from './support/esdb-target';

const SECRET = 'two-process-esdb-secret-0123456789abcdef';
const SEATS = 5;
const USERS = 16;

/**
 * Two real API processes on one EventStoreDB, as deployed: each has its own local read-model folder
 * (read models, checkpoints, snapshots) and follows the store with its own projector; they share
 * only the store and the JWT secret. S3 and the exactly-once purge must hold across them.
 */
describe('Two API processes on one EventStoreDB', () => {
  const tenant = uniqueTenant('two-process');
  const token = TokenService.fromSecret(SECRET, 'default').sign({
    actorId: 'racer',
    roles: ['global-admin'],
    tenantId: tenant,
    ttlSeconds: 600,
  });
  let target: EsdbTarget;
  let started: ApiNodes | undefined;
  let first: ApiProcess;
  let second: ApiProcess;

  const call = callAs(token);
  const json = async <T>(response: Response | Promise<Response>): Promise<T> => (await (await response).json()) as T;
  const positionOf = (response: Response) => BigInt(response.headers.get('x-ledger-position') ?? '-1');

  /** A process's read models follow its own projector: wait (bounded) until they have applied `position`. */
  const caughtUp = (api: ApiProcess, position: bigint) =>
    eventually(`${api.url} to apply position ${position}`, async () => {
      const ready = await fetch(`${api.url}/health/ready`);
      const body = (await ready.json()) as { info?: { readModels?: { checkpoint: string } } };
      return ready.ok && BigInt(body.info!.readModels!.checkpoint) >= position ? true : undefined;
    });

  beforeAll(async () => {
    target = await esdbTarget();
    started = await startApiNodes(target, 2, { LEDGER_JWT_SECRET: SECRET, LEDGER_CLOCK: 'manual' });
    [first, second] = started.nodes;
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
    await target?.stop();
  });

  it('S3 never oversells: exactly the available seats are assigned, and both processes agree once caught up', async () => {
    const responses = await raceForTheLastSeats([first, second], call, {
      seats: SEATS,
      users: USERS,
      servicePlans: ['EXCHANGE', 'OFFICE'],
    });

    const stored = await readTenantEvents(target.connectionString, tenant);
    expect(stored.filter((event) => event.type === 'LicenseAssigned')).toHaveLength(SEATS);
    const head = stored[stored.length - 1].position;
    expect(
      responses
        .filter((response) => response.ok)
        .map(positionOf)
        .every((position) => position <= head),
    ).toBe(true);

    for (const api of [first, second]) {
      await caughtUp(api, head);
      expect(await json(call(api, 'GET', '/v1/subscriptions/E3'))).toMatchObject({
        valid: SEATS,
        assigned: SEATS,
        available: 0,
        overAssigned: 0,
      });
      const holders = await json<{ items: { userId: string }[] }>(call(api, 'GET', '/v1/users?skuId=E3'));
      expect(holders.items).toHaveLength(SEATS);
    }
  });

  it('L5: both processes run the retention saga at the due time; the mailbox is purged exactly once', async () => {
    const holders = await json<{ items: { userId: string }[] }>(call(first, 'GET', '/v1/users?skuId=E3'));
    const leaver = holders.items[0].userId;
    const removed = await call(first, 'POST', `/v1/users/${leaver}/assignLicense`, {
      addLicenses: [],
      removeLicenses: ['E3'],
    });
    expect(removed.status).toBe(200);
    expect((await json<{ mailbox: { status: string } }>(removed)).mailbox.status).toBe('softDeleted');
    await caughtUp(second, positionOf(removed));

    // The manual clock is shared through the store: both move it 30 days (60 in all) and run a pass, at the same moment.
    const advanced = await Promise.all(
      [first, second].map((api) => call(api, 'POST', '/v1/clock/advance', { days: 30 })),
    );
    expect(advanced.map((response) => response.status)).toEqual([200, 200]);

    const stored = await readTenantEvents(target.connectionString, tenant);
    const purges = stored.filter((event) => event.type === 'MailboxPurged');
    expect(purges.map((event) => event.data.userId)).toEqual([leaver]);
    expect(purges[0].metadata).toMatchObject({ actor: { id: 'system:retention' } });

    for (const api of [first, second]) {
      await caughtUp(api, purges[0].position);
      const user = await json<{ mailbox: { status: string } }>(call(api, 'GET', `/v1/users/${leaver}`));
      expect(user.mailbox.status).toBe('purged');
    }
  });
});
