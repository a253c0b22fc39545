import { LedgerCommand, LedgerEvent, purgeAfterFrom } from '@app/domain';
import {
  NOW,
  SKU,
  assignLicense,
  contactsListRestored,
  createUser,
  deleteUser,
  given,
  later,
  licenseAssigned,
  mailboxPurged,
  mailboxRestored,
  mailboxSoftDeleted,
  purgeMailbox,
  removeLicenses,
  subscriptionAdded,
  upnOf,
  userCreated,
  userPurged,
  userWithLicense,
} from './given-when-then';

const restoreUser = (userId: string, withLicenses = true): LedgerCommand => ({
  type: 'RestoreUser',
  data: { userId, withLicenses },
});
const placeHold = (userId: string, reason = 'litigation'): LedgerCommand => ({
  type: 'PlaceLegalHold',
  data: { userId, reason },
});
const releaseHold = (userId: string): LedgerCommand => ({ type: 'ReleaseLegalHold', data: { userId } });
const holdPlaced = (userId: string, reason = 'litigation'): LedgerEvent => ({
  type: 'LegalHoldPlaced',
  data: { userId, reason },
});
const restored = (userId: string, aliasesNotRestored: string[] = [], withLicenses = true): LedgerEvent => ({
  type: 'UserRestored',
  data: { userId, withLicenses, aliasesNotRestored },
});
const aliasAdded = (userId: string, alias: string): LedgerEvent => ({ type: 'AliasAdded', data: { userId, alias } });

const ALIAS = 'u1.alias@contoso.com';
/** u1 with the premium SKU (Lync disabled), a mailbox and an alias, deleted at NOW by the real decider. */
function deletedAtNow(seats = 1): LedgerEvent[] {
  const history = [
    subscriptionAdded(SKU.PREMIUM, seats),
    ...userWithLicense('u1', SKU.PREMIUM, { aliases: [ALIAS] }),
    { type: 'LicenseUpdated', data: { userId: 'u1', skuId: SKU.PREMIUM, disabledPlans: ['LYNC'] } } as LedgerEvent,
  ];
  return [
    ...history,
    ...given(...history)
      .when(deleteUser('u1'))
      .decided().events,
  ];
}
const purgeAfter = new Date(purgeAfterFrom(NOW));

describe('restore: U5 a deleted user comes back until purgeAfter, all or nothing', () => {
  it('U5 L4 given u1 deleted with a license, a mailbox and an alias, when RestoreUser before purgeAfter, then user, license with its disabledPlans, mailbox, contacts list and alias in one commit', () => {
    const { state } = given(...deletedAtNow())
      .at(later(purgeAfter, { ms: -1 }))
      .when(restoreUser('u1'))
      .then(
        restored('u1'),
        licenseAssigned('u1', SKU.PREMIUM, ['LYNC']),
        mailboxRestored('u1'),
        contactsListRestored('u1'),
        aliasAdded('u1', ALIAS),
      );
    expect(state.users.get('u1')).toMatchObject({
      status: 'active',
      purgeAfter: null,
      deletion: null,
      aliases: [ALIAS],
    });
  });

  it('U5 given u1 deleted and its alias taken by u2 meanwhile, when RestoreUser, then restored without that alias, which the event names', () => {
    given(...deletedAtNow(), userCreated('u2', { aliases: ['U1.ALIAS@contoso.com'] }))
      .when(restoreUser('u1'))
      .then(
        restored('u1', [ALIAS]),
        licenseAssigned('u1', SKU.PREMIUM, ['LYNC']),
        mailboxRestored('u1'),
        contactsListRestored('u1'),
      );
  });

  it('U5 S3 given u1 deleted and its seat taken by u2, when RestoreUser, then InsufficientSeats and nothing changes', () => {
    given(...deletedAtNow(), userCreated('u2'), licenseAssigned('u2', SKU.PREMIUM))
      .when(restoreUser('u1'))
      .thenThrows('InsufficientSeats', { seats: [{ skuId: SKU.PREMIUM, needed: 1, available: 0 }] });
  });

  it('U5 given u1 deleted and its seat taken, when RestoreUser without licenses, then the user and alias come back, the mailbox stays soft-deleted', () => {
    const { state } = given(...deletedAtNow(), userCreated('u2'), licenseAssigned('u2', SKU.PREMIUM))
      .when(restoreUser('u1', false))
      .then(restored('u1', [], false), aliasAdded('u1', ALIAS));
    expect(state.users.get('u1')!.mailbox).toEqual({ status: 'softDeleted', purgeAfter: purgeAfterFrom(NOW) });
  });

  it('U5 given u1 deleted, when RestoreUser at purgeAfter, then RestoreWindowClosed', () => {
    given(...deletedAtNow())
      .at(purgeAfter)
      .when(restoreUser('u1'))
      .thenThrows('RestoreWindowClosed', { purgeAfter: purgeAfterFrom(NOW) });
  });

  it('U5 given u1 deleted and purged, when RestoreUser, then RestoreWindowClosed (no restore after the purge)', () => {
    given(...deletedAtNow(), mailboxPurged('u1'), userPurged('u1'))
      .at(purgeAfter)
      .when(restoreUser('u1'))
      .thenThrows('RestoreWindowClosed');
  });

  it('U5 given u1 active, when RestoreUser, then UserNotDeleted', () => {
    given(userCreated('u1')).when(restoreUser('u1')).thenThrows('UserNotDeleted');
  });

  it('U5 given u1 restored, when it is deleted and restored again, then the second deletion is what comes back', () => {
    const once = given(...deletedAtNow())
      .when(restoreUser('u1'))
      .decided().events;
    const history = [...deletedAtNow(), ...once];
    const again = given(...history)
      .when(removeLicenses('u1', SKU.PREMIUM))
      .decided().events;
    const deletedAgain = given(...history, ...again)
      .when(deleteUser('u1'))
      .decided().events;
    given(...history, ...again, ...deletedAgain)
      .when(restoreUser('u1'))
      .then(restored('u1'));
  });

  it('U1 given u1 deleted, when CreateUser with its UPN, then UserPrincipalNameTaken naming the deleted user and its purgeAfter', () => {
    const error = given(...deletedAtNow())
      .when(createUser('u9', upnOf('u1')))
      .thenThrows('UserPrincipalNameTaken', { deletedUserId: 'u1', purgeAfter: purgeAfterFrom(NOW), legalHold: false });
    expect(error.message).toBe(`${upnOf('u1')} belongs to deleted user u1 until ${purgeAfterFrom(NOW)}`);
  });
});

