import { RetentionSaga } from '@app/application';
import { EVENT_STORE, EventStore, NO_STREAM, RecordedEvent } from '@app/event-store';
import { Projector } from '@app/projections';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Caller, LedgerApp, startLedgerApp } from '../support/ledger-app';
import { DAY_MS, MINUTE_MS, ledgerScript } from './support/ledger-script';

const of = (userId: string) => (event: RecordedEvent) => (event.data as { userId?: string }).userId === userId;

/** L5, L4 vs L5, L7 and U4 through the real API, the real store and the real saga, on the manual clock. */
describe('Retention saga: purged when the grace period ends, exactly once, never early, never after a restore', () => {
  let ledger: LedgerApp;
  let admin: Caller;
  let script: ReturnType<typeof ledgerScript>;
  const clock = async () => Date.parse((await admin.get('/v1/clock').expect(200)).body.now as string);
  const advance = async (by: { days?: number; hours?: number; minutes?: number }) =>
    Date.parse((await admin.post('/v1/clock/advance', by).expect(200)).body.now as string);
  const purgesOf = async (userId: string, type = 'MailboxPurged') => (await ledger.events(type)).filter(of(userId));
  const mailboxOf = async (userId: string) => (await admin.get(`/v1/users/${userId}`).expect(200)).body.mailbox;
  const saga = () => ledger.app.get(RetentionSaga);

  beforeAll(async () => {
    ledger = await startLedgerApp();
    admin = ledger.as('global-admin');
    script = ledgerScript(admin);
    await script.subscription();
  });
  afterAll(() => ledger.close());

  it('L5 boundary: at purgeAfter − 1 minute nothing is purged; at purgeAfter the mailbox and contacts list are, once, by system:retention', async () => {
    const ada = await script.user('ada', ['ada.alias@contoso.com']);
    await script.assign(ada);
    const t0 = await clock();
    const softDeleted = (await script.remove(ada)).body.mailbox;
    expect(softDeleted).toMatchObject({
      status: 'softDeleted',
      contactsList: 'deleted',
      softDeletedAt: new Date(t0).toISOString(),
    });
    const purgeAfter = Date.parse(softDeleted.purgeAfter);
    expect(purgeAfter - t0).toBe(30 * DAY_MS);

    expect(await advance({ days: 29, hours: 23, minutes: 59 })).toBe(purgeAfter - MINUTE_MS);
    expect(await mailboxOf(ada)).toMatchObject({ status: 'softDeleted', contactsList: 'deleted', purgedAt: null });
    expect(await purgesOf(ada)).toHaveLength(0);

    expect(await advance({ minutes: 1 })).toBe(purgeAfter);
    expect(await mailboxOf(ada)).toEqual({
      ...softDeleted,
      status: 'purged',
      purgedAt: new Date(purgeAfter).toISOString(),
      contactsList: 'purged',
    });
    const [purged, ...more] = await purgesOf(ada);
    expect(more).toHaveLength(0);
    const [cause] = (await ledger.events('MailboxSoftDeleted')).filter(of(ada));
    expect(purged.metadata).toEqual({
      actor: { id: 'system:retention', name: 'Retention saga' },
      tenantId: 'default',
      occurredAt: new Date(purgeAfter).toISOString(),
      // The purge belongs to the story of the request that removed the license, and was caused by its soft-delete.
      correlationId: cause.metadata.correlationId,
      causationId: cause.id,
    });

    // Later passes find nothing more to do.
    await advance({ days: 1 });
    expect(await saga().runOnce()).toMatchObject({ purged: 0, failed: 0 });
    expect(await purgesOf(ada)).toHaveLength(1);
  });

  it('L4 beats L5: Exchange given back at 29 days 23 hours restores the mailbox, and it is never purged', async () => {
    const bea = await script.user('bea', ['bea.alias@contoso.com']);
    await script.assign(bea);
    const lost = (await script.remove(bea)).body.mailbox;
    await advance({ days: 29, hours: 23 });
    const back = (await script.assign(bea)).body;
    expect(back.mailbox).toMatchObject({
      status: 'active',
      provisionedAt: lost.provisionedAt,
      softDeletedAt: null,
      purgeAfter: null,
      contactsList: 'active',
    });
    // L4: released aliases stay released.
    expect(back.aliases).toEqual([]);

    await advance({ hours: 1 });
    await advance({ days: 400 });
    expect(await purgesOf(bea)).toHaveLength(0);
    expect(await mailboxOf(bea)).toMatchObject({ status: 'active', contactsList: 'active' });
    const timeline = (await admin.get(`/v1/retention/users/${bea}/timeline`).expect(200)).body;
    expect(timeline.scheduled).toEqual([]);
    expect(timeline.entries.map((entry: { type: string }) => entry.type)).toContain('MailboxRestored');
  });

  it('L5 L7: after the purge, Exchange again provisions a new, empty mailbox', async () => {
    const cyd = await script.user('cyd');
    await script.assign(cyd);
    const first = (await script.remove(cyd)).body.mailbox;
    const purgedAt = await advance({ days: 30 });
    expect(await mailboxOf(cyd)).toMatchObject({ status: 'purged' });

    const again = (await script.assign(cyd)).body.mailbox;
    expect(again).toEqual({
      userId: cyd,
      userPrincipalName: 'cyd@contoso.com',
      status: 'active',
      provisionedAt: new Date(purgedAt).toISOString(),
      softDeletedAt: null,
      purgeAfter: null,
      purgedAt: null,
      contactsList: 'active',
      hold: false,
    });
    expect(again.provisionedAt).not.toBe(first.provisionedAt);
    expect(await purgesOf(cyd, 'MailboxProvisioned')).toHaveLength(2);
    expect(await purgesOf(cyd, 'MailboxRestored')).toHaveLength(0);
  });

  it("U4: when a deleted user's grace period ends, mailbox and user are purged (never before), and the UPN is free again", async () => {
    const dora = await script.user('dora', ['dora.alias@contoso.com']);
    await script.assign(dora);
    const eve = await script.user('eve'); // no license, so no mailbox: still purged after 30 days
    const t0 = await clock();
    const deleted = (await admin.delete(`/v1/users/${dora}`).expect(200)).body;
    await admin.delete(`/v1/users/${eve}`).expect(200);
    expect(deleted).toMatchObject({ status: 'deleted', licenses: [], aliases: [], mailbox: { status: 'softDeleted' } });
    const purgeAfter = t0 + 30 * DAY_MS;

    // Until the purge, the UPN stays taken; the aliases were released at the deletion (L3) and are free already.
    await admin.post('/v1/users', { userPrincipalName: 'DORA@contoso.com', displayName: 'x' }).expect(409);
    await admin
      .post('/v1/users', {
        userPrincipalName: 'fred@contoso.com',
        displayName: 'Fred',
        aliases: ['dora.alias@contoso.com'],
      })
      .expect(201);
    const compliance = ledger.as('compliance');
    const pending = (await compliance.get(`/v1/retention/users/${dora}/timeline`).expect(200)).body.scheduled;
    expect(pending).toEqual([
      { at: new Date(purgeAfter).toISOString(), action: 'purgeMailbox' },
      { at: new Date(purgeAfter).toISOString(), action: 'purgeUser' },
    ]);

    await advance({ days: 29, hours: 23, minutes: 59 });
    expect(await ledger.events('UserPurged')).toHaveLength(0);
    expect(await purgesOf(dora)).toHaveLength(0);

    await advance({ minutes: 1 });
    const userPurges = await ledger.events('UserPurged');
    // E2: read back after the purge, the UPN each purge named is erased with the user's key.
    expect(userPurges.map((event) => event.data)).toEqual([
      { userId: dora, userPrincipalName: null, erased: true },
      { userId: eve, userPrincipalName: null, erased: true },
    ]);
    expect(await purgesOf(dora)).toHaveLength(1);
    for (const event of [...userPurges, ...(await purgesOf(dora))]) {
      expect(event.metadata).toMatchObject({
        actor: { id: 'system:retention' },
        occurredAt: new Date(purgeAfter).toISOString(),
      });
    }
    expect((await compliance.get(`/v1/retention/users/${dora}/timeline`).expect(200)).body.scheduled).toEqual([]);
    // The purged user is gone from the users read model; compliance still sees whose mailbox was purged.
    await admin.get(`/v1/users/${dora}`).expect(404);
    const purged = (await compliance.get('/v1/retention/mailboxes?status=purged').expect(200)).body.items;
    expect(purged).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: dora, userPrincipalName: null, erased: true })]),
    );

    // The UPNs are free for new users (U1, U4).
    await admin.post('/v1/users', { userPrincipalName: 'dora@contoso.com', displayName: 'Dora II' }).expect(201);
    await admin.post('/v1/users', { userPrincipalName: 'eve@contoso.com', displayName: 'Eve II' }).expect(201);
    await advance({ days: 30 });
    expect(await ledger.events('UserPurged')).toHaveLength(2);
  });

  it('passes never overlap: callers arriving during a pass share the next one', async () => {
    const [first, second, third] = await Promise.all([saga().runOnce(), saga().runOnce(), saga().runOnce()]);
    expect(second).toBe(third);
    expect(first).not.toBe(second);
  });
});

