import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliHere, spawnCli } from './cli-process';
import { scriptedLedger } from './scripted-ledger';

const ALICE = { id: 'alice', name: 'Alice Doe' };
const BOB = { id: 'bob' };
const ROOT = { id: 'root' };
const ids = {
  ada: '11111111-1111-4111-8111-111111111111',
  grace: '22222222-2222-4222-8222-222222222222',
  cy: '33333333-3333-4333-8333-333333333333',
};

/** replay reads the store directly and tells the history as people say it (A2). */
describe('npm run cli -- replay', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-replay-'));
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: 'replay-secret' };
  const replay = (...args: string[]) => runCliHere(['replay', ...args], env);

  beforeAll(async () => {
    const ledger = scriptedLedger(dataDir);
    const t = (minute: number) => `2026-11-30T10:${String(minute).padStart(2, '0')}:00.000Z`;
    await ledger.run(
      ROOT,
      {
        type: 'AddSubscription',
        data: { skuId: 'O365_BP', name: 'Office 365 Business Premium', servicePlans: ['EXCHANGE', 'LYNC'], seats: 3 },
      },
      t(0),
    );
    for (const [name, userId] of Object.entries(ids)) {
      await ledger.run(
        ALICE,
        {
          type: 'CreateUser',
          data: {
            userId,
            userPrincipalName: `${name}@contoso.com`,
            displayName: name,
            usageLocation: 'GB',
            ...(name === 'ada' ? { aliases: ['ada.l@contoso.com'] } : {}),
          },
        },
        t(1),
      );
    }
    await ledger.run(
      ALICE,
      { type: 'AssignLicense', data: { userId: ids.ada, addLicenses: [{ skuId: 'O365_BP' }], removeLicenses: [] } },
      t(2),
    );
    await ledger.run(
      ALICE,
      {
        type: 'AssignLicense',
        data: { userId: ids.grace, addLicenses: [{ skuId: 'O365_BP', disabledPlans: ['LYNC'] }], removeLicenses: [] },
      },
      t(3),
    );
    await ledger.run(
      BOB,
      { type: 'AssignLicense', data: { userId: ids.ada, addLicenses: [], removeLicenses: ['O365_BP'] } },
      t(4),
    );
    await ledger.run(
      BOB,
      { type: 'AssignLicense', data: { userId: ids.ada, addLicenses: [{ skuId: 'O365_BP' }], removeLicenses: [] } },
      t(5),
    );
    await ledger.run(
      BOB,
      { type: 'ReassignLicense', data: { skuId: 'O365_BP', fromUserId: ids.ada, toUserId: ids.cy } },
      t(6),
    );
    await ledger.run(
      ALICE,
      { type: 'BulkAssignLicenses', data: { userIds: [ids.grace], skuIds: [], mode: 'replace' } },
      t(7),
    );
    await ledger.run(ALICE, { type: 'DeleteUser', data: { userId: ids.cy } }, t(8));
    await ledger.close();
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('tells every change on one line: who, what, to whom, when, and the seats left after it', async () => {
    const run = await spawnCli(['replay'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '2026-11-30T10:00:00Z root added subscription O365_BP "Office 365 Business Premium" (EXCHANGE, LYNC) with 3 seats (seats left: 3)',
      '2026-11-30T10:01:00Z alice created user ada@contoso.com "ada" in GB',
      '2026-11-30T10:01:00Z alice created user grace@contoso.com "grace" in GB',
      '2026-11-30T10:01:00Z alice created user cy@contoso.com "cy" in GB',
      '2026-11-30T10:02:00Z alice assigned O365_BP to ada@contoso.com (seats left: 2)',
      '2026-11-30T10:02:00Z alice: mailbox of ada@contoso.com provisioned',
      '2026-11-30T10:03:00Z alice assigned O365_BP without LYNC to grace@contoso.com (seats left: 1)',
      '2026-11-30T10:03:00Z alice: mailbox of grace@contoso.com provisioned',
      '2026-11-30T10:04:00Z bob removed O365_BP from ada@contoso.com (seats left: 2)',
      '2026-11-30T10:04:00Z bob: mailbox of ada@contoso.com soft-deleted, purged after 2026-12-30T10:04:00Z',
      '2026-11-30T10:04:00Z bob: aliases of ada@contoso.com released (ada.l@contoso.com)',
      '2026-11-30T10:04:00Z bob: contacts list of ada@contoso.com deleted',
      '2026-11-30T10:05:00Z bob assigned O365_BP to ada@contoso.com (seats left: 1)',
      '2026-11-30T10:05:00Z bob: mailbox of ada@contoso.com restored',
      '2026-11-30T10:05:00Z bob: contacts list of ada@contoso.com restored',
      // L8: one move, the seat never shown free.
      '2026-11-30T10:06:00Z bob reassigned O365_BP from ada@contoso.com to cy@contoso.com (seats left: 1)',
      '2026-11-30T10:06:00Z bob: mailbox of ada@contoso.com soft-deleted, purged after 2026-12-30T10:06:00Z',
      '2026-11-30T10:06:00Z bob: contacts list of ada@contoso.com deleted',
      '2026-11-30T10:06:00Z bob: mailbox of cy@contoso.com provisioned',
      '2026-11-30T10:07:00Z alice removed O365_BP from grace@contoso.com (bulk replace) (seats left: 2)',
      '2026-11-30T10:07:00Z alice: mailbox of grace@contoso.com soft-deleted, purged after 2026-12-30T10:07:00Z',
      '2026-11-30T10:07:00Z alice: contacts list of grace@contoso.com deleted',
      '2026-11-30T10:08:00Z alice removed O365_BP from cy@contoso.com (user deleted) (seats left: 3)',
      '2026-11-30T10:08:00Z alice: mailbox of cy@contoso.com soft-deleted, purged after 2026-12-30T10:08:00Z',
      '2026-11-30T10:08:00Z alice: contacts list of cy@contoso.com deleted',
      '2026-11-30T10:08:00Z alice deleted user cy@contoso.com (data kept until 2026-12-30T10:08:00Z)',
      '',
    ]);
  }, 30_000);

  it('--user takes a user principal name (any case) or a userId; a reassign shows for both users', async () => {
    const byName = await replay('--user', 'CY@contoso.com', '--type', 'LicenseAssigned,LicenseRemoved');
    expect(byName.stdout.trim().split('\n')).toEqual([
      '2026-11-30T10:06:00Z bob reassigned O365_BP from ada@contoso.com to cy@contoso.com (seats left: 1)',
      '2026-11-30T10:08:00Z alice removed O365_BP from cy@contoso.com (user deleted) (seats left: 3)',
    ]);
    const byId = await replay('--user', ids.ada, '--type', 'LicenseAssigned', '--type', 'LicenseRemoved');
    expect(
      byId.stdout
        .trim()
        .split('\n')
        .map((line) => line.slice(21, 40)),
    ).toEqual(['alice assigned O365', 'bob removed O365_BP', 'bob assigned O365_B', 'bob reassigned O365']);
  });

  it('--sku, --actor, --from and --to narrow; --to is inclusive', async () => {
    const bob = await replay(
      '--actor',
      'bob',
      '--from',
      '2026-11-30T10:05:00Z',
      '--to',
      '2026-11-30T10:06:00Z',
      '--sku',
      'O365_BP',
    );
    expect(bob.stdout.trim().split('\n')).toEqual([
      '2026-11-30T10:05:00Z bob assigned O365_BP to ada@contoso.com (seats left: 1)',
      '2026-11-30T10:06:00Z bob reassigned O365_BP from ada@contoso.com to cy@contoso.com (seats left: 1)',
    ]);
    expect((await replay('--actor', 'nobody')).stdout).toBe('');
    expect((await replay('--tenant', 'fabrikam')).stdout).toBe('');
  });

  it('--format json: one audit entry per line (the API shape) with the summary and seats left', async () => {
    const run = await replay('--format', 'json', '--user', 'cy@contoso.com', '--type', 'LicenseAssigned');
    const entries = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(entries).toEqual([
      {
        position: expect.any(Number),
        eventId: expect.any(String),
        type: 'LicenseAssigned',
        occurredAt: '2026-11-30T10:06:00.000Z',
        actor: { id: 'bob', name: null },
        userId: ids.cy,
        skuId: 'O365_BP',
        data: { userId: ids.cy, skuId: 'O365_BP', disabledPlans: [] },
        correlationId: expect.any(String),
        summary: '2026-11-30T10:06:00Z bob reassigned O365_BP from ada@contoso.com to cy@contoso.com (seats left: 1)',
        seatsLeft: 1,
      },
    ]);
  });

  it('refuses bad options with the usage (exit 2)', async () => {
    for (const args of [
      ['--format', 'xml'],
      ['--from', 'yesterday'],
      ['--type', 'Bogus'],
      ['--from', '2026-12-01', '--to', '2026-11-01'],
      ['--frobnicate'],
    ]) {
      const run = await replay(...args);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toContain('Usage: npm run cli -- replay');
    }
  });
});
