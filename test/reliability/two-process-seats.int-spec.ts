import { TokenService } from '@app/application';
import { SqliteEventStore } from '@app/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, callAs, startApiProcess } from '../support/api-process';
import { raceForTheLastSeats } from '../support/seat-race';

const SECRET = 'two-process-secret-0123456789abcdef';
const SEATS = 5;
const USERS = 16;

/** S3 across processes: two API processes on one data folder race for the last seats of one SKU. */
describe('Two API processes on the same data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-two-process-'));
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: SECRET };
  const token = TokenService.fromSecret(SECRET, 'default').sign({
    actorId: 'racer',
    roles: ['global-admin'],
    ttlSeconds: 600,
  });
  let first: ApiProcess;
  let second: ApiProcess;

  const call = callAs(token);

  beforeAll(async () => {
    [first, second] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([first?.kill(), second?.kill()]);
  });

  it('S3 never oversells: exactly the available seats are assigned, whichever process answers', async () => {
    await raceForTheLastSeats([first, second], call, { seats: SEATS, users: USERS, servicePlans: ['EXCHANGE'] });

    // Both processes' read models agree, and the store holds exactly SEATS assignments.
    for (const api of [first, second]) {
      const view = (await (await call(api, 'GET', '/v1/subscriptions/E3')).json()) as {
        assigned: number;
        available: number;
      };
      expect(view).toMatchObject({ assigned: SEATS, available: 0 });
    }
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    let assigned = 0;
    for await (const event of store.readAll()) if (event.type === 'LicenseAssigned') assigned++;
    await store.close();
    expect(assigned).toBe(SEATS);
  });

  it('U5 S3: a restore and an assignment race for the last seat from two processes: exactly one wins, the other changes nothing', async () => {
    const json = async (response: Promise<Response>, status: number) => {
      const answered = await response;
      const body = (await answered.json()) as Record<string, unknown>;
      expect({ status: answered.status, body }).toMatchObject({ status });
      return body;
    };
    const user = async (name: string) =>
      (
        await json(
          call(first, 'POST', '/v1/users', {
            userPrincipalName: `${name}@x.com`,
            displayName: name,
            usageLocation: 'US',
          }),
          201,
        )
      ).userId as string;
    for (const round of [1, 2, 3]) {
      const skuId = `RACE${round}`;
      await json(
        call(first, 'POST', '/v1/subscriptions', { skuId, name: skuId, servicePlans: ['EXCHANGE'], seats: 1 }),
        201,
      );
      const deleted = await user(`deleted${round}`);
      const rival = await user(`rival${round}`);
      await json(
        call(first, 'POST', `/v1/users/${deleted}/assignLicense`, { addLicenses: [{ skuId }], removeLicenses: [] }),
        200,
      );
      await json(call(first, 'DELETE', `/v1/users/${deleted}`), 200);

      const [restore, assign] = await Promise.all([
        call(first, 'POST', `/v1/users/${deleted}/restore`, {}),
        call(second, 'POST', `/v1/users/${rival}/assignLicense`, { addLicenses: [{ skuId }], removeLicenses: [] }),
      ]);
      expect([restore.status, assign.status].sort()).toEqual([200, 409]);
      const refused = (await (restore.status === 409 ? restore : assign).json()) as { error: string };
      expect(refused.error).toBe('InsufficientSeats');
      const deletedView = (await (await call(second, 'GET', `/v1/users/${deleted}`)).json()) as {
        status: string;
        licenses: unknown[];
      };
      // The loser changed nothing: a refused restore leaves the user deleted, with no license.
      expect(deletedView).toMatchObject(
        restore.status === 200 ? { status: 'active', licenses: [{ skuId }] } : { status: 'deleted', licenses: [] },
      );
      for (const api of [first, second]) {
        const view = (await (await call(api, 'GET', `/v1/subscriptions/${skuId}`)).json()) as {
          assigned: number;
          available: number;
        };
        expect(view).toMatchObject({ assigned: 1, available: 0 });
      }
    }
  });
});
