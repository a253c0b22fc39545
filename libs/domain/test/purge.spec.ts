import { LedgerEvent } from '@app/domain';
import {
  NOW,
  SKU,
  addAlias,
  aliasesReleased,
  assignLicense,
  contactsListDeleted,
  contactsListRestored,
  createUser,
  deleteUser,
  given,
  later,
  licenseAssigned,
  licenseRemoved,
  mailboxProvisioned,
  mailboxPurged,
  mailboxRestored,
  mailboxSoftDeleted,
  purgeMailbox,
  subscriptionAdded,
  upnOf,
  userCreated,
  userDeleted,
  userPurged,
  userWithLicense,
} from './given-when-then';

const lostAt = later(NOW, { days: -30 });
const purgeAfter = later(lostAt, { days: 30 });
/** u1's mailbox was soft-deleted at `lostAt`: purgeAfter = NOW. */
const softDeleted: LedgerEvent[] = [
  subscriptionAdded(SKU.EXCHANGE, 5),
  ...userWithLicense('u1', SKU.EXCHANGE),
  licenseRemoved('u1', SKU.EXCHANGE),
  mailboxSoftDeleted('u1', lostAt),
  contactsListDeleted('u1'),
];

describe('purge: L5 the retention saga purges a soft-deleted mailbox exactly once', () => {
  it('L5 given a mailbox soft-deleted 30 days ago, when PurgeMailbox at purgeAfter, then MailboxPurged', () => {
    const { state } = given(...softDeleted)
      .at(purgeAfter)
      .when(purgeMailbox('u1'))
      .then(mailboxPurged('u1'));
    expect(state.users.get('u1')!.mailbox).toEqual({ status: 'purged', purgeAfter: null });
  });

  it('L5 given a soft-deleted mailbox, when PurgeMailbox at purgeAfter − 1 ms, then nothing', () => {
    given(...softDeleted)
      .at(later(purgeAfter, { ms: -1 }))
      .when(purgeMailbox('u1'))
      .then();
  });

  it('L5 given a mailbox already purged, when PurgeMailbox again (duplicate or restart), then nothing', () => {
    given(...softDeleted, mailboxPurged('u1'))
      .at(later(purgeAfter, { days: 1 }))
      .when(purgeMailbox('u1'))
      .then();
  });

  it('L5 given a mailbox restored before purgeAfter, when the scheduled PurgeMailbox arrives, then nothing', () => {
    given(...softDeleted, licenseAssigned('u1', SKU.EXCHANGE), mailboxRestored('u1'), contactsListRestored('u1'))
      .at(purgeAfter)
      .when(purgeMailbox('u1'))
      .then();
  });

  it('L5 given a mailbox restored and lost again later, when the first schedule fires, then nothing until the new purgeAfter', () => {
    const secondLoss = later(lostAt, { days: 20 });
    const history = [
      ...softDeleted,
      licenseAssigned('u1', SKU.EXCHANGE),
      mailboxRestored('u1'),
      licenseRemoved('u1', SKU.EXCHANGE),
      mailboxSoftDeleted('u1', secondLoss),
    ];
    given(...history)
      .at(purgeAfter)
      .when(purgeMailbox('u1'))
      .then();
    given(...history)
      .at(later(secondLoss, { days: 30 }))
      .when(purgeMailbox('u1'))
      .then(mailboxPurged('u1'));
  });

  it('L5 given an active mailbox, a user without one, or an unknown user, when PurgeMailbox, then nothing', () => {
    const history = [subscriptionAdded(SKU.EXCHANGE, 5), ...userWithLicense('u1', SKU.EXCHANGE), userCreated('u2')];
    given(...history)
      .when(purgeMailbox('u1'))
      .then();
    given(...history)
      .when(purgeMailbox('u2'))
      .then();
    given(...history)
      .when(purgeMailbox('ghost'))
      .then();
  });

  it('L5 given a purged mailbox, when Exchange is assigned again, then a new mailbox is provisioned', () => {
    given(...softDeleted, mailboxPurged('u1'))
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), mailboxProvisioned('u1'));
  });
});

describe('purge: U4 a deleted user is purged after the grace period', () => {
  const deletedAt = later(NOW, { days: -30 });
  const deleted = (): LedgerEvent[] => {
    const history = [
      subscriptionAdded(SKU.PREMIUM, 5),
      ...userWithLicense('u1', SKU.PREMIUM, { aliases: ['a@contoso.com'] }),
    ];
    return [
      ...history,
      ...given(...history)
        .at(deletedAt)
        .when(deleteUser('u1'))
        .decided().events,
    ];
  };

  it('U4 given u1 deleted 30 days ago with its mailbox, when PurgeMailbox at purgeAfter, then MailboxPurged and UserPurged', () => {
    const { state } = given(...deleted())
      .at(NOW)
      .when(purgeMailbox('u1'))
      .then(mailboxPurged('u1'), userPurged('u1'));
    expect(state.users.get('u1')).toMatchObject({ status: 'purged', mailbox: { status: 'purged' } });
  });

  it('U4 given u1 deleted, when PurgeMailbox 1 ms before its purgeAfter, then nothing', () => {
    given(...deleted())
      .at(later(NOW, { ms: -1 }))
      .when(purgeMailbox('u1'))
      .then();
  });

  it('U4 given u1 deleted and purged, when PurgeMailbox again, then nothing', () => {
    given(...deleted(), mailboxPurged('u1'), userPurged('u1'))
      .at(later(NOW, { days: 1 }))
      .when(purgeMailbox('u1'))
      .then();
  });

  it("U4 given u1 whose mailbox was purged before its deletion's grace period ended, when PurgeMailbox at the user's purgeAfter, then only UserPurged", () => {
    given(...softDeleted, mailboxPurged('u1'), userDeleted('u1', later(NOW, { days: -5 })))
      .at(later(NOW, { days: 25 }))
      .when(purgeMailbox('u1'))
      .then(userPurged('u1'));
  });

  it('U1 given u1 deleted and purged, when a new user takes its UPN, then UserCreated; before the purge, UserPrincipalNameTaken', () => {
    given(...deleted())
      .when(createUser('u9', upnOf('u1')))
      .thenThrows('UserPrincipalNameTaken');
    const purge = given(...deleted())
      .when(purgeMailbox('u1'))
      .decided();
    given(...deleted(), ...purge.events)
      .when(createUser('u9', upnOf('u1')))
      .then({
        type: 'UserCreated',
        data: { userId: 'u9', userPrincipalName: upnOf('u1'), displayName: 'u9', usageLocation: null, aliases: [] },
      });
  });

  it('U1 given u1 deleted, then its released alias is free for others right away', () => {
    const history = [...deleted(), userCreated('u2')];
    expect(history).toContainEqual(aliasesReleased('u1', ['a@contoso.com'], 'userDeleted'));
    given(...history)
      .when(addAlias('u2', 'a@contoso.com'))
      .then({ type: 'AliasAdded', data: { userId: 'u2', alias: 'a@contoso.com' } });
  });
});
