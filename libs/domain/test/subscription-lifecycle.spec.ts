import { LedgerCommand, LedgerEvent, RulesFailed, consequencesOf, nextTransitionAt } from '@app/domain';
import {
  NOW,
  SKU,
  aliasesReleased,
  assignLicense,
  contactsListDeleted,
  given,
  iso,
  later,
  licenseRemoved,
  licenseUpdated,
  mailboxSoftDeleted,
  subscriptionAdded,
  userCreated,
  userWithLicense,
} from './given-when-then';

const TERM_END = later(NOW, { days: 10 });
const WARNING_ENDS = later(TERM_END, { days: 30 });
const SUSPENSION_ENDS = later(WARNING_ENDS, { days: 90 });

/** PREMIUM (with Exchange) whose term ends at TERM_END. */
const termed: LedgerEvent = {
  type: 'SubscriptionAdded',
  data: {
    skuId: SKU.PREMIUM,
    name: 'Premium',
    servicePlans: ['EXCHANGE', 'LYNC', 'OFFICE', 'SHAREPOINT'],
    seats: 5,
    termEndsAt: iso(TERM_END),
  },
};
const advance: LedgerCommand = { type: 'AdvanceSubscriptionLifecycle', data: { skuId: SKU.PREMIUM } };
const renew = (termEndsAt: Date): LedgerCommand => ({
  type: 'RenewSubscription',
  data: { skuId: SKU.PREMIUM, termEndsAt: iso(termEndsAt) },
});
const warned: LedgerEvent = { type: 'SubscriptionEnteredWarning', data: { skuId: SKU.PREMIUM } };
const suspended: LedgerEvent = { type: 'SubscriptionSuspended', data: { skuId: SKU.PREMIUM } };
const deleted: LedgerEvent = { type: 'SubscriptionDeleted', data: { skuId: SKU.PREMIUM } };
const renewed = (termEndsAt: Date): LedgerEvent => ({
  type: 'SubscriptionRenewed',
  data: { skuId: SKU.PREMIUM, termEndsAt: iso(termEndsAt) },
});

