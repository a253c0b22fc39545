import { LedgerCommand } from '@app/domain';
import {
  LYNC,
  LYNC_BLOCKED,
  NOW,
  SKU,
  addAlias,
  aliasesReleased,
  assignLicense,
  bulk,
  contactsListDeleted,
  createUser,
  deleteUser,
  given,
  iso,
  later,
  licenseAssigned,
  licenseRemoved,
  mailboxProvisioned,
  mailboxSoftDeleted,
  reassign,
  subscriptionAdded,
  upnOf,
  userCreated,
  userDeleted,
  userPurged,
  userWithLicense,
} from './given-when-then';

const updateUser = (userId: string, data: { displayName?: string; usageLocation?: string }): LedgerCommand => ({
  type: 'UpdateUser',
  data: { userId, ...data },
});

describe('users: U1 addresses', () => {
  it('U1 given no users, when CreateUser with aliases, then UserCreated (no usage location becomes null)', () => {
    given()
      .when(createUser('u1', 'ann@contoso.com', ['a@contoso.com']))
      .then({
        type: 'UserCreated',
        data: {
          userId: 'u1',
          userPrincipalName: 'ann@contoso.com',
          displayName: 'u1',
          usageLocation: null,
          aliases: ['a@contoso.com'],
        },
      });
  });

  it('U1 given ann@contoso.com exists, when CreateUser ANN@Contoso.com, then UserPrincipalNameTaken (case-insensitive)', () => {
    given(userCreated('u1', { userPrincipalName: 'ann@contoso.com' }))
      .when(createUser('u2', 'ANN@Contoso.com'))
      .thenThrows('UserPrincipalNameTaken', { userPrincipalName: 'ANN@Contoso.com' });
  });

  it('U1 given ann@contoso.com is an alias of u1, when CreateUser with that UPN, then UserPrincipalNameTaken', () => {
    given(userCreated('u1', { aliases: ['ann@contoso.com'] }))
      .when(createUser('u2', 'Ann@contoso.com'))
      .thenThrows('UserPrincipalNameTaken');
  });

  it('U1 given u1 with UPN ann@contoso.com, when CreateUser with alias ANN@contoso.com, then AliasTaken (alias vs UPN)', () => {
    given(userCreated('u1', { userPrincipalName: 'ann@contoso.com' }))
      .when(createUser('u2', 'bob@contoso.com', ['ANN@contoso.com']))
      .thenThrows('AliasTaken', { aliases: ['ANN@contoso.com'] });
  });

  it('U1 given u1 with alias sales@contoso.com, when AddAlias Sales@Contoso.com to u2, then AliasTaken (alias vs alias)', () => {
    given(userCreated('u1', { aliases: ['sales@contoso.com'] }), userCreated('u2'))
      .when(addAlias('u2', 'Sales@Contoso.com'))
      .thenThrows('AliasTaken', { aliases: ['Sales@Contoso.com'] });
  });

  it("U1 given u1, when AddAlias of u2's UPN to u1, then AliasTaken (alias vs UPN)", () => {
    given(userCreated('u1'), userCreated('u2'))
      .when(addAlias('u1', upnOf('u2').toUpperCase()))
      .thenThrows('AliasTaken');
  });

  it('U1 given no users, when CreateUser whose aliases repeat each other or its own UPN, then AliasTaken naming them', () => {
    given()
      .when(createUser('u1', 'ann@contoso.com', ['x@contoso.com', 'X@contoso.com', 'Ann@contoso.com']))
      .thenThrows('AliasTaken', { aliases: ['X@contoso.com', 'Ann@contoso.com'] });
  });

  it('U1 given a deleted but not purged user, when CreateUser with its UPN, then UserPrincipalNameTaken', () => {
    given(userCreated('u1', { userPrincipalName: 'ann@contoso.com' }), userDeleted('u1'))
      .when(createUser('u2', 'ann@contoso.com'))
      .thenThrows('UserPrincipalNameTaken');
  });

  it('U1 given a user purged after deletion, when CreateUser with its UPN, then the UPN is free again', () => {
    given(
      userCreated('u1', { userPrincipalName: 'ann@contoso.com' }),
      userDeleted('u1'),
      userPurged('u1', 'ann@contoso.com'),
    )
      .when(createUser('u2', 'ANN@contoso.com'))
      .then({
        type: 'UserCreated',
        data: {
          userId: 'u2',
          userPrincipalName: 'ANN@contoso.com',
          displayName: 'u2',
          usageLocation: null,
          aliases: [],
        },
      });
  });

  it('U1 given aliases released by u1 (L3), when another user takes one as alias, then AliasAdded', () => {
    given(
      userCreated('u1', { aliases: ['sales@contoso.com'] }),
      userCreated('u2'),
      aliasesReleased('u1', ['sales@contoso.com']),
    )
      .when(addAlias('u2', 'sales@contoso.com'))
      .then({ type: 'AliasAdded', data: { userId: 'u2', alias: 'sales@contoso.com' } });
  });

  it('U1 given aliases released by u1, when a new user is created with that address as UPN, then UserCreated', () => {
    given(userCreated('u1', { aliases: ['sales@contoso.com'] }), aliasesReleased('u1', ['sales@contoso.com']))
      .when(createUser('u2', 'sales@contoso.com'))
      .then({
        type: 'UserCreated',
        data: {
          userId: 'u2',
          userPrincipalName: 'sales@contoso.com',
          displayName: 'u2',
          usageLocation: null,
          aliases: [],
        },
      });
  });

  it('U1 given u1 exists, when CreateUser with the same userId and another UPN, then ValidationFailed (u1 is not overwritten)', () => {
    given(userCreated('u1'))
      .when(createUser('u1', 'other@contoso.com'))
      .thenThrows('ValidationFailed', { fields: { userId: [expect.any(String)] } });
  });

  it('U1 given a deleted user, when AddAlias to it, then UserDeleted', () => {
    given(userCreated('u1'), userDeleted('u1'))
      .when(addAlias('u1', 'x@contoso.com'))
      .thenThrows('UserDeleted', { userId: 'u1' });
  });
});

