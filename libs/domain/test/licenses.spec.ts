import { availableSeats } from '@app/domain';
import {
  EXCHANGE,
  LYNC,
  LYNC_BLOCKED,
  NOW,
  OFFICE,
  SHAREPOINT,
  SKU,
  aliasesReleased,
  assignLicense,
  contactsListDeleted,
  given,
  iso,
  later,
  licenseAssigned,
  licenseRemoved,
  licenseUpdated,
  mailboxProvisioned,
  removeLicenses,
  subscriptionAdded,
  userCreated,
  userWithLicense,
} from './given-when-then';

const softDeletedAtNow = (userId: string) => ({
  type: 'MailboxSoftDeleted' as const,
  data: { userId, purgeAfter: iso(later(NOW, { days: 30 })) },
});

describe('licenses: S3 seats for one user', () => {
  it('S3 given 2 seats both assigned, when AssignLicense to a third user, then InsufficientSeats', () => {
    given(
      subscriptionAdded(SKU.OFFICE, 2),
      ...userWithLicense('u1', SKU.OFFICE),
      ...userWithLicense('u2', SKU.OFFICE),
      userCreated('u3'),
    )
      .when(assignLicense('u3', [SKU.OFFICE]))
      .thenThrows('InsufficientSeats', { seats: [{ skuId: SKU.OFFICE, needed: 1, available: 0 }] });
  });

  it('S3 given 2 seats one assigned, when AssignLicense to a second user, then LicenseAssigned and no seat left', () => {
    const { state } = given(subscriptionAdded(SKU.OFFICE, 2), ...userWithLicense('u1', SKU.OFFICE), userCreated('u2'))
      .when(assignLicense('u2', [SKU.OFFICE]))
      .then(licenseAssigned('u2', SKU.OFFICE));
    expect(availableSeats(state.subscriptions.get(SKU.OFFICE)!)).toBe(0);
  });

  it('S3 given a SKU with 0 seats, when AssignLicense of it with another SKU that has seats, then InsufficientSeats only for the empty one', () => {
    given(subscriptionAdded(SKU.OFFICE, 0), subscriptionAdded(SKU.SHAREPOINT, 5), userCreated('u1'))
      .when(assignLicense('u1', [SKU.SHAREPOINT, SKU.OFFICE]))
      .thenThrows('InsufficientSeats', { seats: [{ skuId: SKU.OFFICE, needed: 1, available: 0 }] });
  });

  it('S3 given the only PREMIUM seat held by u1, when u1 re-adds PREMIUM with OFFICE disabled, then LicenseUpdated needs no seat', () => {
    given(subscriptionAdded(SKU.PREMIUM, 1), ...userWithLicense('u1', SKU.PREMIUM))
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [OFFICE] }]))
      .then(licenseUpdated('u1', SKU.PREMIUM, [OFFICE]));
  });

  it('S3 given the only OFFICE seat held by u1, when u1 removes OFFICE and adds SHAREPOINT in one call, then the OFFICE seat is free for u2', () => {
    const history = [
      subscriptionAdded(SKU.OFFICE, 1),
      subscriptionAdded(SKU.SHAREPOINT, 1),
      ...userWithLicense('u1', SKU.OFFICE),
      userCreated('u2'),
    ];
    const swap = given(...history)
      .when(assignLicense('u1', [SKU.SHAREPOINT], [SKU.OFFICE]))
      .then(licenseRemoved('u1', SKU.OFFICE), licenseAssigned('u1', SKU.SHAREPOINT));
    expect(availableSeats(swap.state.subscriptions.get(SKU.OFFICE)!)).toBe(1);
    given(...history, ...swap.events)
      .when(assignLicense('u2', [SKU.OFFICE]))
      .then(licenseAssigned('u2', SKU.OFFICE));
  });
});

