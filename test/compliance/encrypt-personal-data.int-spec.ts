import { createCommandPath, loadCatalog } from '@app/application';
import { LedgerCommand } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase } from '@app/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliHere } from '../cli/cli-process';
import { ScenarioClock } from '../../apps/cli/src/demo/scenario-clock';
import { startLedgerApp } from '../support/ledger-app';
import { markersInFolder } from './data-folder-scan';

const MARKERS = ['zq9keptmarker', 'zq10purgedmarker'];

/** A data folder written before crypto-shredding: the API refuses it, naming the command that migrates it. */
describe('encrypt-personal-data: a data folder from before E1', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-legacy-'));
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: 'legacy-test-secret' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    // The command path on the bare adapter writes plaintext, as every build before this one did.
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    const readModels = openReadModelDatabase(join(dataDir, 'read-models.sqlite'));
    const clock = new ScenarioClock(new Date('2026-01-01T00:00:00Z'));
    const { executor } = createCommandPath({ store, readModels, clock, catalog: loadCatalog() });
    const run = (command: LedgerCommand) =>
      executor.execute(command, { tenantId: 'default', actor: { id: 'alice' }, correlationId: 'legacy' });
    // Ids stay (they are no personal data): only the names carry markers.
    for (const [userId, name] of [
      ['kept', MARKERS[0]],
      ['purged', MARKERS[1]],
    ]) {
      await run({
        type: 'CreateUser',
        data: { userId, userPrincipalName: `${name}@contoso.com`, displayName: name, usageLocation: 'GB', aliases: [] },
      });
    }
    await run({ type: 'DeleteUser', data: { userId: 'purged' } });
    clock.set(new Date('2026-03-01T00:00:00Z'));
    await run({ type: 'PurgeMailbox', data: { userId: 'purged' } });
    readModels.close();
    await store.close();
  });

  it('the API refuses to start on it, naming the command; the command re-writes the log sealed and erases the purged user', async () => {
    expect(markersInFolder(dataDir, MARKERS)).toEqual(MARKERS);
    await expect(startLedgerApp({ LEDGER_DATA_DIR: dataDir })).rejects.toThrow(
      /plaintext .*npm run cli -- encrypt-personal-data/,
    );

    const migrated = await runCliHere(['encrypt-personal-data'], env);
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(markersInFolder(dataDir, MARKERS)).toEqual([]);
    expect((await runCliHere(['verify-erasure'], env)).code).toBe(0);

    const ledger = await startLedgerApp({ LEDGER_DATA_DIR: dataDir });
    try {
      const users = (await ledger.as('global-admin').get('/v1/users').expect(200)).body.items as {
        userPrincipalName: string;
      }[];
      expect(users.map((user) => user.userPrincipalName)).toEqual(['zq9keptmarker@contoso.com']);
    } finally {
      await ledger.close();
    }
  }, 60_000);
});