describe('users: U3 usage location changes', () => {
  it('U3 given u1 in US holding PREMIUM with Lync enabled, when moving u1 to a location without Lync, then ServiceNotAvailableInLocation', () => {
    given(subscriptionAdded(SKU.PREMIUM, 5), ...userWithLicense('u1', SKU.PREMIUM))
      .when(updateUser('u1', { usageLocation: LYNC_BLOCKED }))
      .thenThrows('ServiceNotAvailableInLocation', {
        userId: 'u1',
        skuId: SKU.PREMIUM,
        servicePlans: [LYNC],
        usageLocation: LYNC_BLOCKED,
      });
  });

  it('U3 given u1 holding PREMIUM with Lync disabled, when moving u1 to a location without Lync, then UserUpdated', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 5),
      userCreated('u1'),
      licenseAssigned('u1', SKU.PREMIUM, [LYNC]),
      mailboxProvisioned('u1'),
    )
      .when(updateUser('u1', { usageLocation: LYNC_BLOCKED }))
      .then({ type: 'UserUpdated', data: { userId: 'u1', usageLocation: LYNC_BLOCKED } });
  });

  it('U3 given u1 without licenses, when moving u1 anywhere, then UserUpdated', () => {
    given(userCreated('u1'))
      .when(updateUser('u1', { usageLocation: LYNC_BLOCKED, displayName: 'Ann' }))
      .then({ type: 'UserUpdated', data: { userId: 'u1', displayName: 'Ann', usageLocation: LYNC_BLOCKED } });
  });

  it('U3 given u1, when UpdateUser with the values it already has, then no event', () => {
    given(userCreated('u1'))
      .when(updateUser('u1', { usageLocation: 'US', displayName: 'u1' }))
      .then();
  });
});