describe('licenses: U2 and U3 eligibility', () => {
  it('U2 given u1 without a usage location, when AssignLicense, then UsageLocationRequired', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1', { usageLocation: null }))
      .when(assignLicense('u1', [SKU.OFFICE]))
      .thenThrows('UsageLocationRequired', { userId: 'u1' });
  });

  it('U2 given u1 without a usage location holding a license, when removing it, then LicenseRemoved (no location needed to remove)', () => {
    given(
      subscriptionAdded(SKU.OFFICE, 5),
      userCreated('u1', { usageLocation: null }),
      licenseAssigned('u1', SKU.OFFICE),
    )
      .when(removeLicenses('u1', SKU.OFFICE))
      .then(licenseRemoved('u1', SKU.OFFICE));
  });

  it('U2 given an unknown user, when AssignLicense, then UserNotFound', () => {
    given(subscriptionAdded(SKU.OFFICE, 5))
      .when(assignLicense('ghost', [SKU.OFFICE]))
      .thenThrows('UserNotFound', { userId: 'ghost' });
  });

  it('U3 given u1 in a location without Lync, when AssignLicense PREMIUM (Lync enabled), then ServiceNotAvailableInLocation with servicePlans and usageLocation', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), userCreated('u1', { usageLocation: LYNC_BLOCKED }))
      .when(assignLicense('u1', [SKU.PREMIUM]))
      .thenThrows('ServiceNotAvailableInLocation', {
        skuId: SKU.PREMIUM,
        servicePlans: [LYNC],
        usageLocation: LYNC_BLOCKED,
      });
  });

  it('U3 given u1 in a location without Lync, when AssignLicense PREMIUM with LYNC disabled, then LicenseAssigned and a mailbox', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), userCreated('u1', { usageLocation: LYNC_BLOCKED }))
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [LYNC] }]))
      .then(licenseAssigned('u1', SKU.PREMIUM, [LYNC]), mailboxProvisioned('u1'));
  });

  it('U3 given u1 in a location without Lync holding PREMIUM with LYNC disabled, when re-enabling LYNC, then ServiceNotAvailableInLocation', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 5),
      userCreated('u1', { usageLocation: LYNC_BLOCKED }),
      licenseAssigned('u1', SKU.PREMIUM, [LYNC]),
      mailboxProvisioned('u1'),
    )
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [] }]))
      .thenThrows('ServiceNotAvailableInLocation', { servicePlans: [LYNC], usageLocation: LYNC_BLOCKED });
  });

  it('U3 given OFFICE_PROPLUS (Office only), when AssignLicense disabling LYNC, then UnknownServicePlan', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'))
      .when(assignLicense('u1', [{ skuId: SKU.OFFICE, disabledPlans: [LYNC] }]))
      .thenThrows('UnknownServicePlan', { skuId: SKU.OFFICE, servicePlans: [LYNC] });
  });
});

