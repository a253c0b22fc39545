import Database from 'better-sqlite3';
import { join } from 'node:path';
import { runCliHere } from '../cli/cli-process';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { markersIn, markersInFolder } from './data-folder-scan';

/** One marker per personal field and value the user ever had (E1): UPN, display names, aliases. */
const MARKERS = ['zq1upnmarker', 'Zq2DisplayMarker', 'Zq3RenamedMarker', 'zq4aliasmarker', 'zq5aliasmarker'];

/** E1 and E2 end to end, through the real API, store, saga and CLI, on the manual clock. */
describe('Erasure by crypto-shredding (E1, E2)', () => {
  let ledger: LedgerApp;
  let admin: Caller;
  let auditor: Caller;
  let userId: string;
  let assignedAt: string;
  let keys = 0;
  const idempotent = (test: ReturnType<Caller['post']>) => test.set('Idempotency-Key', `erasure-${++keys}`);
  const cli = (...args: string[]) =>
    runCliHere(args, { LEDGER_DATA_DIR: ledger.config.dataDir, LEDGER_JWT_SECRET: 'erasure-test' });

  /** Every answer that may show the user: JSON, CSV and NDJSON audit, timeline, mailboxes, point-in-time state. */
  const answers = async (): Promise<Record<string, string>> => ({
    audit: (await auditor.get(`/v1/audit/events?userId=${userId}&limit=100`).expect(200)).text,
    csv: (await auditor.get(`/v1/audit/events?userId=${userId}`).set('Accept', 'text/csv').expect(200)).text,
    ndjson: (await auditor.get(`/v1/audit/events?userId=${userId}`).set('Accept', 'application/x-ndjson').expect(200))
      .text,
    timeline: (await auditor.get(`/v1/retention/users/${userId}/timeline`).expect(200)).text,
    mailboxes: (await auditor.get('/v1/retention/mailboxes').expect(200)).text,
    state: (await auditor.get(`/v1/audit/state?at=${assignedAt}`).expect(200)).text,
  });

  beforeAll(async () => {
    ledger = await startLedgerApp();
    admin = ledger.as('global-admin');
    auditor = ledger.as(['auditor', 'compliance']);
    await admin
      .post('/v1/subscriptions', { skuId: 'O365_BP', name: 'BP', servicePlans: ['EXCHANGE', 'SHAREPOINT'], seats: 5 })
      .expect(201);
    const created = await idempotent(
      admin.post('/v1/users', {
        userPrincipalName: 'zq1upnmarker@contoso.com',
        displayName: 'Zq2DisplayMarker',
        usageLocation: 'GB',
        aliases: ['zq4aliasmarker@contoso.com'],
      }),
    ).expect(201);
    userId = created.body.userId as string;
    await idempotent(admin.patch(`/v1/users/${userId}`, { displayName: 'Zq3RenamedMarker' })).expect(200);
    await idempotent(admin.post(`/v1/users/${userId}/aliases`, { alias: 'zq5aliasmarker@contoso.com' })).expect(201);
    await idempotent(
      admin.post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'O365_BP' }], removeLicenses: [] }),
    ).expect(200);
    assignedAt = (await admin.get('/v1/clock').expect(200)).body.now as string;
    await admin.post('/v1/clock/advance', { minutes: 1 }).expect(200);
    const deleted = await admin.delete(`/v1/users/${userId}`).set('Idempotency-Key', 'erasure-delete').expect(200);
    expect(deleted.body.status).toBe('deleted');
  }, 60_000);
  afterAll(() => ledger.close());

  it('before the purge the personal data is readable: in the data folder, the API answers and the replay (so the scans below can fail)', async () => {
    // The rebuild swaps new read-model tables in while the API runs: the E1 scan below also covers the pages it dropped.
    expect((await cli('rebuild')).code).toBe(0);
    expect(markersInFolder(ledger.config.dataDir, MARKERS)).toEqual(MARKERS);
    expect(markersIn(Object.values(await answers()).join('\n'), MARKERS)).toEqual(MARKERS);
    const replay = await cli('replay');
    expect(replay.code).toBe(0);
    expect(markersIn(replay.stdout, MARKERS)).toEqual(MARKERS);
  }, 60_000);

  it('E1: after the purge no file of the data folder holds a marker, in UTF-8 or UTF-16LE, deleted pages and WAL included', async () => {
    await admin.post('/v1/clock/advance', { days: 30 }).expect(200);
    expect(await ledger.events('UserPurged')).toHaveLength(1);
    expect(markersInFolder(ledger.config.dataDir, MARKERS)).toEqual([]);
  }, 60_000);

  it('E2: every answer still tells what happened to the user id, with the personal fields null and erased: true', async () => {
    const all = await answers();
    expect(markersIn(Object.values(all).join('\n'), MARKERS)).toEqual([]);
    await auditor.get(`/v1/users/${userId}`).expect(404);

    const entries = JSON.parse(all.audit).items as { type: string; data: Record<string, unknown> }[];
    expect(entries.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['UserCreated', 'UserUpdated', 'AliasAdded', 'AliasesReleased', 'UserPurged']),
    );
    for (const { type, data } of entries.filter((entry) =>
      ['UserCreated', 'UserUpdated', 'AliasAdded', 'AliasesReleased', 'UserPurged'].includes(entry.type),
    )) {
      expect({ type, erased: data.erased }).toEqual({ type, erased: true });
    }
    expect(entries.find((entry) => entry.type === 'UserCreated')!.data).toMatchObject({
      userId,
      userPrincipalName: null,
      displayName: null,
      aliases: null,
      usageLocation: 'GB',
    });
    expect(all.ndjson).toContain('"erased":true');
    expect(all.csv).toContain('erased');
    const timeline = JSON.parse(all.timeline) as { entries: { type: string; details: Record<string, unknown> }[] };
    expect(timeline.entries.find((entry) => entry.type === 'UserCreated')!.details).toMatchObject({
      userPrincipalName: null,
      erased: true,
    });
    const mailbox = (JSON.parse(all.mailboxes).items as { userId: string }[]).find((item) => item.userId === userId);
    expect(mailbox).toMatchObject({ userPrincipalName: null, erased: true, status: 'purged' });
    expect(JSON.parse(all.state).assignments).toEqual([{ userId, skuId: 'O365_BP', disabledPlans: [] }]);
  });

  it('E2: the CLI replay tells the story with [erased] in place of each personal field, in text and JSON', async () => {
    const text = await cli('replay');
    expect(text.code).toBe(0);
    expect(markersIn(text.stdout, MARKERS)).toEqual([]);
    expect(text.stdout).toContain(`created user [erased] [erased] in GB`);
    expect(text.stdout).toContain(`purged deleted user ${userId} [erased]`);
    const json = await cli('replay', '--format', 'json');
    expect(markersIn(json.stdout, MARKERS)).toEqual([]);
    expect(json.stdout).toContain('"erased":true');
  }, 60_000);

  it('verify-erasure exits 0 when every purged user is unreadable, and 1 naming a user whose data a read model still shows', async () => {
    const clean = await cli('verify-erasure');
    expect(clean.stdout).toBe('Erasure verified: 1 purged user(s), no personal data readable\n');
    expect(clean.code).toBe(0);

    const db = new Database(join(ledger.config.dataDir, 'read-models.sqlite'));
    db.prepare("UPDATE mailboxes SET user_principal_name = 'restored-from-backup@contoso.com' WHERE user_id = ?").run(
      userId,
    );
    db.close();
    const dirty = await cli('verify-erasure');
    expect(dirty.stdout).toBe(
      `Personal data still readable for 1 purged user(s):\n  default/${userId}: the mailbox read model\n`,
    );
    expect(dirty.code).toBe(1);

    // A remembered Idempotency-Key answer about the user, kept in the ledger snapshot with its body.
    const snapshot = new Database(join(ledger.config.dataDir, 'read-models.sqlite'));
    snapshot
      .prepare("INSERT INTO ledger_snapshot_rows (stream_id, kind, id, value) VALUES ('ledger-default', 'key', 'k', ?)")
      .run(JSON.stringify({ body: { userPrincipalName: 'restored@contoso.com' }, userIds: [userId] }));
    snapshot.close();
    const answer = await cli('verify-erasure');
    expect(answer.stdout).toContain(`default/${userId}: the mailbox read model; the ledger snapshot\n`);
    expect(answer.code).toBe(1);
  }, 60_000);
});
