import { TokenService, type Role } from '@app/application';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, watchedPage, type WatchedPage } from '../support/browser';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { startLedgerApp, type LedgerApp } from '../support/ledger-app';
import { issuerKey, startLocalIssuer, type LocalIssuer } from '../support/oidc-issuer';

const ROOT = join(__dirname, '..', '..');
/** CONSOLE_SCREENSHOTS=1 writes a PNG of every page into docs/console (not on ordinary runs). */
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'console') : null;

jest.setTimeout(60_000);

/** O365_BP's term (SL1): the seats page shows it. */
const TERM_ENDS_AT = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10) + 'T00:00:00.000Z';

let ledger: LedgerApp;
let url: string;
let browser: Browser;
let tokens: TokenService;
let ada: { userId: string };
let linus: { userId: string };
let open: WatchedPage | null = null;
/** Console errors a test provokes on purpose (Chromium logs every 4xx answer of fetch). */
let expectedErrors: RegExp | null = null;

function token(roles: Role[], actor: string, name: string, ttlSeconds = 3600): string {
  return tokens.sign({ actorId: actor, name, roles, ttlSeconds });
}

/** Opens the console signed in by `#token=` (the scripted sign-in) at a page path. */
async function signedIn(
  roles: Role[],
  path: string,
  actor = 'alice',
  name = 'Alice Admin',
  viewport?: { width: number; height: number },
): Promise<WatchedPage> {
  open = await watchedPage(browser, viewport);
  await open.page.goto(`${url}/console${path}#token=${token(roles, actor, name)}`);
  return open;
}

/** Waits until the field is marked invalid (the console's own check, before anything is sent). */
async function invalid(field: Locator): Promise<void> {
  await field.and(field.page().locator('[aria-invalid="true"]')).waitFor();
}

/** A time as the console writes it (ui/format.ts `when`). */
function utc(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}

async function shot(name: string, watched: WatchedPage): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await watched.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  // The console as `npm start` serves it: built once when missing or older than its sources.
  execFileSync(process.execPath, [join(ROOT, 'apps/console/tools/build-if-stale.mjs')], { cwd: ROOT, stdio: 'pipe' });
  [ledger, browser] = await Promise.all([startLedgerApp(), launchBrowser()]);
  await ledger.app.listen(0, '127.0.0.1');
  url = (await ledger.app.getUrl()).replace('[::1]', '127.0.0.1');
  tokens = TokenService.fromSecret(ledger.config.jwtSecret, ledger.config.defaultTenant);

  const admin = ledger.as('global-admin', { actor: 'alice', name: 'Alice Admin' });
  await admin
    .post('/v1/subscriptions', {
      skuId: 'O365_BP',
      name: 'Business Premium',
      servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
      seats: 8,
      termEndsAt: TERM_ENDS_AT,
    })
    .expect(201);
  await admin
    .post('/v1/subscriptions', { skuId: 'TEAMS_ESS', name: 'Teams Essentials', servicePlans: ['LYNC'], seats: 2 })
    .expect(201);
  await admin
    .post('/v1/subscriptions', { skuId: 'PROJECT_P1', name: 'Project Plan 1', servicePlans: ['SHAREPOINT'], seats: 3 })
    .expect(201);
  const user = async (upn: string, displayName: string, aliases: string[], skus: string[]) => {
    const created = await admin
      .post('/v1/users', { userPrincipalName: upn, displayName, usageLocation: 'GB', aliases })
      .expect(201);
    await admin
      .post(`/v1/users/${created.body.userId}/assignLicense`, {
        addLicenses: skus.map((skuId) => ({ skuId })),
        removeLicenses: [],
      })
      .expect(200);
    return created.body as { userId: string };
  };
  // A few weeks of history on the manual clock, for the seats chart and the retention views.
  const advance = (days: number) => admin.post('/v1/clock/advance', { days }).expect(200);
  ada = await user('ada@contoso.com', 'Ada Lovelace', ['a.lovelace@contoso.com'], ['O365_BP', 'TEAMS_ESS']);
  await advance(3);
  await user('grace@contoso.com', 'Grace Hopper', [], ['O365_BP']);
  for (const name of ['Alan Turing', 'Barbara Liskov', 'Edsger Dijkstra']) {
    await user(`${name.split(' ')[0].toLowerCase()}@contoso.com`, name, [], ['O365_BP']);
    await advance(2);
  }
  await user('ken@contoso.com', 'Ken Thompson', [], ['TEAMS_ESS']);
  linus = await user('linus@contoso.com', 'Linus Torvalds', ['linus.t@contoso.com'], ['O365_BP']);
  await advance(4);
  await admin.delete(`/v1/users/${linus.userId}`).expect(200);
  // Two seats assigned, one expires: TEAMS_ESS is over-assigned.
  await admin.post('/v1/subscriptions/TEAMS_ESS/seats', { action: 'expire', count: 1 }).expect(200);
});