describe('licenses: L1 one call is atomic', () => {
  it('L1 given u1 in a location without Lync, when adding OFFICE and PREMIUM and one fails U3, then nothing is decided', () => {
    given(
      subscriptionAdded(SKU.OFFICE, 5),
      subscriptionAdded(SKU.PREMIUM, 5),
      userCreated('u1', { usageLocation: LYNC_BLOCKED }),
    )
      .when(assignLicense('u1', [SKU.OFFICE, SKU.PREMIUM]))
      .thenThrows('ServiceNotAvailableInLocation', { skuId: SKU.PREMIUM });
  });

  it('L1 given u1 holding OFFICE, when adding SHAREPOINT and removing OFFICE and EXCHANGE_STANDARD (not held), then LicenseNotAssigned and nothing', () => {
    given(
      subscriptionAdded(SKU.OFFICE, 5),
      subscriptionAdded(SKU.SHAREPOINT, 5),
      subscriptionAdded(SKU.EXCHANGE, 5),
      ...userWithLicense('u1', SKU.OFFICE),
    )
      .when(assignLicense('u1', [SKU.SHAREPOINT], [SKU.OFFICE, SKU.EXCHANGE]))
      .thenThrows('LicenseNotAssigned', { userId: 'u1', skuIds: [SKU.EXCHANGE] });
  });

  it('L1 given u1 holding PREMIUM, when re-adding PREMIUM with disabled plans, then only LicenseUpdated', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), ...userWithLicense('u1', SKU.PREMIUM))
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [OFFICE, LYNC] }]))
      .then(licenseUpdated('u1', SKU.PREMIUM, [LYNC, OFFICE]));
  });

  it('L1 given u1 holding PREMIUM with LYNC disabled, when re-adding PREMIUM with the same disabled plans, then no event', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 5),
      userCreated('u1'),
      licenseAssigned('u1', SKU.PREMIUM, [LYNC]),
      mailboxProvisioned('u1'),
    )
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [LYNC, LYNC] }]))
      .then();
  });

  it('L1 given u1 without OFFICE, when removing OFFICE, then LicenseNotAssigned', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'))
      .when(removeLicenses('u1', SKU.OFFICE))
      .thenThrows('LicenseNotAssigned', { userId: 'u1', skuIds: [SKU.OFFICE] });
  });

  it('L1 given u1 holding OFFICE, when OFFICE is both added and removed, then ValidationFailed', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), ...userWithLicense('u1', SKU.OFFICE))
      .when(assignLicense('u1', [SKU.OFFICE], [SKU.OFFICE]))
      .thenThrows('ValidationFailed', { fields: { removeLicenses: [expect.any(String)] } });
  });

  it('L1 given u1, when OFFICE is listed twice in addLicenses, then ValidationFailed', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'))
      .when(assignLicense('u1', [SKU.OFFICE, { skuId: SKU.OFFICE, disabledPlans: [OFFICE] }]))
      .thenThrows('ValidationFailed', { fields: { addLicenses: [expect.any(String)] } });
  });

  it('L1 given u1, when adding an unknown SKU with a valid one, then SubscriptionNotFound and nothing', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'))
      .when(assignLicense('u1', [SKU.OFFICE, 'NOPE']))
      .thenThrows('SubscriptionNotFound', { skuId: 'NOPE' });
  });
});

