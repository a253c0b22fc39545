import { LedgerEvent } from '@app/domain';
import { apiSpecification } from '../support/api-spec';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';

const ann = '11111111-1111-4111-8111-111111111111';
const ben = '22222222-2222-4222-8222-222222222222';

const e3 = (seats: number): LedgerEvent => ({
  type: 'SubscriptionAdded',
  data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats },
});
const user = (userId: string, name: string): LedgerEvent => ({
  type: 'UserCreated',
  data: { userId, userPrincipalName: `${name}@contoso.com`, displayName: name, usageLocation: 'US', aliases: [] },
});

/** Specs that start from stored events rather than from HTTP calls: each names the history it needs, and nothing more. */
describe('Ledger over HTTP, from given events', () => {
  let ledger: LedgerApp;
  let spec: ReturnType<typeof apiSpecification>;

  beforeAll(async () => {
    ledger = await startLedgerApp();
    spec = apiSpecification(ledger);
  });
  afterAll(() => ledger.close());

  it('S3 assigning the last seat twice: the second assignment is refused and appends nothing', () =>
    spec
      .given(e3(1), user(ann, 'ann'), user(ben, 'ben'), {
        type: 'LicenseAssigned',
        data: { userId: ann, skuId: 'E3', disabledPlans: [] },
      })
      .when((admin) =>
        admin.post(`/v1/users/${ben}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] }),
      )
      .then({
        status: 409,
        body: {
          statusCode: 409,
          error: 'InsufficientSeats',
          message: expect.any(String),
          details: { seats: [{ skuId: 'E3', needed: 1, available: 0 }] },
        },
      }));

  it('L1 L2 assigning a free seat with Exchange appends the assignment and the mailbox it brings, in one commit', () =>
    spec
      .given(e3(1), user(ann, 'ann'))
      .when((admin) =>
        admin.post(`/v1/users/${ann}/assignLicense`, { addLicenses: [{ skuId: 'E3' }], removeLicenses: [] }),
      )
      .then({
        status: 200,
        events: [
          { type: 'LicenseAssigned', data: { userId: ann, skuId: 'E3', disabledPlans: [] } },
          { type: 'MailboxProvisioned', data: { userId: ann } },
        ],
      }));

  it('S2 expired seats stay counted: the subscription view shows valid, expired and over-assigned seats', () =>
    spec
      .given(
        e3(2),
        user(ann, 'ann'),
        { type: 'LicenseAssigned', data: { userId: ann, skuId: 'E3', disabledPlans: [] } },
        {
          type: 'SeatsExpired',
          data: { skuId: 'E3', count: 2 },
        },
      )
      .when((admin) => admin.get('/v1/subscriptions/E3'))
      .then({
        status: 200,
        body: {
          skuId: 'E3',
          name: 'E3',
          servicePlans: ['EXCHANGE'],
          valid: 0,
          expired: 2,
          assigned: 1,
          available: 0,
          overAssigned: 1,
          status: 'enabled',
          termEndsAt: null,
          trial: false,
          nextTransitionAt: null,
        },
      }));

  it('L3 a soft-deleted mailbox shows in the user view with its purge date, from the events alone', () =>
    spec
      .given(
        user(ann, 'ann'),
        { type: 'MailboxProvisioned', data: { userId: ann } },
        {
          type: 'MailboxSoftDeleted',
          data: { userId: ann, purgeAfter: '2030-01-31T10:00:00.000Z' },
        },
      )
      .when((admin) => admin.get(`/v1/users/${ann}`))
      .then({
        status: 200,
        body: expect.objectContaining({
          userId: ann,
          mailbox: expect.objectContaining({
            status: 'softDeleted',
            purgeAfter: '2030-01-31T10:00:00.000Z',
            contactsList: 'active',
          }),
        }),
      }));
});
