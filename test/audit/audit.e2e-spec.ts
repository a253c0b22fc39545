import { CLOCK, ManualClock } from '@app/application';
import { AuditEntry } from '@app/projections';
import request from 'supertest';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { csvToEntries } from './csv';

interface Snapshot {
  at: string;
  subscriptions: { skuId: string }[];
  assignments: { userId: string; skuId: string; disabledPlans: string[] }[];
}

const PREMIUM = 'O365_BP';
const E1 = 'E1';

/**
 * A2 over the real API: a scripted history (assign, remove, reassign, bulk replace, delete user),
 * each step at its own instant of the manual clock, then read back as audit entries, filtered,
 * paged, exported and replayed to past instants.
 */
describe('Audit trail and point-in-time state (A1, A2)', () => {
  let ledger: LedgerApp;
  let clock: ManualClock;
  let root: Caller;
  let alice: Caller;
  let bob: Caller;
  let auditor: Caller;
  const users: Record<'ada' | 'bee' | 'cy', string> = { ada: '', bee: '', cy: '' };
  /** What the read models said right after each step, and when. */
  const snapshots: Snapshot[] = [];
  let all: AuditEntry[];

  const capture = async () => {
    const subscriptions = (await auditor.get('/v1/subscriptions').expect(200)).body.items;
    const listed = (await auditor.get('/v1/users?limit=1000').expect(200)).body.items as {
      userId: string;
      licenses: { skuId: string; disabledPlans: string[] }[];
    }[];
    const assignments = listed
      .flatMap((user) =>
        user.licenses.map((license) => ({
          userId: user.userId,
          skuId: license.skuId,
          disabledPlans: license.disabledPlans,
        })),
      )
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.skuId < b.skuId ? -1 : 1));
    snapshots.push({ at: (await clock.now()).toISOString(), subscriptions, assignments });
    // The next step happens ten minutes later: every step has its own instant.
    await clock.advance({ minutes: 10 });
  };

  const pages = async (query: string, limit = 1000): Promise<AuditEntry[]> => {
    const entries: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: AuditEntry[]; nextCursor: string | null } } = await auditor
        .get(`/v1/audit/events?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      entries.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return entries;
  };

  beforeAll(async () => {
    ledger = await startLedgerApp();
    clock = ledger.app.get(CLOCK);
    await clock.advance({ days: 1 });
    root = ledger.as('global-admin', { actor: 'root', name: 'Root Admin' });
    alice = ledger.as('user-admin', { actor: 'alice', name: 'Alice Doe' });
    bob = ledger.as('user-admin', { actor: 'bob' });
    auditor = ledger.as('auditor', { actor: 'audrey' });

    // 0: subscriptions
    await root
      .post('/v1/subscriptions', {
        skuId: PREMIUM,
        name: 'Office 365 Business Premium',
        servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
        seats: 3,
      })
      .expect(201);
    await root
      .post('/v1/subscriptions', {
        skuId: E1,
        name: 'Office 365 E1',
        servicePlans: ['EXCHANGE', 'SHAREPOINT'],
        seats: 2,
      })
      .expect(201);
    await capture();
    // 1: users
    users.ada = (
      await alice
        .post('/v1/users', {
          userPrincipalName: 'ada@contoso.com',
          displayName: 'Ada',
          usageLocation: 'GB',
          aliases: ['ada.l@contoso.com'],
        })
        .expect(201)
    ).body.userId;
    users.bee = (
      await alice
        .post('/v1/users', { userPrincipalName: 'bee@contoso.com', displayName: 'Bee', usageLocation: 'US' })
        .expect(201)
    ).body.userId;
    users.cy = (
      await alice
        .post('/v1/users', { userPrincipalName: 'cy@contoso.com', displayName: 'Cy', usageLocation: 'FR' })
        .expect(201)
    ).body.userId;
    await capture();
    // 2: alice assigns Premium to ada (without Lync)
    await alice
      .post(`/v1/users/${users.ada}/assignLicense`, {
        addLicenses: [{ skuId: PREMIUM, disabledPlans: ['LYNC'] }],
        removeLicenses: [],
      })
      .expect(200);
    await capture();
    // 3: bob assigns Premium to cy
    await bob
      .post(`/v1/users/${users.cy}/assignLicense`, { addLicenses: [{ skuId: PREMIUM }], removeLicenses: [] })
      .expect(200);
    await capture();
    // 4: alice removes ada's Premium (mailbox soft-deleted, alias released)
    await alice
      .post(`/v1/users/${users.ada}/assignLicense`, { addLicenses: [], removeLicenses: [PREMIUM] })
      .expect(200);
    await capture();
    // 5: bob gives it back to ada (mailbox restored)
    await bob
      .post(`/v1/users/${users.ada}/assignLicense`, { addLicenses: [{ skuId: PREMIUM }], removeLicenses: [] })
      .expect(200);
    await capture();
    // 6: bob reassigns ada's seat to bee
    await bob.post('/v1/licenses/reassign', { skuId: PREMIUM, fromUserId: users.ada, toUserId: users.bee }).expect(200);
    await capture();
    // 7: alice replaces the licenses of ada and cy with E1 only
    await alice
      .post('/v1/licenses/bulk', { userIds: [users.ada, users.cy], skuIds: [E1], mode: 'replace' })
      .expect(200);
    await capture();
    // 8: bob deletes bee
    await bob.delete(`/v1/users/${users.bee}`).expect(200);
    await capture();

    // Another tenant's history must never show.
    const other = ledger.as('global-admin', { actor: 'mallory', tenant: 'fabrikam' });
    await other
      .post('/v1/subscriptions', { skuId: PREMIUM, name: 'Other', servicePlans: ['EXCHANGE'], seats: 9 })
      .expect(201);

    all = await pages('');
  });

  afterAll(() => ledger.close());

  const at = (step: number) => snapshots[step].at;
  const licenseChanges = () =>
    all
      .filter((entry) => entry.type === 'LicenseAssigned' || entry.type === 'LicenseRemoved')
      .map((entry) => [
        entry.type,
        entry.actor.id,
        nameOf(entry.userId),
        entry.skuId,
        entry.data.reason ?? null,
        entry.occurredAt,
      ]);
  const nameOf = (userId: string | undefined) => Object.entries(users).find(([, id]) => id === userId)?.[0];

  it('A1: one audit entry per event of the tenant, in store order, with the stored ids and metadata', async () => {
    const stored = (await ledger.events()).filter((event) => event.streamId === 'ledger-default');
    expect(all.map((entry) => [entry.position, entry.eventId, entry.type, entry.data])).toEqual(
      stored.map((event) => [Number(event.position), event.id, event.type, event.data]),
    );
    expect(all.map((entry) => entry.occurredAt)).toEqual(
      stored.map((event) => (event.metadata as { occurredAt: string }).occurredAt),
    );
    for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
    expect(all.some((entry) => entry.actor.id === 'mallory')).toBe(false);
  });

  it('A2: who changed which license, to whom, with which SKU, in order', () => {
    expect(licenseChanges()).toEqual([
      ['LicenseAssigned', 'alice', 'ada', PREMIUM, null, at(2)],
      ['LicenseAssigned', 'bob', 'cy', PREMIUM, null, at(3)],
      ['LicenseRemoved', 'alice', 'ada', PREMIUM, 'removed', at(4)],
      ['LicenseAssigned', 'bob', 'ada', PREMIUM, null, at(5)],
      ['LicenseRemoved', 'bob', 'ada', PREMIUM, 'reassigned', at(6)],
      ['LicenseAssigned', 'bob', 'bee', PREMIUM, null, at(6)],
      ['LicenseAssigned', 'alice', 'ada', E1, null, at(7)],
      ['LicenseRemoved', 'alice', 'cy', PREMIUM, 'replaced', at(7)],
      ['LicenseAssigned', 'alice', 'cy', E1, null, at(7)],
      ['LicenseRemoved', 'bob', 'bee', PREMIUM, 'userDeleted', at(8)],
    ]);
    const first = all.find((entry) => entry.type === 'LicenseAssigned')!;
    expect(first).toEqual({
      position: expect.any(Number),
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'LicenseAssigned',
      occurredAt: at(2),
      actor: { id: 'alice', name: 'Alice Doe' },
      userId: users.ada,
      userPrincipalName: 'ada@contoso.com',
      skuId: PREMIUM,
      before: null,
      after: { skuId: PREMIUM, disabledPlans: ['LYNC'] },
      data: { userId: users.ada, skuId: PREMIUM, disabledPlans: ['LYNC'] },
      correlationId: expect.any(String),
    });
    // E3: a reassign's removal says what the giver held, with no join.
    expect(all.find((entry) => entry.type === 'LicenseRemoved' && entry.data.reason === 'reassigned')).toMatchObject({
      userPrincipalName: 'ada@contoso.com',
      before: { skuId: PREMIUM },
      after: null,
    });
    // A token without a name: the actor's name is null, not missing.
    expect(all.find((entry) => entry.actor.id === 'bob')!.actor).toEqual({ id: 'bob', name: null });
    // Consequences carry the actor of the change that caused them (L3, L4, U4).
    expect(
      all
        .filter((entry) => entry.userId === users.ada && entry.type.startsWith('Mailbox'))
        .map((entry) => [entry.type, entry.actor.id]),
    ).toEqual([
      ['MailboxProvisioned', 'alice'],
      ['MailboxSoftDeleted', 'alice'],
      ['MailboxRestored', 'bob'],
      ['MailboxSoftDeleted', 'bob'], // reassigned away
      ['MailboxRestored', 'alice'], // E1 brings Exchange back
    ]);
    expect(all.filter((entry) => entry.type === 'UserDeleted').map((entry) => [entry.actor.id, entry.userId])).toEqual([
      ['bob', users.bee],
    ]);
    // Events without a user or a SKU have none in their entry.
    const purchase = all.find((entry) => entry.type === 'SubscriptionAdded')!;
    expect(purchase).not.toHaveProperty('userId');
    expect(purchase.skuId).toBe(PREMIUM);
    expect(all.find((entry) => entry.type === 'UserCreated')).not.toHaveProperty('skuId');
  });

  it.each([
    ['userId', () => `userId=${users.ada}`, (entry: AuditEntry) => entry.userId === users.ada],
    ['skuId', () => `skuId=${E1}`, (entry: AuditEntry) => entry.skuId === E1],
    ['actor', () => 'actor=bob', (entry: AuditEntry) => entry.actor.id === 'bob'],
    ['type', () => 'type=LicenseRemoved', (entry: AuditEntry) => entry.type === 'LicenseRemoved'],
    [
      'several types',
      () => 'type=LicenseRemoved,UserDeleted',
      (entry: AuditEntry) => ['LicenseRemoved', 'UserDeleted'].includes(entry.type),
    ],
    [
      'from/to (inclusive)',
      () => `from=${at(4)}&to=${at(6)}`,
      (entry: AuditEntry) => entry.occurredAt >= at(4) && entry.occurredAt <= at(6),
    ],
    ['from only', () => `from=${at(7)}`, (entry: AuditEntry) => entry.occurredAt >= at(7)],
    [
      'user + type + actor',
      () => `userId=${users.ada}&type=LicenseAssigned&actor=bob`,
      (entry: AuditEntry) => entry.userId === users.ada && entry.type === 'LicenseAssigned' && entry.actor.id === 'bob',
    ],
  ])('the %s filter narrows to exactly the matching entries, still in store order', async (_name, query, keep) => {
    const expected = all.filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(await pages(query())).toEqual(expected);
  });

  it('a time range given with an offset means the same instants', async () => {
    const from = new Date(at(4));
    const plusTwo = new Date(from.getTime() + 2 * 3600_000)
      .toISOString()
      .replace('Z', '+02:00')
      .replace(/\.\d{3}/, '');
    const expected = all.filter((entry) => entry.occurredAt >= at(4));
    expect(await pages(`from=${encodeURIComponent(plusTwo)}`)).toEqual(expected);
  });

  it('cursor paging walks every entry once, in store order', async () => {
    const first = await auditor.get('/v1/audit/events?limit=4').expect(200);
    expect(first.body.items).toEqual(all.slice(0, 4));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(await pages('', 4)).toEqual(all);
    const last = await auditor.get(`/v1/audit/events?limit=1000`).expect(200);
    expect(last.body.nextCursor).toBeNull();
  });

  it('A2: the CSV export parses back to the entries of the JSON pages', async () => {
    const csv = await auditor
      .get('/v1/audit/events?limit=2')
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse(text)
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toContain('audit-events.csv');
    expect(csv.headers.vary).toMatch(/Accept/);
    expect(csvToEntries(csv.body as string)).toEqual(all);
    const filtered = await auditor
      .get(`/v1/audit/events?userId=${users.ada}&type=LicenseAssigned`)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse(text)
      .expect(200);
    expect(csvToEntries(filtered.body as string)).toEqual(await pages(`userId=${users.ada}&type=LicenseAssigned`));
  });

  it('A2: the NDJSON export is one entry per line, the same as the JSON pages', async () => {
    const ndjson = await auditor
      .get('/v1/audit/events?cursor=ignored')
      .set('Accept', 'application/x-ndjson')
      .buffer(true)
      .parse(text)
      .expect(200);
    expect(ndjson.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = (ndjson.body as string).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(all);
    const none = await auditor
      .get('/v1/audit/events?actor=nobody')
      .set('Accept', 'application/x-ndjson')
      .buffer(true)
      .parse(text)
      .expect(200);
    expect(none.body).toBe('');
    const headerOnly = await auditor
      .get('/v1/audit/events?actor=nobody')
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse(text)
      .expect(200);
    expect(csvToEntries(headerOnly.body as string)).toEqual([]);
  });

  it('A2: audit/state at each instant equals what the read models said then', async () => {
    for (const [step, snapshot] of snapshots.entries()) {
      const exact = await auditor.get(`/v1/audit/state?at=${snapshot.at}`).expect(200);
      expect({ step, ...exact.body }).toEqual({ step, ...snapshot });
      // Half-way to the next step nothing had changed yet.
      const between = new Date(Date.parse(snapshot.at) + 5 * 60_000).toISOString();
      const later = await auditor.get(`/v1/audit/state?at=${between}`).expect(200);
      expect({ step, ...later.body }).toEqual({ step, ...snapshot, at: between });
    }
    // Just before the first event, the tenant was empty.
    const before = new Date(Date.parse(at(0)) - 1).toISOString();
    expect((await auditor.get(`/v1/audit/state?at=${before}`).expect(200)).body).toEqual({
      at: before,
      subscriptions: [],
      assignments: [],
    });
    // L8: the seat never looked free during the reassign, since removal and assignment share one instant.
    const premium = (state: { subscriptions: { skuId: string }[] }) =>
      state.subscriptions.find((s) => s.skuId === PREMIUM);
    const reassign = (await auditor.get(`/v1/audit/state?at=${at(6)}`).expect(200)).body;
    expect(premium(reassign)).toMatchObject({ assigned: 2, available: 1 });
    expect(premium(snapshots[5])).toMatchObject({ assigned: 2, available: 1 });
  });

  it('A2: the state of one tenant knows nothing of another', async () => {
    const fabrikam = ledger.as('auditor', { tenant: 'fabrikam' });
    const state = (await fabrikam.get(`/v1/audit/state?at=${(await clock.now()).toISOString()}`).expect(200)).body;
    expect(state.subscriptions).toEqual([expect.objectContaining({ skuId: PREMIUM, name: 'Other', valid: 9 })]);
    expect(state.assignments).toEqual([]);
    const entries = (await fabrikam.get('/v1/audit/events').expect(200)).body.items as AuditEntry[];
    expect(entries.map((entry) => entry.actor.id)).toEqual(['mallory']);
  });

  it('roles: auditor and compliance read the trail, only the auditor the state; nobody else', async () => {
    const compliance = ledger.as('compliance');
    const admin = ledger.as('user-admin');
    await compliance.get('/v1/audit/events').expect(200);
    await compliance.get('/v1/audit/events').set('Accept', 'text/csv').expect(200);
    expect((await compliance.get(`/v1/audit/state?at=${at(1)}`).expect(403)).body.error).toBe('Forbidden');
    expect((await admin.get('/v1/audit/events').expect(403)).body.error).toBe('Forbidden');
    await admin.get('/v1/audit/events').set('Accept', 'text/csv').expect(403);
    await admin.get(`/v1/audit/state?at=${at(1)}`).expect(403);
    await root.get('/v1/audit/events').expect(200);
    await root.get(`/v1/audit/state?at=${at(1)}`).expect(200);
    expect((await request(ledger.app.getHttpServer()).get('/v1/audit/events').expect(401)).body.error).toBe(
      'Unauthenticated',
    );
  });

  it('nobody can change the audit: no route under /v1/audit edits or deletes, whatever the role', async () => {
    const spec = (await request(ledger.app.getHttpServer()).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const auditPaths = Object.entries(spec.paths).filter(([path]) => path.startsWith('/v1/audit'));
    expect(auditPaths.map(([path]) => path).sort()).toEqual(['/v1/audit/events', '/v1/audit/state']);
    for (const [, operations] of auditPaths)
      expect(Object.keys(operations).filter((key) => key !== 'parameters')).toEqual(['get']);
    const anyMutation = Object.entries(spec.paths).filter(
      ([path, operations]) =>
        /audit|events/i.test(path) && ['put', 'patch', 'delete', 'post'].some((method) => method in operations),
    );
    expect(anyMutation).toEqual([]);
    const before = (await ledger.events()).length;
    for (const path of ['/v1/audit/events', '/v1/audit/state']) {
      for (const response of [await root.delete(path), await root.patch(path, {}), await root.post(path, {})])
        expect(response.status).toBe(404);
    }
    expect((await ledger.events()).length).toBe(before);
  });

  it('documents the exports in OpenAPI: media types, parameters, responses', async () => {
    const spec = (await request(ledger.app.getHttpServer()).get('/docs-json').expect(200)).body;
    const events = spec.paths['/v1/audit/events'].get;
    expect(Object.keys(events.responses['200'].content).sort()).toEqual([
      'application/json',
      'application/x-ndjson',
      'text/csv',
    ]);
    // Query parameters; the X-Ledger-Min-Position header every GET takes is checked in test/architecture/openapi-headers.
    const query = (parameters: { name: string; in: string }[]) => parameters.filter((p) => p.in === 'query');
    expect(
      query(events.parameters)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['actor', 'cursor', 'from', 'limit', 'skuId', 'to', 'type', 'userId']);
    expect(events.responses).toHaveProperty('403');
    expect(events.responses).toHaveProperty('406');
    const state = spec.paths['/v1/audit/state'].get;
    expect(query(state.parameters)).toEqual([expect.objectContaining({ name: 'at', required: true })]);
  });

  it('refuses bad parameters with 400 ValidationFailed naming each field', async () => {
    const fields = async (query: string) => {
      const response = await auditor.get(`/v1/audit/events?${query}`).expect(400);
      expect(response.body.error).toBe('ValidationFailed');
      return Object.keys(response.body.details.fields).sort();
    };
    expect(await fields('from=yesterday&to=2026-13-01T00:00:00Z')).toEqual(['from', 'to']);
    expect(await fields('from=2026-11-30T10:00:00')).toEqual(['from']);
    expect(await fields('limit=0')).toEqual(['limit']);
    expect(await fields('limit=1001')).toEqual(['limit']);
    expect(await fields('type=LicenseAssigned,Bogus')).toEqual(['type']);
    expect(await fields('skuId=not a sku')).toEqual(['skuId']);
    expect(await fields('cursor=bm9wZQ')).toEqual(['cursor']);
    expect(await fields(`from=${at(5)}&to=${at(2)}`)).toEqual(['to']);
    expect(await fields('tenant=fabrikam')).toEqual(['tenant']);
    const state = await auditor.get('/v1/audit/state').expect(400);
    expect(Object.keys(state.body.details.fields)).toEqual(['at']);
    await auditor.get('/v1/audit/state?at=2026-02-30T00:00:00Z').expect(400);
    // The export validates too, before anything is streamed.
    const csv = await auditor.get('/v1/audit/events?limit=0&from=x').set('Accept', 'text/csv').expect(400);
    expect(csv.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers 406 NotAcceptable to an Accept it cannot serve', async () => {
    const response = await auditor.get('/v1/audit/events').set('Accept', 'text/html').expect(406);
    expect(response.body).toMatchObject({ statusCode: 406, error: 'NotAcceptable' });
  });
});

/** supertest parser keeping the body as text, whatever its media type. */
function text(res: unknown, done: (error: Error | null, body: string) => void): void {
  const stream = res as NodeJS.ReadableStream & { setEncoding(encoding: string): void };
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (body += chunk));
  stream.on('end', () => done(null, body));
}
