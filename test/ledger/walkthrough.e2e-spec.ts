import request from 'supertest';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The new user's first session, as the issue tells it: seats run out, Exchange goes and comes back. */
describe('An admin manages seats and licenses end to end', () => {
  let ledger: LedgerApp;
  beforeAll(async () => (ledger = await startLedgerApp()));
  afterAll(() => ledger.close());

  it('S3 L3 L8 L4: 2 seats, 3 users, the third fails; removing Exchange soft-deletes; reassigning restores', async () => {
    const admin = ledger.as('global-admin');
    const created = await admin
      .post('/v1/subscriptions', {
        skuId: 'O365_BP',
        name: 'Business Premium',
        servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'],
        seats: 2,
      })
      .expect(201);
    expect(created.body).toMatchObject({ skuId: 'O365_BP', valid: 2, assigned: 0, available: 2, overAssigned: 0 });
    expect(created.headers['x-ledger-position']).toMatch(/^\d+$/);

    const users: string[] = [];
    for (const name of ['ada', 'bob', 'cy']) {
      const response = await admin
        .post('/v1/users', {
          userPrincipalName: `${name}@contoso.com`,
          displayName: name,
          usageLocation: 'GB',
          aliases: [`${name}.alias@contoso.com`],
        })
        .expect(201);
      expect(response.body.userId).toMatch(/^[0-9a-f-]{36}$/);
      users.push(response.body.userId);
    }
    const [ada, bob, cy] = users;
    const assign = (userId: string) =>
      admin.post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId: 'O365_BP' }], removeLicenses: [] });

    const first = await assign(ada).expect(200);
    expect(first.body.licenses).toEqual([
      { skuId: 'O365_BP', disabledPlans: [], assignedAt: expect.any(String), assignedBy: 'alice' },
    ]);
    expect(first.body.mailbox).toMatchObject({ status: 'active', contactsList: 'active' });
    await assign(bob).expect(200);
    const third = await assign(cy).expect(409);
    expect(third.body).toEqual({
      statusCode: 409,
      error: 'InsufficientSeats',
      message: expect.any(String),
      details: { seats: [{ skuId: 'O365_BP', needed: 1, available: 0 }] },
    });

    const removed = await admin
      .post(`/v1/users/${ada}/assignLicense`, { addLicenses: [], removeLicenses: ['O365_BP'] })
      .expect(200);
    const mailbox = removed.body.mailbox;
    expect(mailbox.status).toBe('softDeleted');
    expect(mailbox.contactsList).toBe('deleted');
    expect(Date.parse(mailbox.purgeAfter) - Date.parse(mailbox.softDeletedAt)).toBe(30 * DAY_MS);
    expect(removed.body.aliases).toEqual([]);
    expect(removed.body.userPrincipalName).toBe('ada@contoso.com');

    // The released alias is free for someone else (L3, U1).
    await admin.post(`/v1/users/${cy}/aliases`, { alias: 'ADA.alias@contoso.com' }).expect(201);

    const moved = await admin
      .post('/v1/licenses/reassign', { skuId: 'O365_BP', fromUserId: bob, toUserId: ada })
      .expect(200);
    expect(moved.body.to.mailbox).toMatchObject({
      status: 'active',
      softDeletedAt: null,
      purgeAfter: null,
      contactsList: 'active',
    });
    expect(moved.body.to.mailbox.provisionedAt).toBe(mailbox.provisionedAt);
    expect(moved.body.to.aliases).toEqual([]);
    expect(moved.body.from.mailbox.status).toBe('softDeleted');

    const seats = await admin.get('/v1/subscriptions/O365_BP').expect(200);
    const metrics = await request(ledger.app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      new RegExp(`^ledger_read_model_checkpoint ${moved.headers['x-ledger-position']}$`, 'm'),
    );
    expect(metrics.text).toMatch(/^ledger_read_model_lag_events 0$/m);

    // ada gave her seat back, then took bob's: one seat held, one free.
    expect(seats.body).toMatchObject({ valid: 2, assigned: 1, available: 1 });
  });
});
