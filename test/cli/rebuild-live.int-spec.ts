import { headPosition } from '@app/event-store';
import { Projector, READ_MODELS, openReadModelDatabase } from '@app/projections';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliHere, spawnCli } from './cli-process';
import { scriptedLedger } from './scripted-ledger';

const quiet = { log: () => undefined, error: () => undefined };

/**
 * rebuild swaps the rebuilt read models in while the API's projector is running and commands keep
 * landing: afterwards the live projector carries on from the rebuilt checkpoints, and verify finds
 * nothing lost and nothing applied twice.
 */
describe('rebuild while the live projector follows new events', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-rebuild-live-'));
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: 'rebuild-secret' };

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses and doubles nothing', async () => {
    const ledger = scriptedLedger(dataDir);
    const live = openReadModelDatabase(join(dataDir, 'read-models.sqlite'));
    const projector = new Projector(ledger.store, live, READ_MODELS, quiet);
    projector.start();
    let minute = 0;
    const at = () => new Date(Date.UTC(2026, 10, 1) + minute++ * 60_000).toISOString();
    await ledger.run(
      { id: 'root' },
      { type: 'AddSubscription', data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 100_000 } },
      at(),
    );
    const hire = async () => {
      const userId = randomUUID();
      await ledger.run(
        { id: 'alice' },
        {
          type: 'CreateUser',
          data: {
            userId,
            userPrincipalName: `${userId}@x.com`,
            displayName: 'U',
            usageLocation: 'US',
            aliases: [`a-${userId}@x.com`],
          },
        },
        at(),
      );
      await ledger.run(
        { id: 'alice' },
        { type: 'AssignLicense', data: { userId, addLicenses: [{ skuId: 'E3' }], removeLicenses: [] } },
        at(),
      );
      if (minute % 3 === 0) await ledger.run({ id: 'bob' }, { type: 'DeleteUser', data: { userId } }, at());
    };
    for (let i = 0; i < 300; i++) await hire();

    // Commands keep coming while another process rebuilds.
    let rebuilding = true;
    let during = 0;
    const writer = (async () => {
      while (rebuilding) {
        await hire();
        during++;
        // The embedded store answers synchronously: let timers and the child's I/O run between commands.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const rebuilt = await spawnCli(['rebuild'], env);
    rebuilding = false;
    await writer;
    expect(rebuilt.stderr).not.toMatch(/failed/);
    expect(rebuilt.code).toBe(0);
    expect(during).toBeGreaterThan(0);

    for (let i = 0; i < 20; i++) await hire();
    const head = await headPosition(ledger.store);
    await projector.waitFor(head);
    await projector.stop();

    const verified = await runCliHere(['verify'], env);
    expect(verified.stdout).toMatch(/^Read models match the events/);
    expect(verified.code).toBe(0);
    const audit = live.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_events').get()!;
    // One audit row per ledger event: the personal-data key streams (E1) share $all but are no ledger events.
    let ledgerEvents = 0;
    for await (const event of ledger.store.readAll()) if (event.streamId.startsWith('ledger-')) ledgerEvents++;
    expect(audit.n).toBe(ledgerEvents);
    live.close();
    await ledger.close();
  }, 60_000);
});
