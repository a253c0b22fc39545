import {
  LYNC,
  LYNC_BLOCKED,
  NOW,
  SKU,
  aliasesReleased,
  contactsListDeleted,
  contactsListRestored,
  given,
  later,
  licenseAssigned,
  licenseRemoved,
  mailboxProvisioned,
  mailboxRestored,
  mailboxSoftDeleted,
  reassign,
  subscriptionAdded,
  userCreated,
  userDeleted,
  userWithLicense,
} from './given-when-then';

describe('reassign: L8 one seat moves between two users', () => {
  it("L8 given u1 holding PREMIUM with a mailbox and u2 without, when reassigning to u2, then u1's L3 and u2's L7 consequences in one decision", () => {
    const { state } = given(
      subscriptionAdded(SKU.PREMIUM, 1),
      ...userWithLicense('u1', SKU.PREMIUM, { aliases: ['a@contoso.com'] }),
      userCreated('u2'),
    )
      .when(reassign(SKU.PREMIUM, 'u1', 'u2'))
      .then(
        licenseRemoved('u1', SKU.PREMIUM, 'reassigned'),
        mailboxSoftDeleted('u1', NOW),
        aliasesReleased('u1', ['a@contoso.com']),
        contactsListDeleted('u1'),
        licenseAssigned('u2', SKU.PREMIUM),
        mailboxProvisioned('u2'),
      );
    expect(state.subscriptions.get(SKU.PREMIUM)).toMatchObject({ valid: 1, assigned: 1 });
  });

  it('S3 given the only seat held by u1, when reassigning it to u2, then no free seat is needed', () => {
    given(subscriptionAdded(SKU.OFFICE, 1), ...userWithLicense('u1', SKU.OFFICE), userCreated('u2'))
      .when(reassign(SKU.OFFICE, 'u1', 'u2'))
      .then(licenseRemoved('u1', SKU.OFFICE, 'reassigned'), licenseAssigned('u2', SKU.OFFICE));
  });

  it('S3 given an over-assigned subscription, when reassigning, then allowed (assigned does not grow)', () => {
    const { state } = given(
      subscriptionAdded(SKU.OFFICE, 2),
      ...userWithLicense('u1', SKU.OFFICE),
      ...userWithLicense('u2', SKU.OFFICE),
      { type: 'SeatsExpired', data: { skuId: SKU.OFFICE, count: 1 } },
      userCreated('u3'),
    )
      .when(reassign(SKU.OFFICE, 'u1', 'u3'))
      .then(licenseRemoved('u1', SKU.OFFICE, 'reassigned'), licenseAssigned('u3', SKU.OFFICE));
    expect(state.subscriptions.get(SKU.OFFICE)).toMatchObject({ valid: 1, assigned: 2 });
  });

  it("L8 given u2's mailbox soft-deleted 10 days ago, when reassigning PREMIUM to u2, then u2's mailbox and contacts list are restored", () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 1),
      ...userWithLicense('u1', SKU.PREMIUM),
      userCreated('u2'),
      mailboxProvisioned('u2'),
      mailboxSoftDeleted('u2', later(NOW, { days: -10 })),
      contactsListDeleted('u2'),
    )
      .when(reassign(SKU.PREMIUM, 'u1', 'u2'))
      .then(
        licenseRemoved('u1', SKU.PREMIUM, 'reassigned'),
        mailboxSoftDeleted('u1', NOW),
        contactsListDeleted('u1'),
        licenseAssigned('u2', SKU.PREMIUM),
        mailboxRestored('u2'),
        contactsListRestored('u2'),
      );
  });

  it('L8 given u1 holding PREMIUM with LYNC disabled, when reassigning to u2 in a location without Lync, then the disabled plans move with the seat', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 1),
      userCreated('u1'),
      licenseAssigned('u1', SKU.PREMIUM, [LYNC]),
      mailboxProvisioned('u1'),
      userCreated('u2', { usageLocation: LYNC_BLOCKED }),
    )
      .when(reassign(SKU.PREMIUM, 'u1', 'u2'))
      .then(
        licenseRemoved('u1', SKU.PREMIUM, 'reassigned'),
        mailboxSoftDeleted('u1', NOW),
        contactsListDeleted('u1'),
        licenseAssigned('u2', SKU.PREMIUM, [LYNC]),
        mailboxProvisioned('u2'),
      );
  });

  it('L8 given u1 keeps Exchange through another license, when reassigning PREMIUM away, then no mailbox event for u1', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 1),
      subscriptionAdded(SKU.EXCHANGE, 1),
      ...userWithLicense('u1', SKU.PREMIUM),
      licenseAssigned('u1', SKU.EXCHANGE),
      userCreated('u2'),
    )
      .when(reassign(SKU.PREMIUM, 'u1', 'u2'))
      .then(
        licenseRemoved('u1', SKU.PREMIUM, 'reassigned'),
        licenseAssigned('u2', SKU.PREMIUM),
        mailboxProvisioned('u2'),
      );
  });

  it('L8 given u1 does not hold OFFICE, when reassigning OFFICE from u1, then LicenseNotAssigned', () => {
    given(subscriptionAdded(SKU.OFFICE, 1), userCreated('u1'), userCreated('u2'))
      .when(reassign(SKU.OFFICE, 'u1', 'u2'))
      .thenThrows('LicenseNotAssigned', { userId: 'u1', skuIds: [SKU.OFFICE] });
  });

  it('L8 given u2 deleted, when reassigning to u2, then UserDeleted', () => {
    given(subscriptionAdded(SKU.OFFICE, 1), ...userWithLicense('u1', SKU.OFFICE), userCreated('u2'), userDeleted('u2'))
      .when(reassign(SKU.OFFICE, 'u1', 'u2'))
      .thenThrows('UserDeleted', { userId: 'u2' });
  });

  it('L8 given u2 without a usage location, when reassigning to u2, then UsageLocationRequired', () => {
    given(
      subscriptionAdded(SKU.OFFICE, 1),
      ...userWithLicense('u1', SKU.OFFICE),
      userCreated('u2', { usageLocation: null }),
    )
      .when(reassign(SKU.OFFICE, 'u1', 'u2'))
      .thenThrows('UsageLocationRequired', { userId: 'u2' });
  });

  it('L8 given u2 in a location without Lync, when reassigning PREMIUM with Lync enabled, then ServiceNotAvailableInLocation', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 1),
      ...userWithLicense('u1', SKU.PREMIUM),
      userCreated('u2', { usageLocation: LYNC_BLOCKED }),
    )
      .when(reassign(SKU.PREMIUM, 'u1', 'u2'))
      .thenThrows('ServiceNotAvailableInLocation', {
        userId: 'u2',
        skuId: SKU.PREMIUM,
        servicePlans: [LYNC],
        usageLocation: LYNC_BLOCKED,
      });
  });

  it('L8 given u2 already holding OFFICE, when reassigning OFFICE to u2, then ValidationFailed', () => {
    given(subscriptionAdded(SKU.OFFICE, 2), ...userWithLicense('u1', SKU.OFFICE), ...userWithLicense('u2', SKU.OFFICE))
      .when(reassign(SKU.OFFICE, 'u1', 'u2'))
      .thenThrows('ValidationFailed');
  });

  it('L8 given u1, when reassigning from u1 to u1, then ValidationFailed', () => {
    given(subscriptionAdded(SKU.OFFICE, 1), ...userWithLicense('u1', SKU.OFFICE))
      .when(reassign(SKU.OFFICE, 'u1', 'u1'))
      .thenThrows('ValidationFailed');
  });

  it('L8 given an unknown target user, when reassigning, then UserNotFound', () => {
    given(subscriptionAdded(SKU.OFFICE, 1), ...userWithLicense('u1', SKU.OFFICE))
      .when(reassign(SKU.OFFICE, 'u1', 'ghost'))
      .thenThrows('UserNotFound', { userId: 'ghost' });
  });

  it('L8 given an unknown SKU, when reassigning, then SubscriptionNotFound', () => {
    given(userCreated('u1'), userCreated('u2'))
      .when(reassign('NOPE', 'u1', 'u2'))
      .thenThrows('SubscriptionNotFound', { skuId: 'NOPE' });
  });
});
