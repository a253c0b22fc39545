import { DomainError } from '@app/domain';
import {
  LYNC,
  LYNC_BLOCKED,
  NOW,
  SKU,
  aliasesReleased,
  bulk,
  contactsListDeleted,
  given,
  iso,
  later,
  licenseAssigned,
  licenseRemoved,
  mailboxProvisioned,
  subscriptionAdded,
  userCreated,
  userWithLicense,
} from './given-when-then';

/** Who and what each failure of an all-or-nothing command names. */
const failuresOf = (error: DomainError) =>
  (error.details?.failures as Record<string, unknown>[]).map(({ error: code, userId, skuId }) => ({
    code,
    userId,
    skuId,
  }));

describe('bulk: L9 add and replace', () => {
  it('L9 given u1 holding OFFICE and u2 holding nothing, when bulk add SHAREPOINT, then both get it and u1 keeps OFFICE', () => {
    const { state } = given(
      subscriptionAdded(SKU.OFFICE, 5),
      subscriptionAdded(SKU.SHAREPOINT, 5),
      ...userWithLicense('u1', SKU.OFFICE),
      userCreated('u2'),
    )
      .when(bulk('add', ['u1', 'u2'], [SKU.SHAREPOINT]))
      .then(licenseAssigned('u1', SKU.SHAREPOINT), licenseAssigned('u2', SKU.SHAREPOINT));
    expect([...state.users.get('u1')!.licenses.keys()].sort()).toEqual([SKU.OFFICE, SKU.SHAREPOINT]);
  });

  it('L9 given u1 already holding PREMIUM with LYNC disabled, when bulk add PREMIUM, then nothing changes for u1', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 5),
      userCreated('u1'),
      licenseAssigned('u1', SKU.PREMIUM, [LYNC]),
      mailboxProvisioned('u1'),
      userCreated('u2'),
    )
      .when(bulk('add', ['u1', 'u2'], [SKU.PREMIUM]))
      .then(licenseAssigned('u2', SKU.PREMIUM), mailboxProvisioned('u2'));
  });

  it("L9 given u1 holding OFFICE and PREMIUM, when bulk replace with SHAREPOINT, then u1 holds exactly SHAREPOINT, the others removed with reason 'replaced'", () => {
    const { state } = given(
      subscriptionAdded(SKU.OFFICE, 5),
      subscriptionAdded(SKU.PREMIUM, 5),
      subscriptionAdded(SKU.SHAREPOINT, 5),
      ...userWithLicense('u1', SKU.PREMIUM, { aliases: ['a@contoso.com'] }),
      licenseAssigned('u1', SKU.OFFICE),
    )
      .when(bulk('replace', ['u1'], [SKU.SHAREPOINT]))
      .then(
        licenseRemoved('u1', SKU.PREMIUM, 'replaced'),
        licenseRemoved('u1', SKU.OFFICE, 'replaced'),
        licenseAssigned('u1', SKU.SHAREPOINT),
        { type: 'MailboxSoftDeleted', data: { userId: 'u1', purgeAfter: iso(later(NOW, { days: 30 })) } },
        aliasesReleased('u1', ['a@contoso.com']),
        contactsListDeleted('u1'),
      );
    expect([...state.users.get('u1')!.licenses.keys()]).toEqual([SKU.SHAREPOINT]);
  });

  it('L9 given u1 holding PREMIUM with LYNC disabled and OFFICE, when bulk replace with PREMIUM, then only OFFICE is removed and PREMIUM keeps its disabled plans', () => {
    const { state } = given(
      subscriptionAdded(SKU.PREMIUM, 5),
      subscriptionAdded(SKU.OFFICE, 5),
      userCreated('u1'),
      licenseAssigned('u1', SKU.PREMIUM, [LYNC]),
      mailboxProvisioned('u1'),
      licenseAssigned('u1', SKU.OFFICE),
    )
      .when(bulk('replace', ['u1'], [SKU.PREMIUM]))
      .then(licenseRemoved('u1', SKU.OFFICE, 'replaced'));
    expect(state.users.get('u1')!.licenses).toEqual(new Map([[SKU.PREMIUM, [LYNC]]]));
  });

  it('L9 given users holding different SKUs, when bulk replace with an empty list, then every listed user holds nothing', () => {
    const { state } = given(
      subscriptionAdded(SKU.OFFICE, 5),
      subscriptionAdded(SKU.SHAREPOINT, 5),
      ...userWithLicense('u1', SKU.OFFICE),
      ...userWithLicense('u2', SKU.SHAREPOINT),
    )
      .when(bulk('replace', ['u1', 'u2'], []))
      .then(licenseRemoved('u1', SKU.OFFICE, 'replaced'), licenseRemoved('u2', SKU.SHAREPOINT, 'replaced'));
    expect(state.users.get('u1')!.licenses.size + state.users.get('u2')!.licenses.size).toBe(0);
  });

  it('L9 given one user in a location without Lync and one without a location, when bulk add PREMIUM and OFFICE, then every failing user and SKU is named and nothing applies', () => {
    const error = given(
      subscriptionAdded(SKU.PREMIUM, 5),
      subscriptionAdded(SKU.OFFICE, 5),
      userCreated('ok'),
      userCreated('cn', { usageLocation: LYNC_BLOCKED }),
      userCreated('nowhere', { usageLocation: null }),
    )
      .when(bulk('add', ['ok', 'cn', 'nowhere'], [SKU.PREMIUM, SKU.OFFICE]))
      .thenThrows('ServiceNotAvailableInLocation');
    expect(failuresOf(error)).toEqual([
      { code: 'ServiceNotAvailableInLocation', userId: 'cn', skuId: SKU.PREMIUM },
      { code: 'UsageLocationRequired', userId: 'nowhere', skuId: undefined },
    ]);
    expect(error.details?.failures).toContainEqual(
      expect.objectContaining({ userId: 'cn', details: { servicePlans: [LYNC], usageLocation: LYNC_BLOCKED } }),
    );
  });

  it('L9 given unknown users and SKUs, when bulk add, then each unknown user and SKU is named', () => {
    const error = given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'))
      .when(bulk('add', ['u1', 'ghost1', 'ghost2'], [SKU.OFFICE, 'NOPE']))
      .thenThrows('SubscriptionNotFound');
    expect(failuresOf(error)).toEqual([
      { code: 'SubscriptionNotFound', userId: undefined, skuId: 'NOPE' },
      { code: 'UserNotFound', userId: 'ghost1', skuId: undefined },
      { code: 'UserNotFound', userId: 'ghost2', skuId: undefined },
    ]);
  });

  it('L9 given an unknown SKU, an unknown user and a user without a location, when bulk add, then all three are named', () => {
    const error = given(
      subscriptionAdded(SKU.OFFICE, 5),
      userCreated('u1'),
      userCreated('nowhere', { usageLocation: null }),
    )
      .when(bulk('add', ['u1', 'ghost', 'nowhere'], ['NOPE', SKU.OFFICE]))
      .thenThrows('SubscriptionNotFound');
    expect(failuresOf(error)).toEqual([
      { code: 'SubscriptionNotFound', userId: undefined, skuId: 'NOPE' },
      { code: 'UserNotFound', userId: 'ghost', skuId: undefined },
      { code: 'UsageLocationRequired', userId: 'nowhere', skuId: undefined },
    ]);
  });

  it('L9 given one user failing U3 and too few seats for the others, when bulk add, then both the user and the seat shortage are named', () => {
    const error = given(
      subscriptionAdded(SKU.PREMIUM, 1),
      userCreated('u1'),
      userCreated('u2'),
      userCreated('cn', { usageLocation: LYNC_BLOCKED }),
    )
      .when(bulk('add', ['u1', 'u2', 'cn'], [SKU.PREMIUM]))
      .thenThrows('ServiceNotAvailableInLocation');
    expect(failuresOf(error)).toEqual([
      { code: 'ServiceNotAvailableInLocation', userId: 'cn', skuId: SKU.PREMIUM },
      { code: 'InsufficientSeats', userId: undefined, skuId: undefined },
    ]);
    expect(error.details?.failures).toContainEqual(
      expect.objectContaining({
        error: 'InsufficientSeats',
        details: { seats: [{ skuId: SKU.PREMIUM, needed: 2, available: 1 }] },
      }),
    );
  });

  it('L9 given u1 listed twice, when bulk add OFFICE, then ValidationFailed (a user gets one seat, not two)', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'))
      .when(bulk('add', ['u1', 'u1'], [SKU.OFFICE]))
      .thenThrows('ValidationFailed', { fields: { userIds: [expect.any(String)] } });
  });
});