describe('subscription lifecycle: SL1 warning, suspended, deleted; SL2 renew; SL3 each step once', () => {
  it('SL1 given no term end, when AddSubscription with termEndsAt and trial, then SubscriptionAdded keeps both, normalised', () => {
    given()
      .when({
        type: 'AddSubscription',
        data: {
          skuId: 'E3',
          name: 'E3',
          servicePlans: ['EXCHANGE'],
          seats: 1,
          termEndsAt: '2025-02-01T00:00:00Z',
          trial: true,
        },
      })
      .then({
        type: 'SubscriptionAdded',
        data: {
          skuId: 'E3',
          name: 'E3',
          servicePlans: ['EXCHANGE'],
          seats: 1,
          termEndsAt: '2025-02-01T00:00:00.000Z',
          trial: true,
        },
      });
  });

  it('SL1 given no subscription, when AddSubscription with a term end already past, then ValidationFailed', () => {
    given()
      .when({
        type: 'AddSubscription',
        data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 1, termEndsAt: iso(NOW) },
      })
      .thenThrows('ValidationFailed', { fields: { termEndsAt: ['termEndsAt must be in the future'] } });
  });

  it('SL1 given a term ending at T, when the saga asks 1 ms before T, then nothing; at T, then SubscriptionEnteredWarning', () => {
    given(termed)
      .at(later(TERM_END, { ms: -1 }))
      .when(advance)
      .then();
    const { state } = given(termed).at(TERM_END).when(advance).then(warned);
    expect(state.subscriptions.get(SKU.PREMIUM)).toMatchObject({ status: 'warning' });
    expect(nextTransitionAt(state.subscriptions.get(SKU.PREMIUM)!)).toBe(iso(WARNING_ENDS));
  });

  it('SL1 given a subscription in warning, when a new assignment, then SubscriptionNotEnabled; a held license can still change', () => {
    given(termed, warned, userCreated('u1'))
      .at(TERM_END)
      .when(assignLicense('u1', [SKU.PREMIUM]))
      .thenThrows('SubscriptionNotEnabled', { userId: 'u1', skuId: SKU.PREMIUM, status: 'warning' });
    given(termed, ...userWithLicense('u1', SKU.PREMIUM), warned)
      .at(TERM_END)
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: ['LYNC'] }]))
      .then(licenseUpdated('u1', SKU.PREMIUM, ['LYNC']));
  });

  it('SL1 given warning for 30 days, when the saga asks, then SubscriptionSuspended and the licenses stay', () => {
    const { state } = given(termed, ...userWithLicense('u1', SKU.PREMIUM), warned)
      .at(WARNING_ENDS)
      .when(advance)
      .then(suspended);
    expect(state.users.get('u1')!.licenses.has(SKU.PREMIUM)).toBe(true);
  });

  it('SL1 L3 given suspended for 90 days, when the saga asks, then every license removed (subscriptionDeleted) with L3, then SubscriptionDeleted, in one commit', () => {
    const history = [
      termed,
      subscriptionAdded(SKU.EXCHANGE, 5),
      ...userWithLicense('u1', SKU.PREMIUM, { aliases: ['u1.alias@contoso.com'] }),
      // u2 keeps Exchange through another subscription: only the license goes.
      ...userWithLicense('u2', SKU.EXCHANGE),
      { type: 'LicenseAssigned', data: { userId: 'u2', skuId: SKU.PREMIUM, disabledPlans: [] } } as LedgerEvent,
      warned,
      suspended,
    ];
    const { state } = given(...history)
      .at(SUSPENSION_ENDS)
      .when(advance)
      .then(
        licenseRemoved('u1', SKU.PREMIUM, 'subscriptionDeleted'),
        mailboxSoftDeleted('u1', SUSPENSION_ENDS),
        aliasesReleased('u1', ['u1.alias@contoso.com']),
        contactsListDeleted('u1'),
        licenseRemoved('u2', SKU.PREMIUM, 'subscriptionDeleted'),
        deleted,
      );
    expect(state.subscriptions.get(SKU.PREMIUM)).toMatchObject({ status: 'deleted', assigned: 0 });
    expect(state.users.get('u2')!.mailbox).toEqual({ status: 'active', purgeAfter: null });
  });

  it('SL1 SL3 given a pass that comes 200 days after the term end, when the saga asks, then every step due, in order, in one commit', () => {
    given(termed)
      .at(later(TERM_END, { days: 200 }))
      .when(advance)
      .then(warned, suspended, deleted);
  });

  it('SL3 given the step already taken, when the saga asks again (duplicate, restart, second process), then nothing', () => {
    given(termed, warned)
      .at(later(WARNING_ENDS, { ms: -1 }))
      .when(advance)
      .then();
    given(termed, warned, suspended, deleted)
      .at(later(SUSPENSION_ENDS, { days: 5 }))
      .when(advance)
      .then();
  });

  it('SL2 given warning, when RenewSubscription, then SubscriptionRenewed and enabled: assignments allowed again', () => {
    const newEnd = later(TERM_END, { days: 365 });
    const { state } = given(termed, warned).at(TERM_END).when(renew(newEnd)).then(renewed(newEnd));
    expect(state.subscriptions.get(SKU.PREMIUM)).toMatchObject({ status: 'enabled', termEndsAt: iso(newEnd) });
    given(termed, warned, renewed(newEnd), userCreated('u1'))
      .at(TERM_END)
      .when(assignLicense('u1', [SKU.PREMIUM]))
      .decided();
  });

  it('SL2 given suspended, when RenewSubscription, then enabled, and the old schedule no longer applies', () => {
    const newEnd = later(SUSPENSION_ENDS, { days: 30 });
    const { state } = given(termed, warned, suspended).at(WARNING_ENDS).when(renew(newEnd)).then(renewed(newEnd));
    expect(state.subscriptions.get(SKU.PREMIUM)!.status).toBe('enabled');
    given(termed, warned, suspended, renewed(newEnd)).at(SUSPENSION_ENDS).when(advance).then();
  });

  it('SL2 given a deleted subscription, when RenewSubscription, then SubscriptionDeleted; seats cannot change either', () => {
    given(termed, warned, suspended, deleted)
      .at(SUSPENSION_ENDS)
      .when(renew(later(SUSPENSION_ENDS, { days: 1 })))
      .thenThrows('SubscriptionDeleted', { skuId: SKU.PREMIUM });
    given(termed, warned, suspended, deleted)
      .when({ type: 'ChangeSeats', data: { skuId: SKU.PREMIUM, action: 'purchase', count: 1 } })
      .thenThrows('SubscriptionDeleted');
  });

  it('SL2 given a subscription, when RenewSubscription with a past term end, then ValidationFailed', () => {
    given(termed)
      .when(renew(later(NOW, { days: -1 })))
      .thenThrows('ValidationFailed');
  });

  it('SL1 L8 given warning, when reassign to another user, then SubscriptionNotEnabled', () => {
    given(termed, ...userWithLicense('u1', SKU.PREMIUM), userCreated('u2'), warned)
      .at(TERM_END)
      .when({ type: 'ReassignLicense', data: { skuId: SKU.PREMIUM, fromUserId: 'u1', toUserId: 'u2' } })
      .thenThrows('SubscriptionNotEnabled', { userId: 'u2' });
  });
});