describe('Retention saga: an error on one item is logged and the others are still purged', () => {
  let ledger: LedgerApp;
  afterAll(() => ledger.close());

  it('L5: a tenant whose history cannot be read fails alone, in every pass, and is logged with its tenant and user', async () => {
    // Batches of 2 so the failure sits in the first batch and the pass must go on to the next ones.
    ledger = await startLedgerApp({}, { retention: { batchSize: 2 } });
    const admin = ledger.as('global-admin');
    const script = ledgerScript(admin);
    await script.subscription();
    const users: string[] = [];
    for (const name of ['gus', 'hal', 'ivy']) {
      const userId = await script.user(name);
      await script.assign(userId);
      await script.remove(userId);
      users.push(userId);
    }
    // A corrupt stream (mailbox events of a user never created): loading tenant "broken" throws. It sorts
    // before "default" and its purge is due first, so it is the first item of the pass.
    const now = new Date((await admin.get('/v1/clock').expect(200)).body.now as string);
    const metadata = {
      actor: { id: 'test' },
      tenantId: 'broken',
      occurredAt: new Date(now.getTime() - DAY_MS).toISOString(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
    };
    const corrupt = await ledger.app.get<EventStore>(EVENT_STORE).appendToStream(
      'ledger-broken',
      [
        { id: randomUUID(), type: 'MailboxProvisioned', data: { userId: 'ghost' }, metadata },
        {
          id: randomUUID(),
          type: 'MailboxSoftDeleted',
          data: { userId: 'ghost', purgeAfter: new Date(now.getTime() + 29 * DAY_MS).toISOString() },
          metadata,
        },
      ],
      { expectedRevision: NO_STREAM },
    );
    await ledger.app.get(Projector).waitFor(corrupt.position);

    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      await admin.post('/v1/clock/advance', { days: 30 }).expect(200);
      const purged = await ledger.events('MailboxPurged');
      expect(purged.map((event) => (event.data as { userId: string }).userId).sort()).toEqual([...users].sort());
      const logged = errors.mock.calls.filter(([context]) => (context as { tenantId?: string })?.tenantId === 'broken');
      expect(logged).toHaveLength(1);
      expect(logged[0][0]).toMatchObject({
        tenantId: 'broken',
        userId: 'ghost',
        kind: 'mailbox',
        err: expect.any(Error),
      });
      expect(String(logged[0][1])).toMatch(/ghost.*broken/);

      // The next pass retries the broken one (and only it), and still does not stop.
      expect(await ledger.app.get(RetentionSaga).runOnce()).toMatchObject({ purged: 0, skipped: 0, failed: 1 });
    } finally {
      errors.mockRestore();
    }
  });
});