describe('bulk: S3 seats counted over the whole command', () => {
  it('S3 given 2 available seats, when bulk add to 3 users, then InsufficientSeats needed 3 available 2', () => {
    given(subscriptionAdded(SKU.OFFICE, 2), userCreated('u1'), userCreated('u2'), userCreated('u3'))
      .when(bulk('add', ['u1', 'u2', 'u3'], [SKU.OFFICE]))
      .thenThrows('InsufficientSeats', { seats: [{ skuId: SKU.OFFICE, needed: 3, available: 2 }] });
  });

  it('S3 given 2 seats one held by u1, when bulk add to u1, u2, then only u2 needs a seat and gets it', () => {
    given(subscriptionAdded(SKU.OFFICE, 2), ...userWithLicense('u1', SKU.OFFICE), userCreated('u2'))
      .when(bulk('add', ['u1', 'u2'], [SKU.OFFICE]))
      .then(licenseAssigned('u2', SKU.OFFICE));
  });

  it('S3 given two SKUs both short, when bulk add, then InsufficientSeats lists each SKU with needed and available', () => {
    given(subscriptionAdded(SKU.OFFICE, 1), subscriptionAdded(SKU.SHAREPOINT, 0), userCreated('u1'), userCreated('u2'))
      .when(bulk('add', ['u1', 'u2'], [SKU.OFFICE, SKU.SHAREPOINT]))
      .thenThrows('InsufficientSeats', {
        seats: [
          { skuId: SKU.OFFICE, needed: 2, available: 1 },
          { skuId: SKU.SHAREPOINT, needed: 2, available: 0 },
        ],
      });
  });

  it('S3 given u1 holding the only OFFICE seat, when bulk replace u1 with EXCHANGE_STANDARD, then the OFFICE seat is freed', () => {
    const { state } = given(
      subscriptionAdded(SKU.OFFICE, 1),
      subscriptionAdded(SKU.EXCHANGE, 1),
      ...userWithLicense('u1', SKU.OFFICE),
    )
      .when(bulk('replace', ['u1'], [SKU.EXCHANGE]))
      .then(
        licenseRemoved('u1', SKU.OFFICE, 'replaced'),
        licenseAssigned('u1', SKU.EXCHANGE),
        mailboxProvisioned('u1'),
      );
    expect(state.subscriptions.get(SKU.OFFICE)!.assigned).toBe(0);
    expect(state.users.get('u1')!.mailbox).toEqual({ status: 'active', purgeAfter: null });
  });
});