afterEach(async () => {
  const errors = (open?.errors ?? []).filter((error) => !expectedErrors?.test(error));
  expectedErrors = null;
  await open?.context.close();
  open = null;
  // No page may log a console error (a failed request, a React warning, an uncaught exception).
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await ledger?.close();
});

it("an admin previews a license removal that soft-deletes the mailbox with the API's dry run, sees what will be lost, and applies it (L3)", async () => {
  const { page } = await signedIn(['global-admin'], `/users/${ada.userId}`);
  await shot('user', open!);
  const previewCall = page.waitForRequest((r) => r.url().endsWith(`/v1/users/${ada.userId}/assignLicense?dryRun=true`));
  await page.getByRole('button', { name: 'Remove O365_BP' }).click();
  expect(JSON.parse((await previewCall).postData()!)).toEqual({ addLicenses: [], removeLicenses: ['O365_BP'] });
  const dialog = page.getByRole('dialog', { name: 'Remove O365_BP from Ada Lovelace' });
  const lost = dialog.getByRole('list', { name: 'What will be lost' });
  await lost.waitFor();
  const preview = (await lost.textContent())!;
  expect(preview).toContain('Licenses removed: O365_BP.');
  expect(preview).toContain('The mailbox enters its grace period');
  expect(preview).toContain('a.lovelace@contoso.com');
  expect(preview).toContain('The Lync contacts list is deleted');
  await shot('user-preview', open!);
  // The preview applied nothing.
  expect((await ledger.as('global-admin').get(`/v1/users/${ada.userId}`)).body.mailbox.status).toBe('active');

  const applied = page.waitForResponse(
    (r) => r.url().endsWith(`/v1/users/${ada.userId}/assignLicense`) && r.request().method() === 'POST',
  );
  const reread = page.waitForRequest((r) => r.url().endsWith(`/v1/users/${ada.userId}`) && r.method() === 'GET');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const position = (await applied).headers()['x-ledger-position'];
  expect(position).toMatch(/^\d+$/);
  // The page reads its own change: its reload asks the read models to have reached the change's position.
  expect((await reread).headers()['x-ledger-min-position']).toBe(position);
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('softDeleted, purge after').waitFor();
  const after = (await ledger.as('global-admin').get(`/v1/users/${ada.userId}`)).body;
  expect({
    licenses: after.licenses.map((l: { skuId: string }) => l.skuId),
    mailbox: after.mailbox.status,
    aliases: after.aliases,
  }).toEqual({
    licenses: ['TEAMS_ESS'],
    mailbox: 'softDeleted',
    aliases: [],
  });
  // The purge date previewed is the ledger's (its manual clock is two weeks ahead of the browser's).
  expect(preview).toContain(`purged after ${utc(after.mailbox.purgeAfter)}`);
});