describe('DeleteUsers: U4 for several users in one commit, all or nothing', () => {
  const history = [
    subscriptionAdded(SKU.PREMIUM, 5),
    ...userWithLicense('u1', SKU.PREMIUM),
    ...userWithLicense('u2', SKU.PREMIUM),
    userCreated('u3'),
  ];

  it('U4 L3 given two licensed users, when DeleteUsers both, then each loses every license with L3 and is deleted, in one decision', () => {
    const { events, state } = given(...history)
      .when({ type: 'DeleteUsers', data: { userIds: ['u1', 'u2'] } })
      .decided();
    expect(events.map((event) => `${event.type}:${'userId' in event.data ? event.data.userId : ''}`)).toEqual([
      'LicenseRemoved:u1',
      'MailboxSoftDeleted:u1',
      'ContactsListDeleted:u1',
      'UserDeleted:u1',
      'LicenseRemoved:u2',
      'MailboxSoftDeleted:u2',
      'ContactsListDeleted:u2',
      'UserDeleted:u2',
    ]);
    expect(state.subscriptions.get(SKU.PREMIUM)!.assigned).toBe(0);
  });

  it('U4 given one unknown and one already-deleted id among valid ones, when DeleteUsers, then nothing and every failing id named', () => {
    const error = given(...history, {
      type: 'UserDeleted',
      data: { userId: 'u3', purgeAfter: iso(later(NOW, { days: 30 })) },
    })
      .when({ type: 'DeleteUsers', data: { userIds: ['u1', 'ghost', 'u3'] } })
      .thenThrows('UserNotFound');
    expect((error as RulesFailed).failures.map((failure) => [failure.code, failure.userId])).toEqual([
      ['UserNotFound', 'ghost'],
      ['UserDeleted', 'u3'],
    ]);
    // What passed is kept for a dry run's report.
    expect(consequencesOf((error as RulesFailed).passed).map((entry) => entry.userId)).toEqual(['u1']);
  });
});

describe('bulk remove: L1 and L9 for mode remove', () => {
  it('L1 L3 given users holding PREMIUM, when bulk remove PREMIUM, then removed from each with L3', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), ...userWithLicense('u1', SKU.PREMIUM))
      .at(NOW)
      .when({ type: 'BulkAssignLicenses', data: { userIds: ['u1'], skuIds: [SKU.PREMIUM], mode: 'remove' } })
      .then(licenseRemoved('u1', SKU.PREMIUM), mailboxSoftDeleted('u1', NOW), contactsListDeleted('u1'));
  });

  it('L1 given a user without the SKU, when bulk remove, then LicenseNotAssigned naming that user, and nothing for the others', () => {
    const error = given(subscriptionAdded(SKU.PREMIUM, 5), ...userWithLicense('u1', SKU.PREMIUM), userCreated('u2'))
      .when({ type: 'BulkAssignLicenses', data: { userIds: ['u1', 'u2'], skuIds: [SKU.PREMIUM], mode: 'remove' } })
      .thenThrows('LicenseNotAssigned', { userId: 'u2', skuIds: [SKU.PREMIUM] });
    expect(consequencesOf((error as RulesFailed).passed)).toEqual([
      {
        userId: 'u1',
        mailbox: 'softDeleted',
        purgeAfter: iso(later(NOW, { days: 30 })),
        aliasesReleased: [],
        contactsList: 'deleted',
        licensesRemoved: [SKU.PREMIUM],
        licensesAssigned: [],
        aliasesNotRestored: [],
      },
    ]);
  });
});
