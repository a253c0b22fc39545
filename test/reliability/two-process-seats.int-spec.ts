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
  const token = TokenService.fromSecret(SECRET, 'default').sign({ actorId: 'racer', roles: ['global-admin'], ttlSeconds: 600 });
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
      const view = (await (await call(api, 'GET', '/v1/subscriptions/E3')).json()) as { assigned: number; available: number };
      expect(view).toMatchObject({ assigned: SEATS, available: 0 });
    }
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    let assigned = 0;
    for await (const event of store.readAll()) if (event.type === 'LicenseAssigned') assigned++;
    await store.close();
    expect(assigned).toBe(SEATS);
  });
});