it("an auditor finds the admin's license removal and exports it as CSV and NDJSON", async () => {
  const { page } = await signedIn(['auditor'], '/audit', 'ian', 'Ian Auditor');
  await page.getByLabel('User id').fill(ada.userId);
  await page.getByLabel('Type').selectOption('LicenseRemoved');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: 'LicenseRemoved' });
  await expect(row.textContent()).resolves.toContain('O365_BP');
  await shot('audit', open!);

  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csvText = readFileSync(await (await csv).path(), 'utf8');
  expect(
    csvText.split('\n').filter((line) => line.includes('LicenseRemoved') && line.includes('O365_BP')),
  ).toHaveLength(1);

  const ndjson = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export NDJSON' }).click();
  const entries = readFileSync(await (await ndjson).path(), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(entries.map((e) => [e.type, e.skuId, e.actor.id])).toEqual([['LicenseRemoved', 'O365_BP', 'alice']]);

  // The state a minute before the removal still counts Ada's O365_BP seat.
  const before = new Date(Date.parse(entries[0].occurredAt) - 60_000).toISOString().slice(0, 16);
  const expected = (await ledger.as('auditor').get(`/v1/audit/state?at=${before}:00Z`)).body.subscriptions.find(
    (s: { skuId: string }) => s.skuId === 'O365_BP',
  );
  await page.getByLabel('At (UTC)').fill(before);
  await page.getByRole('button', { name: 'Show state' }).click();
  const stateRow = page
    .getByRole('table')
    .filter({ hasText: 'Seats at' })
    .getByRole('row')
    .filter({ hasText: 'O365_BP' });
  // The table appears when the API answers; allTextContents does not wait for it.
  await stateRow.waitFor();
  expect((await stateRow.locator('td').allTextContents()).slice(0, 3)).toEqual([
    'O365_BP',
    String(expected.valid),
    String(expected.assigned),
  ]);
});

it('compliance staff find the mailboxes in their grace period, place a legal hold and read it in the timeline (L5, H1)', async () => {
  const { page } = await signedIn(['compliance'], '/retention', 'carol', 'Carol Compliance');
  const rows = page.getByRole('row').filter({ hasText: '@contoso.com' });
  await rows.first().waitFor();
  // The manual clock stands still: both purges fall on the same instant; days left count from the browser's clock.
  const purgeAfter = (await ledger.as('global-admin').get(`/v1/users/${ada.userId}`)).body.mailbox.purgeAfter as string;
  const daysLeft = Math.ceil((Date.parse(purgeAfter) - Date.now()) / 86_400_000);
  expect((await rows.allTextContents()).map((text) => text.replace(/\d{4}-.*UTC/g, '').trim()).sort()).toEqual([
    `ada@contoso.com${daysLeft}—`,
    `linus@contoso.com${daysLeft}—`,
  ]);
  await shot('retention', open!);
  await page.getByRole('link', { name: 'ada@contoso.com' }).click();
  await page.getByRole('heading', { name: 'Retention timeline' }).waitFor();
  await expect(page.locator('.scheduled').textContent()).resolves.toMatch(/Mailbox purge at .* \(\d+ days left\)/);
  await expect(page.locator('.timeline').textContent()).resolves.toContain('MailboxSoftDeleted');

  // From the timeline to the user, where compliance places a hold: an empty reason is refused before sending.
  await page.getByRole('link', { name: "the user's page" }).click();
  await page.getByRole('button', { name: 'Place hold' }).click();
  await invalid(page.getByLabel('Reason'));
  await page.getByLabel('Reason').fill('Litigation 2026-114');
  await page.getByRole('button', { name: 'Place hold' }).click();
  await page.getByRole('status').filter({ hasText: 'A legal hold is placed on Ada Lovelace.' }).waitFor();
  const hold = (await ledger.as('compliance').get(`/v1/users/${ada.userId}`)).body.hold;
  expect(hold).toMatchObject({ by: { id: 'carol', name: 'Carol Compliance' }, reason: 'Litigation 2026-114' });
  // The facts list reads term then value: "Legal hold" "since … by …: reason".
  await expect(page.locator('.facts').textContent()).resolves.toContain(
    `Legal holdsince ${utc(hold.since)} by Carol Compliance: Litigation 2026-114`,
  );
  await shot('user-hold', open!);
  await page.getByRole('link', { name: 'Retention timeline' }).click();
  await expect(page.locator('.timeline').textContent()).resolves.toMatch(/LegalHoldPlaced by Carol Compliance/);
  await shot('timeline', open!);
  await page.getByRole('link', { name: 'Retention', exact: true }).click();
  await expect(rows.filter({ hasText: 'ada@contoso.com' }).textContent()).resolves.toContain('held: not purged');
});