describe('legal hold: H1 nothing of a held user is purged; H2 the release gives overdue data 30 more days', () => {
  it('H1 given u1, when PlaceLegalHold, then LegalHoldPlaced; the same reason again changes nothing; another replaces it', () => {
    given(userCreated('u1')).when(placeHold('u1')).then(holdPlaced('u1'));
    given(userCreated('u1'), holdPlaced('u1')).when(placeHold('u1')).then();
    const { state } = given(userCreated('u1'), holdPlaced('u1'))
      .when(placeHold('u1', 'subpoena'))
      .then(holdPlaced('u1', 'subpoena'));
    expect(state.users.get('u1')!.hold).toEqual({ reason: 'subpoena' });
  });

  it('H1 given u1 held and deleted, when PurgeMailbox long after purgeAfter, then nothing (neither mailbox nor user)', () => {
    given(...deletedAtNow(), holdPlaced('u1'))
      .at(later(purgeAfter, { days: 370 }))
      .when(purgeMailbox('u1'))
      .then();
  });

  it('H1 given u1 held, when its license is removed and it is deleted, then both happen as usual', () => {
    const history = [subscriptionAdded(SKU.EXCHANGE, 1), ...userWithLicense('u1', SKU.EXCHANGE), holdPlaced('u1')];
    const removed = given(...history)
      .when(removeLicenses('u1', SKU.EXCHANGE))
      .decided().events;
    expect(removed.map((event) => event.type)).toEqual(['LicenseRemoved', 'MailboxSoftDeleted', 'ContactsListDeleted']);
    given(...history, ...removed)
      .when(deleteUser('u1'))
      .decided();
  });

  it('H1 L4 given u1 held with a mailbox soft-deleted past its purgeAfter, when Exchange comes back, then the same mailbox is restored, not purged', () => {
    given(
      subscriptionAdded(SKU.EXCHANGE, 1),
      userCreated('u1'),
      mailboxSoftDeleted('u1', later(NOW, { days: -60 })),
      holdPlaced('u1'),
    )
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), mailboxRestored('u1'), contactsListRestored('u1'));
  });

  it('H1 U5 given u1 deleted and held past its purgeAfter, when RestoreUser, then restored (the hold kept everything)', () => {
    given(...deletedAtNow(), holdPlaced('u1'))
      .at(later(purgeAfter, { days: 5 }))
      .when(restoreUser('u1'))
      .then(
        restored('u1'),
        licenseAssigned('u1', SKU.PREMIUM, ['LYNC']),
        mailboxRestored('u1'),
        contactsListRestored('u1'),
        aliasAdded('u1', ALIAS),
      );
  });

  it('H2 given u1 deleted and held past its purgeAfter, when ReleaseLegalHold, then mailbox and user get purgeAfter = release + 30 days; purged only then', () => {
    const releasedAt = later(purgeAfter, { days: 100 });
    const newPurgeAfter = purgeAfterFrom(releasedAt);
    const { events } = given(...deletedAtNow(), holdPlaced('u1'))
      .at(releasedAt)
      .when(releaseHold('u1'))
      .then({
        type: 'LegalHoldReleased',
        data: { userId: 'u1', mailboxPurgeAfter: newPurgeAfter, userPurgeAfter: newPurgeAfter },
      });
    const history = [...deletedAtNow(), holdPlaced('u1'), ...events];
    given(...history)
      .at(releasedAt)
      .when(purgeMailbox('u1'))
      .then();
    given(...history)
      .at(later(newPurgeAfter, { ms: -1 }))
      .when(purgeMailbox('u1'))
      .then();
    given(...history)
      .at(new Date(newPurgeAfter))
      .when(purgeMailbox('u1'))
      .then(mailboxPurged('u1'), userPurged('u1'));
  });

  it('H2 given u1 deleted and held, released before purgeAfter, then purgeAfter stays as it was', () => {
    given(...deletedAtNow(), holdPlaced('u1'))
      .at(later(NOW, { days: 3 }))
      .when(releaseHold('u1'))
      .then({ type: 'LegalHoldReleased', data: { userId: 'u1', mailboxPurgeAfter: null, userPurgeAfter: null } });
  });

  it('H2 given u1 with no hold, when ReleaseLegalHold, then NoHold; H1 on a purged user, UserNotFound', () => {
    given(userCreated('u1')).when(releaseHold('u1')).thenThrows('NoHold');
    given(...deletedAtNow(), mailboxPurged('u1'), userPurged('u1'))
      .when(placeHold('u1'))
      .thenThrows('UserNotFound');
  });
});