describe('licenses: L2, L3 and L7 Exchange comes and goes', () => {
  it('L7 given u1 without licenses, when AssignLicense EXCHANGE_STANDARD, then LicenseAssigned and MailboxProvisioned', () => {
    given(subscriptionAdded(SKU.EXCHANGE, 5), userCreated('u1'))
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), mailboxProvisioned('u1'));
  });

  it('L7 given u1, when AssignLicense of two Exchange-bearing SKUs at once, then one MailboxProvisioned', () => {
    given(subscriptionAdded(SKU.EXCHANGE, 5), subscriptionAdded(SKU.PREMIUM, 5), userCreated('u1'))
      .when(assignLicense('u1', [SKU.EXCHANGE, SKU.PREMIUM]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), licenseAssigned('u1', SKU.PREMIUM), mailboxProvisioned('u1'));
  });

  it('L7 given u1, when AssignLicense of a non-Exchange SKU, then no mailbox', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'))
      .when(assignLicense('u1', [SKU.OFFICE]))
      .then(licenseAssigned('u1', SKU.OFFICE));
  });

  it('L2 given u1, when AssignLicense PREMIUM with EXCHANGE disabled, then no mailbox (the user does not have Exchange)', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), userCreated('u1'))
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [EXCHANGE] }]))
      .then(licenseAssigned('u1', SKU.PREMIUM, [EXCHANGE]));
  });

  it('L2 given u1 holding PREMIUM with EXCHANGE disabled, when enabling EXCHANGE, then LicenseUpdated and MailboxProvisioned', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), userCreated('u1'), licenseAssigned('u1', SKU.PREMIUM, [EXCHANGE]))
      .when(assignLicense('u1', [SKU.PREMIUM]))
      .then(licenseUpdated('u1', SKU.PREMIUM, []), mailboxProvisioned('u1'));
  });

  it('L3 given u1 with a mailbox and aliases, when removing its only Exchange license, then soft-delete for exactly 30 days, aliases released, contacts deleted', () => {
    const { state } = given(
      subscriptionAdded(SKU.EXCHANGE, 5),
      ...userWithLicense('u1', SKU.EXCHANGE, { aliases: ['a@contoso.com', 'B@contoso.com'] }),
    )
      .when(removeLicenses('u1', SKU.EXCHANGE))
      .then(
        licenseRemoved('u1', SKU.EXCHANGE),
        { type: 'MailboxSoftDeleted', data: { userId: 'u1', purgeAfter: '2025-02-14T09:30:00.000Z' } },
        aliasesReleased('u1', ['a@contoso.com', 'B@contoso.com']),
        contactsListDeleted('u1'),
      );
    expect(state.users.get('u1')).toMatchObject({
      aliases: [],
      userPrincipalName: 'u1@contoso.com',
      mailbox: { status: 'softDeleted' },
    });
    expect(state.aliases.has('b@contoso.com')).toBe(false);
  });

  it('L3 given a decision at an odd millisecond, then MailboxSoftDeleted.purgeAfter is that instant + 30 days to the millisecond', () => {
    const at = new Date('2024-02-29T23:59:59.123Z');
    given(subscriptionAdded(SKU.EXCHANGE, 5), ...userWithLicense('u1', SKU.EXCHANGE))
      .at(at)
      .when(removeLicenses('u1', SKU.EXCHANGE))
      .then(
        licenseRemoved('u1', SKU.EXCHANGE),
        { type: 'MailboxSoftDeleted', data: { userId: 'u1', purgeAfter: '2024-03-30T23:59:59.123Z' } },
        contactsListDeleted('u1'),
      );
  });

  it('L3 given u1 holding PREMIUM, when disabling EXCHANGE in it, then LicenseUpdated counts as losing Exchange', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), ...userWithLicense('u1', SKU.PREMIUM, { aliases: ['a@contoso.com'] }))
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [EXCHANGE] }]))
      .then(
        licenseUpdated('u1', SKU.PREMIUM, [EXCHANGE]),
        softDeletedAtNow('u1'),
        aliasesReleased('u1', ['a@contoso.com']),
        contactsListDeleted('u1'),
      );
  });

  it('L3 given u1 holding two Exchange-bearing licenses, when removing one, then only LicenseRemoved (u1 still has Exchange)', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 5),
      subscriptionAdded(SKU.EXCHANGE, 5),
      ...userWithLicense('u1', SKU.PREMIUM, { aliases: ['a@contoso.com'] }),
      licenseAssigned('u1', SKU.EXCHANGE),
    )
      .when(removeLicenses('u1', SKU.PREMIUM))
      .then(licenseRemoved('u1', SKU.PREMIUM));
  });

  it('L3 given u1 holding PREMIUM and EXCHANGE_STANDARD, when disabling EXCHANGE in PREMIUM, then only LicenseUpdated', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 5),
      subscriptionAdded(SKU.EXCHANGE, 5),
      ...userWithLicense('u1', SKU.PREMIUM),
      licenseAssigned('u1', SKU.EXCHANGE),
    )
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [EXCHANGE] }]))
      .then(licenseUpdated('u1', SKU.PREMIUM, [EXCHANGE]));
  });

  it('L3 given u1 holding EXCHANGE_STANDARD, when swapping EXCHANGE_STANDARD for PREMIUM in one call, then no mailbox event', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 5),
      subscriptionAdded(SKU.EXCHANGE, 5),
      ...userWithLicense('u1', SKU.EXCHANGE, { aliases: ['a@contoso.com'] }),
    )
      .when(assignLicense('u1', [SKU.PREMIUM], [SKU.EXCHANGE]))
      .then(licenseRemoved('u1', SKU.EXCHANGE), licenseAssigned('u1', SKU.PREMIUM));
  });

  it('L6 given u1 holding only SHAREPOINT_PLAN1, when removing it, then only LicenseRemoved (documents are retained, no mailbox events)', () => {
    given(
      subscriptionAdded(SKU.SHAREPOINT, 5),
      ...userWithLicense('u1', SKU.SHAREPOINT, { aliases: ['a@contoso.com'] }),
    )
      .when(removeLicenses('u1', SKU.SHAREPOINT))
      .then(licenseRemoved('u1', SKU.SHAREPOINT));
  });

  it('L6 given u1 holding PREMIUM, when disabling SHAREPOINT in it, then only LicenseUpdated', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), ...userWithLicense('u1', SKU.PREMIUM))
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [SHAREPOINT] }]))
      .then(licenseUpdated('u1', SKU.PREMIUM, [SHAREPOINT]));
  });
});