it('a scripted sign-in leaves no token in the address bar; the header says who is signed in; signing out forgets the token', async () => {
  const { page } = await signedIn(['auditor', 'compliance'], '/audit', 'ian', 'Ian Auditor');
  await page.getByRole('heading', { name: 'Audit' }).waitFor();
  expect(page.url()).toBe(`${url}/console/audit`);
  await expect(page.getByLabel('Signed in as').textContent()).resolves.toBe(
    'Ian Auditor (ian) · auditor, compliance · tenant default',
  );
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You signed out.').waitFor();
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
  await shot('sign-in', open!);
  await page.reload();
  await page.getByLabel('Paste a token').waitFor();
});

it('a token about to expire is announced before it does', async () => {
  open = await watchedPage(browser);
  await open.page.goto(`${url}/console/retention#token=${token(['compliance'], 'carol', 'Carol Compliance', 120)}`);
  await expect(open.page.getByRole('alert').textContent()).resolves.toMatch(/Your token expires in [12] minute\(s\)/);
});

it('a role without a page is told so, not shown a blank page (403)', async () => {
  const { page } = await signedIn(['user-admin'], `/retention/${ada.userId}`, 'uma', 'Uma User-Admin');
  await expect(page.getByRole('alert').textContent()).resolves.toContain('Your roles do not permit the Retention page');
  // The navigation offers only what the role may do.
  expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents()).toEqual([
    'Seats',
    'Users',
    'Bulk',
  ]);
});

it('every page renders for a global admin without a console error, on a laptop and on a phone', async () => {
  for (const [viewport, suffix] of [
    [{ width: 1280, height: 860 }, ''],
    [{ width: 390, height: 844 }, '-phone'],
  ] as const) {
    const { page, context, errors } = await signedIn(['global-admin'], '/seats', 'alice', 'Alice Admin', viewport);
    await page.getByText('Business Premium').waitFor();
    await page.locator('.chart svg').waitFor();
    const card = (sku: string) => page.getByRole('listitem').filter({ hasText: sku }).textContent();
    await expect(card('O365_BP')).resolves.toMatch(
      new RegExp(`^Business Premium O365_BPenabled.*term ends${utc(TERM_ENDS_AT)}next step${utc(TERM_ENDS_AT)}`),
    );
    await expect(card('TEAMS_ESS')).resolves.toContain('enabled · over-assigned by 1');
    await shot(`seats${suffix}`, open!);
    for (const [title, ready] of [
      ['Users', 'Grace Hopper'],
      ['Bulk', 'Dry run'],
      ['Retention', 'ada@contoso.com'],
      ['Audit', 'State at an instant'],
      ['Alerts', 'Raised alerts'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: title }).click();
      await page.getByText(ready).first().waitFor();
      if (suffix && title === 'Users') await shot('users-phone', open!);
    }
    expect(errors).toEqual([]);
    if (suffix) break;
    await context.close();
    open = null;
  }
});