describe('users: U4 deletion', () => {
  const u1WithMailboxAndAliases = [
    subscriptionAdded(SKU.PREMIUM, 1),
    subscriptionAdded(SKU.OFFICE, 1),
    ...userWithLicense('u1', SKU.PREMIUM, { aliases: ['ann.smith@contoso.com'] }),
    licenseAssigned('u1', SKU.OFFICE),
  ];

  it('U4 given u1 holding two licenses and a mailbox, when DeleteUser, then both freed, L3 consequences and UserDeleted in one decision', () => {
    const { state } = given(...u1WithMailboxAndAliases)
      .when(deleteUser('u1'))
      .then(
        licenseRemoved('u1', SKU.PREMIUM, 'userDeleted'),
        licenseRemoved('u1', SKU.OFFICE, 'userDeleted'),
        { type: 'MailboxSoftDeleted', data: { userId: 'u1', purgeAfter: iso(later(NOW, { days: 30 })) } },
        aliasesReleased('u1', ['ann.smith@contoso.com'], 'userDeleted'),
        contactsListDeleted('u1'),
        { type: 'UserDeleted', data: { userId: 'u1', purgeAfter: iso(later(NOW, { days: 30 })) } },
      );
    expect(state.subscriptions.get(SKU.PREMIUM)!.assigned).toBe(0);
    expect(state.subscriptions.get(SKU.OFFICE)!.assigned).toBe(0);
    expect(state.users.get('u1')).toMatchObject({ status: 'deleted', aliases: [], userPrincipalName: upnOf('u1') });
  });

  it('U4 given u1 deleted at NOW, then UserDeleted.purgeAfter is NOW + 30 days to the millisecond', () => {
    const at = new Date('2025-02-28T23:59:59.999Z');
    const { events } = given(userCreated('u1'))
      .at(at)
      .when(deleteUser('u1'))
      .then({ type: 'UserDeleted', data: { userId: 'u1', purgeAfter: '2025-03-30T23:59:59.999Z' } });
    expect(events).toHaveLength(1);
  });

  it('U4 given u1 whose mailbox is already soft-deleted, when DeleteUser, then the mailbox keeps its first purgeAfter', () => {
    const lostExchange = later(NOW, { days: -10 });
    given(
      subscriptionAdded(SKU.EXCHANGE, 1),
      userCreated('u1'),
      licenseAssigned('u1', SKU.EXCHANGE),
      mailboxProvisioned('u1'),
      licenseRemoved('u1', SKU.EXCHANGE),
      mailboxSoftDeleted('u1', lostExchange),
      contactsListDeleted('u1'),
    )
      .when(deleteUser('u1'))
      .then(userDeleted('u1'));
  });

  it('U4 given both seats held by u1 and u1 deleted, when those seats are assigned to u2, then LicenseAssigned for each', () => {
    const history = [...u1WithMailboxAndAliases, userCreated('u2')];
    const deletion = given(...history)
      .when(deleteUser('u1'))
      .decided().events;
    given(...history, ...deletion)
      .when(assignLicense('u2', [SKU.PREMIUM, SKU.OFFICE]))
      .then(licenseAssigned('u2', SKU.PREMIUM), licenseAssigned('u2', SKU.OFFICE), mailboxProvisioned('u2'));
  });

  it('U4 given u1 deleted, when AssignLicense to u1, then UserDeleted', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'), userDeleted('u1'))
      .when(assignLicense('u1', [SKU.OFFICE]))
      .thenThrows('UserDeleted', { userId: 'u1' });
  });

  it('U4 given u1 deleted, when bulk add to u1 and u2, then UserDeleted naming u1 and nothing for u2', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), userCreated('u1'), userCreated('u2'), userDeleted('u1'))
      .when(bulk('add', ['u2', 'u1'], [SKU.OFFICE]))
      .thenThrows('UserDeleted', { userId: 'u1' });
  });

  it('U4 given u2 deleted, when reassigning u1 license to u2, then UserDeleted', () => {
    given(subscriptionAdded(SKU.OFFICE, 1), ...userWithLicense('u1', SKU.OFFICE), userCreated('u2'), userDeleted('u2'))
      .when(reassign(SKU.OFFICE, 'u1', 'u2'))
      .thenThrows('UserDeleted', { userId: 'u2' });
  });

  it('U4 given u1 deleted, when DeleteUser again, then UserDeleted', () => {
    given(userCreated('u1'), userDeleted('u1')).when(deleteUser('u1')).thenThrows('UserDeleted');
  });

  it('U4 given u1 purged, when DeleteUser, then UserNotFound', () => {
    given(userCreated('u1'), userDeleted('u1'), userPurged('u1')).when(deleteUser('u1')).thenThrows('UserNotFound');
  });

  it('U4 given an unknown user, when DeleteUser, then UserNotFound', () => {
    given().when(deleteUser('ghost')).thenThrows('UserNotFound', { userId: 'ghost' });
  });
});
