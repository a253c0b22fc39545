import { CryptoShreddingEventStore, TokenService } from '@app/application';
import { SqliteEventStore } from '@app/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, callAs, startApiProcess } from '../support/api-process';

const SECRET = 'group-commit-secret-0123456789abcdef';
const token = TokenService.fromSecret(SECRET, 'default').sign({
  actorId: 'racer',
  roles: ['global-admin'],
  ttlSeconds: 600,
});
const call = callAs(token);

async function createdNames(dataDir: string): Promise<string[]> {
  // Through the erasure layer, as the API reads them: the personal fields are stored encrypted (E1).
  const store = new CryptoShreddingEventStore(SqliteEventStore.open(join(dataDir, 'events.sqlite')));
  const names: string[] = [];
  for await (const event of store.readAll())
    if (event.type === 'UserCreated') names.push((event.data as { userPrincipalName: string }).userPrincipalName);
  await store.close();
  return names;
}

const user = (name: string) => ({ userPrincipalName: `${name}@x.com`, displayName: name, usageLocation: 'US' });

/** Group commit across processes: batches of one process race with the other's through expected revisions. */
describe('Two API processes, each grouping its concurrent commands', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-group-commit-'));
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: SECRET };
  let first: ApiProcess;
  let second: ApiProcess;

  beforeAll(async () => {
    [first, second] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([first?.kill(), second?.kill()]);
  });

  it('U1 holds: each name, sent at once to both processes, is created exactly once', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `twin${i}`);
    const responses = await Promise.all(
      names.flatMap((name) => [
        call(first, 'POST', '/v1/users', user(name)),
        call(second, 'POST', '/v1/users', user(name)),
      ]),
    );
    const statuses = responses.map((response) => response.status);

    expect(statuses.filter((status) => status === 201)).toHaveLength(names.length);
    expect(statuses.filter((status) => status === 409)).toHaveLength(names.length);
    expect((await createdNames(dataDir)).sort()).toEqual(names.map((name) => `${name}@x.com`).sort());
  });

  it('SIGKILL amid batches loses only commands that were not acknowledged', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `crash${i}`);
    const acknowledged: string[] = [];
    const sent = names.map((name) =>
      call(first, 'POST', '/v1/users', user(name)).then(
        (response) => {
          if (response.status === 201) acknowledged.push(`${name}@x.com`);
        },
        () => undefined, // the connection died with the process
      ),
    );
    // Killed as soon as the first answer arrives: later batches are still being decided, stored or answered.
    await Promise.race(sent);
    await first.kill('SIGKILL');
    await Promise.all(sent);

    const stored = await createdNames(dataDir);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const name of acknowledged) expect(stored).toContain(name);
    // A restarted process starts from what is stored and accepts the names that were lost.
    first = await startApiProcess(env);
    const lost = names.filter((name) => !stored.includes(`${name}@x.com`));
    for (const name of lost) expect((await call(first, 'POST', '/v1/users', user(name))).status).toBe(201);
    expect(new Set(await createdNames(dataDir)).size).toBe((await createdNames(dataDir)).length);
  }, 120_000);
});