it("bulk: a dry run shows every user's outcome and applies nothing until Apply; a refused one names each user's failure", async () => {
  const { page } = await signedIn(['user-admin'], '/bulk', 'uma', 'Uma User-Admin');
  await page.getByRole('checkbox', { name: 'grace@contoso.com' }).check();
  await page.getByLabel('Or paste UPNs').fill('ken@contoso.com, ALAN@contoso.com');
  await page
    .getByRole('group', { name: 'SKUs' })
    .getByLabel(/PROJECT_P1/)
    .check();
  await page.getByRole('button', { name: 'Dry run' }).click();
  const dryRun = page.getByRole('table').filter({ hasText: 'Dry run: nothing applied yet' });
  await dryRun.waitFor();
  expect(await dryRun.getByRole('row').filter({ hasText: '+PROJECT_P1' }).allTextContents()).toHaveLength(3);
  await shot('bulk', open!);
  const holders = async (minPosition = '0') =>
    (
      await ledger.as('global-admin').get('/v1/users?skuId=PROJECT_P1').set('X-Ledger-Min-Position', minPosition)
    ).body.items
      .map((u: { userPrincipalName: string }) => u.userPrincipalName)
      .sort();
  expect(await holders()).toEqual([]);
  const applied = page.waitForResponse((r) => r.url().endsWith('/v1/licenses/bulk') && r.status() === 200);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('table').filter({ hasText: 'Applied' }).waitFor();
  // Read at the change's position: the answer comes before this node's read models have applied it.
  const position = (await applied).headers()['x-ledger-position'];
  expect(await holders(position)).toEqual(['alan@contoso.com', 'grace@contoso.com', 'ken@contoso.com']);

  // Deleting Linus again (deleted already) and Ken: the dry run answers 200 with ok false, Linus's failure named.
  await page.getByLabel('Change', { exact: true }).selectOption('delete');
  await page.getByRole('checkbox', { name: 'grace@contoso.com' }).uncheck();
  await page.getByLabel('Or paste UPNs').fill('linus@contoso.com ken@contoso.com');
  await page.getByRole('button', { name: 'Dry run' }).click();
  const refused = page.getByRole('table').filter({ hasText: 'the ledger would refuse this' });
  await refused.waitFor();
  await expect(refused.getByRole('row').filter({ hasText: 'linus@contoso.com' }).textContent()).resolves.toContain(
    '(UserDeleted)',
  );
  await expect(refused.getByRole('row').filter({ hasText: 'ken@contoso.com' }).textContent()).resolves.toMatch(
    /to be deleted, frees .*PROJECT_P1.*—$/,
  );
  expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
  await shot('bulk-delete', open!);
  expect((await ledger.as('global-admin').get('/v1/users?status=deleted')).body.items).toHaveLength(1);
});

it("a form shows the API's ValidationFailed message against its field", async () => {
  expectedErrors = /status of 400/;
  const { page } = await signedIn(['auditor'], '/audit', 'ian', 'Ian Auditor');
  await page.getByLabel('SKU').fill('o365 bp');
  await page.getByRole('button', { name: 'Search' }).click();
  const field = page.getByLabel('SKU');
  await page.locator('[aria-invalid="true"]').waitFor();
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await field.getAttribute('aria-describedby'))!;
  await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toContain('skuId');
});

it('users: search by a name prefix, filter by hold and location, and open a user by UPN', async () => {
  const { page } = await signedIn(['auditor'], '/users', 'ian', 'Ian Auditor');
  const names = () => page.getByRole('table').getByRole('link').allTextContents();
  await page.getByText('Grace Hopper').waitFor();
  await page.getByLabel('Search').fill('gr');
  await page.getByRole('button', { name: 'Find' }).click();
  // The old page goes (Ada), then the answer comes (Grace).
  await page.getByText('Ada Lovelace').waitFor({ state: 'detached' });
  await page.getByText('Grace Hopper').waitFor();
  expect(await names()).toEqual(['Grace Hopper']);

  await page.getByLabel('Search').fill('');
  await page.getByLabel('Legal hold').selectOption('true');
  await page.getByLabel('Location').fill('gb');
  await expect(page.getByLabel('Location').inputValue()).resolves.toBe('GB');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByText('Grace Hopper').waitFor({ state: 'detached' });
  await page.getByText('Ada Lovelace').waitFor();
  expect(await names()).toEqual(['Ada Lovelace']);
  await shot('users', open!);

  // A location the console can tell is wrong is said under its field, and nothing is sent.
  await page.getByLabel('Location').fill('G');
  await page.getByRole('button', { name: 'Find' }).click();
  await invalid(page.getByLabel('Location'));

  await page.getByLabel('Open by UPN').fill('LINUS@contoso.com');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('heading', { name: 'Linus Torvalds' }).waitFor();
  expect(page.url()).toBe(`${url}/console/users/${linus.userId}`);
});

