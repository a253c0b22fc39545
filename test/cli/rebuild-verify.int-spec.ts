import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliHere, spawnCli } from './cli-process';
import { scriptedLedger } from './scripted-ledger';

/** rebuild and verify as an operator runs them, each in its own process, on a seeded demo tenant. */
describe('npm run cli -- seed-demo, rebuild, verify', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: 'cli-test-secret' };
  const readModels = () => new Database(join(dataDir, 'read-models.sqlite'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds a realistic tenant through the command path, with a summary', async () => {
    const seeded = await spawnCli(
      ['seed-demo', '--users', '60', '--months', '3', '--end', '2026-11-30T00:00:00Z'],
      env,
    );
    expect(seeded.stderr).not.toMatch(/failed/);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(
      /^Seeded tenant "default": \d+ commands, \d+ events from 2026-09-0\d\S+ to 2026-11-2\d\S+/m,
    );
    expect(seeded.stdout).toMatch(/Users: 60 created/);
    for (const type of [
      'LicenseAssigned',
      'LicenseRemoved',
      'UserDeleted',
      'MailboxSoftDeleted',
      'MailboxRestored',
      'SeatsPurchased',
    ]) {
      expect(seeded.stdout).toMatch(new RegExp(`^  ${type} +[1-9]`, 'm'));
    }
    // Seeding twice into one tenant is refused, nothing appended.
    const again = await runCliHere(['seed-demo', '--users', '5'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has events/);
  }, 60_000);

  it('rebuild then verify: no difference; a corrupted row makes verify fail and name it; rebuild repairs it', async () => {
    const rebuilt = await spawnCli(['rebuild'], env);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^Rebuilt .*audit.* up to position \d+: \d+ events in [\d.]+ s \(\d+ events\/s\)/m);
    expect(rebuilt.stderr).toMatch(/rebuild: 100% \(\d+ events\)/);

    // The scratch build skips the plain indexes; the live file gets every index the projections declare.
    const indexes = readModels();
    const names = indexes
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .all()
      .map((row) => row.name);
    indexes.close();
    expect(names).toEqual(
      expect.arrayContaining([
        'audit_events_by_user',
        'audit_events_by_time',
        'users_by_seq',
        'mailboxes_due',
        'retention_timeline_retained_once',
      ]),
    );

    const clean = await spawnCli(['verify'], env);
    expect(clean.stdout).toMatch(/^Read models match the events: \d+ tables, \d+ rows compared at position \d+/m);
    expect(clean.code).toBe(0);

    const db = readModels();
    const seat = db
      .prepare<[], { sku_id: string; assigned: number }>(
        'SELECT sku_id, assigned FROM subscriptions ORDER BY sku_id LIMIT 1',
      )
      .get()!;
    db.prepare('UPDATE subscriptions SET assigned = assigned + 7 WHERE sku_id = ?').run(seat.sku_id);
    const gone = db
      .prepare<[], { position: number }>("SELECT position FROM audit_events WHERE type = 'LicenseRemoved' LIMIT 1")
      .get()!;
    db.prepare('DELETE FROM audit_events WHERE position = ?').run(gone.position);
    db.close();

    const corrupted = await spawnCli(['verify'], env);
    expect(corrupted.code).toBe(1);
    expect(corrupted.stdout).toMatch(/^Read models disagree with the events: 2 difference\(s\)/m);
    expect(corrupted.stdout).toContain(
      `subscriptions (tenant_id="default", sku_id="${seat.sku_id}"): assigned live=${seat.assigned + 7} rebuilt=${seat.assigned}`,
    );
    expect(corrupted.stdout).toContain(`audit_events (position=${gone.position}): missing from the live read models`);

    expect((await spawnCli(['rebuild'], env)).code).toBe(0);
    const repaired = await runCliHere(['verify'], env);
    expect(repaired.code).toBe(0);
  }, 60_000);

  it('verify compares at the live checkpoint when the read models are behind the store', async () => {
    const checkpoint = () => {
      const db = readModels();
      const { position } = db
        .prepare<[], { position: number }>("SELECT position FROM projection_checkpoints WHERE name = 'audit'")
        .get()!;
      db.close();
      return position;
    };
    const before = checkpoint();
    // Events appended with no projector running: the live read models lag behind.
    const ledger = scriptedLedger(dataDir);
    // Its position, not before + 1: a destroyed personal-data key (E1) leaves a hole in $all.
    const { position: head } = await ledger.run(
      { id: 'carol' },
      { type: 'ChangeSeats', data: { skuId: 'O365_BUSINESS_PREMIUM', action: 'purchase', count: 5 } },
      '2026-11-30T09:00:00Z',
    );
    await ledger.close();
    const behind = await runCliHere(['verify'], env);
    expect(behind.stdout).toBe(
      `Read models match the events: ${behind.stdout.match(/(\d+) tables/)![1]} tables, ${behind.stdout.match(/(\d+) rows/)![1]} rows compared at position ${before}\n`,
    );
    expect(behind.stderr).toContain(`up to the live checkpoint ${before} (store head ${head})`);
    expect(behind.code).toBe(0);
    expect(checkpoint()).toBe(before);
  }, 30_000);
});