it('an admin restores a deleted user after the preview of what comes back (U5, L4)', async () => {
  const { page } = await signedIn(['user-admin'], `/users/${linus.userId}`, 'uma', 'Uma User-Admin');
  const previewCall = page.waitForRequest((r) => r.url().endsWith(`/v1/users/${linus.userId}/restore?dryRun=true`));
  await page.getByRole('button', { name: 'Preview restore' }).click();
  expect(JSON.parse((await previewCall).postData()!)).toEqual({ withLicenses: true });
  const dialog = page.getByRole('dialog', { name: 'Restore Linus Torvalds with its licenses' });
  const back = dialog.getByRole('list', { name: 'What comes back' });
  await back.waitFor();
  await expect(back.allTextContents()).resolves.toEqual([
    'Licenses assigned: O365_BP.The mailbox comes back from its grace period.The Lync contacts list comes back.',
  ]);
  await shot('restore-preview', open!);
  expect((await ledger.as('global-admin').get(`/v1/users/${linus.userId}`)).body.status).toBe('deleted');

  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('status').filter({ hasText: 'Linus Torvalds is restored.' }).waitFor();
  const after = (await ledger.as('global-admin').get(`/v1/users/${linus.userId}`)).body;
  expect({
    status: after.status,
    licenses: after.licenses.map((l: { skuId: string }) => l.skuId),
    mailbox: after.mailbox.status,
  }).toEqual({
    status: 'active',
    licenses: ['O365_BP'],
    mailbox: 'active',
  });
});

it('alerts: a global admin registers a webhook, sets a seats rule that raises an alert, and finds its signed delivery (N1)', async () => {
  const receiver = await startWebhookReceiver();
  try {
    const { page } = await signedIn(['global-admin'], '/alerts');
    await page.getByLabel('URL').fill(receiver.url);
    for (const type of ['SeatsOverAssigned', 'PurgeDueSoon', 'SubscriptionStateChanged'])
      await page.getByRole('checkbox', { name: type }).uncheck();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    // The secret is checked before sending: none given yet.
    await invalid(page.getByLabel('Secret'));
    await page.getByRole('button', { name: 'Generate a secret' }).click();
    const secret = await page.getByLabel('Secret').inputValue();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    await page.getByRole('status').filter({ hasText: 'Its secret is not shown again.' }).waitFor();
    expect((await ledger.as('global-admin').get('/v1/webhooks')).body.items).toEqual([
      { id: expect.any(String), url: receiver.url, events: ['SeatsLow'] },
    ]);

    // O365_BP has fewer than 8 seats available: a threshold of 8 is crossed at once (SeatsLow).
    const { available } = (await ledger.as('global-admin').get('/v1/subscriptions/O365_BP')).body;
    expect(available).toBeLessThan(8);
    await page.getByRole('button', { name: 'Add a threshold' }).click();
    await page.getByLabel('SKU 1').selectOption('O365_BP');
    await page.getByLabel('Fewer available than (1)').fill('0');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await invalid(page.getByLabel('Fewer available than (1)'));
    await page.getByLabel('Fewer available than (1)').fill('8');
    await page.getByLabel('Purge due within (days)').fill('7');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await ledger.as('global-admin').get('/v1/alerts/rules')).body).toEqual({
      seatsBelow: [{ skuId: 'O365_BP', available: 8 }],
      purgeDueWithinDays: 7,
    });
    const raised = page
      .getByRole('table', { name: 'Alerts, newest first' })
      .getByRole('row')
      .filter({ hasText: 'SeatsLow' });
    await expect(raised.textContent()).resolves.toContain(`skuId: O365_BP · available: ${available} · threshold: 8`);

    await receiver.acceptedCount(1);
    const [delivery] = receiver.accepted();
    expect(receiver.received[0].headers['x-ledger-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(receiver.received[0].rawBody).digest('hex')}`,
    );
    await page.getByRole('button', { name: `Deliveries of ${receiver.url}` }).click();
    const row = page
      .getByRole('table')
      .filter({ hasText: 'Deliveries' })
      .getByRole('row')
      .filter({ hasText: 'SeatsLow' });
    await expect(row.textContent()).resolves.toContain(delivery.alertId.slice(0, 8));
    await shot('alerts', open!);
  } finally {
    await receiver.close();
  }
});

describe("sign-in with the organization's identity provider (LEDGER_OIDC_ISSUER): authorization code + PKCE", () => {
  let issuer: LocalIssuer;
  let withIssuer: LedgerApp;
  let signInPage: string;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    issuer.publish([await issuerKey('rsa-1', 'RS256')]);
    // Keycloak's shape: roles nested in an object, the tenant in a claim of the organization's choosing.
    issuer.signsIn({ sub: 'oid-olga', name: 'Olga Okafor', realm_access: { roles: ['global-admin'] }, org: 'contoso' });
    withIssuer = await startLedgerApp({
      LEDGER_OIDC_ISSUER: issuer.url,
      LEDGER_OIDC_AUDIENCE: 'license-ledger',
      LEDGER_OIDC_ROLES_CLAIM: 'realm_access.roles',
      LEDGER_OIDC_TENANT_CLAIM: 'org',
    });
    await withIssuer.app.listen(0, '127.0.0.1');
    signInPage = `${(await withIssuer.app.getUrl()).replace('[::1]', '127.0.0.1')}/console/`;
    await withIssuer
      .as('global-admin', { tenant: 'contoso' })
      .post('/v1/subscriptions', { skuId: 'O365_E3', name: 'Office 365 E3', servicePlans: ['EXCHANGE'], seats: 5 })
      .expect(201);
  });
  afterAll(async () => {
    await withIssuer?.close();
    await issuer?.close();
  });

  it("signs in at the provider, says who signed in, calls the API with the provider's token, and signs out", async () => {
    open = await watchedPage(browser);
    const { page } = open;
    await page.goto(signInPage);
    const seatsCall = page.waitForResponse((r) => r.url().endsWith('/v1/subscriptions'));
    await page.getByRole('button', { name: 'Sign in with your organization' }).click();
    await expect(page.getByLabel('Signed in as').textContent()).resolves.toBe(
      'Olga Okafor (oid-olga) · global-admin · tenant contoso',
    );
    // The Seats page got the tenant's subscriptions with the token the provider signed (RS256, its issuer).
    await page.getByText('Office 365 E3').waitFor();
    const seats = await seatsCall;
    expect(seats.status()).toBe(200);
    const [header, payload] = (await seats.request().headerValue('authorization'))!
      .replace('Bearer ', '')
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    expect([header.alg, payload.iss, payload.aud]).toEqual(['RS256', issuer.url, 'license-ledger']);
    // Neither the code nor the state stays in the address bar.
    expect(page.url()).toBe(`${signInPage}seats`);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You signed out.').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.getByRole('button', { name: 'Sign in with your organization' }).waitFor();
  });

  it('a sign-in the provider refuses (a tampered PKCE verifier) is explained on the sign-in page, which offers the provider again', async () => {
    expectedErrors = /status of 400/;
    open = await watchedPage(browser);
    const { page } = open;
    const tokenEndpoint = `${issuer.url}/token`;
    // Someone who holds the code but not this page's verifier.
    await page.route(tokenEndpoint, (route) => {
      const form = new URLSearchParams(route.request().postData()!);
      form.set('code_verifier', `${form.get('code_verifier')}x`);
      return route.continue({ postData: form.toString() });
    });
    await page.goto(signInPage);
    await page.getByRole('button', { name: 'Sign in with your organization' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'The identity provider refused the sign-in: the code_verifier does not match the code_challenge.',
    );
    expect(page.url()).toBe(signInPage);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);

    await page.unroute(tokenEndpoint);
    await page.getByRole('button', { name: 'Sign in with your organization' }).click();
    await page.getByText('Office 365 E3').waitFor();
  });
});
