import { LEDGER_EVENT_TYPES, LedgerEvent } from '@app/domain';
import {
  EXCHANGE,
  NOW,
  SKU,
  addAlias,
  aliasesReleased,
  assignLicense,
  contactsListDeleted,
  contactsListRestored,
  deleteUser,
  given,
  later,
  licenseAssigned,
  licenseRemoved,
  licenseUpdated,
  mailboxProvisioned,
  mailboxPurged,
  mailboxRestored,
  mailboxSoftDeleted,
  purgeMailbox,
  removeLicenses,
  subscriptionAdded,
  userCreated,
  userWithLicense,
} from './given-when-then';

/** u1 had EXCHANGE_STANDARD and alias a@contoso.com, and lost it at `lostAt`. */
const lostExchangeAt = (lostAt: Date): LedgerEvent[] => [
  subscriptionAdded(SKU.EXCHANGE, 5),
  subscriptionAdded(SKU.PREMIUM, 5),
  ...userWithLicense('u1', SKU.EXCHANGE, { aliases: ['a@contoso.com'] }),
  licenseRemoved('u1', SKU.EXCHANGE),
  mailboxSoftDeleted('u1', lostAt),
  aliasesReleased('u1', ['a@contoso.com']),
  contactsListDeleted('u1'),
];
const lostAt = later(NOW, { days: -10 });
const purgeAfter = later(lostAt, { days: 30 });

describe('mailbox lifecycle: L4 restore within the grace period', () => {
  it('L4 given u1 lost Exchange 10 days ago, when Exchange is assigned again, then the same mailbox and the contacts list are restored', () => {
    const { state } = given(...lostExchangeAt(lostAt))
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), mailboxRestored('u1'), contactsListRestored('u1'));
    expect(state.users.get('u1')!.mailbox).toEqual({ status: 'active', purgeAfter: null });
  });

  it('L4 given u1 lost Exchange, when Exchange is back at purgeAfter − 1 ms, then restored', () => {
    given(...lostExchangeAt(lostAt))
      .at(later(purgeAfter, { ms: -1 }))
      .when(assignLicense('u1', [SKU.PREMIUM]))
      .then(licenseAssigned('u1', SKU.PREMIUM), mailboxRestored('u1'), contactsListRestored('u1'));
  });

  it('L4 given u1 lost Exchange by disabling the plan, when enabling EXCHANGE again, then restored', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 5),
      ...userWithLicense('u1', SKU.PREMIUM),
      licenseUpdated('u1', SKU.PREMIUM, [EXCHANGE]),
      mailboxSoftDeleted('u1', lostAt),
      contactsListDeleted('u1'),
    )
      .when(assignLicense('u1', [{ skuId: SKU.PREMIUM, disabledPlans: [] }]))
      .then(licenseUpdated('u1', SKU.PREMIUM, []), mailboxRestored('u1'), contactsListRestored('u1'));
  });

  it('L4 given u1 restored, then its released aliases stay released and another user can take them', () => {
    const history = [...lostExchangeAt(lostAt), userCreated('u2')];
    const restore = given(...history)
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .decided();
    expect(restore.state.users.get('u1')!.aliases).toEqual([]);
    expect(restore.events.map((event) => event.type)).not.toContain('AliasAdded');
    given(...history, ...restore.events)
      .when(addAlias('u2', 'a@contoso.com'))
      .then({ type: 'AliasAdded', data: { userId: 'u2', alias: 'a@contoso.com' } });
  });

  it('L3 given u1 restored after a first loss, when losing Exchange again, then a new purgeAfter from the second instant', () => {
    given(
      ...lostExchangeAt(lostAt),
      licenseAssigned('u1', SKU.EXCHANGE),
      mailboxRestored('u1'),
      contactsListRestored('u1'),
    )
      .when(removeLicenses('u1', SKU.EXCHANGE))
      .then(licenseRemoved('u1', SKU.EXCHANGE), mailboxSoftDeleted('u1', NOW), contactsListDeleted('u1'));
  });
});

describe('mailbox lifecycle: L5 and L7 a new mailbox after the grace period', () => {
  it('L5 given purgeAfter reached but the saga has not run, when Exchange is back at purgeAfter, then MailboxPurged then MailboxProvisioned', () => {
    given(...lostExchangeAt(lostAt))
      .at(purgeAfter)
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), mailboxPurged('u1'), mailboxProvisioned('u1'));
  });

  it('L5 given purgeAfter passed a day ago without the saga, when Exchange is back, then MailboxPurged then MailboxProvisioned', () => {
    const { state } = given(...lostExchangeAt(lostAt))
      .at(later(purgeAfter, { days: 1 }))
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), mailboxPurged('u1'), mailboxProvisioned('u1'));
    expect(state.users.get('u1')!.mailbox).toEqual({ status: 'active', purgeAfter: null });
  });

  it('L5 given a purged mailbox, when Exchange is assigned again, then a new MailboxProvisioned (nothing restored)', () => {
    given(...lostExchangeAt(lostAt), mailboxPurged('u1'))
      .at(later(purgeAfter, { days: 3 }))
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), mailboxProvisioned('u1'));
  });

  it('L5 given the mailbox purged late by the license change, when the saga then asks to purge, then nothing', () => {
    const history = lostExchangeAt(lostAt);
    const late = later(purgeAfter, { days: 1 });
    const reprovision = given(...history)
      .at(late)
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .decided();
    given(...history, ...reprovision.events)
      .at(late)
      .when(purgeMailbox('u1'))
      .then();
  });

  it('L7 given u1 holding only OFFICE (never had Exchange), when Exchange is assigned, then MailboxProvisioned', () => {
    given(subscriptionAdded(SKU.EXCHANGE, 1), subscriptionAdded(SKU.OFFICE, 1), ...userWithLicense('u1', SKU.OFFICE))
      .when(assignLicense('u1', [SKU.EXCHANGE]))
      .then(licenseAssigned('u1', SKU.EXCHANGE), mailboxProvisioned('u1'));
  });
});

describe('mailbox lifecycle: L6 SharePoint documents are retained', () => {
  it('L6 given the event catalogue, then no event type purges or deletes SharePoint documents', () => {
    expect(LEDGER_EVENT_TYPES.filter((type) => /sharepoint|document/i.test(type))).toEqual([]);
  });

  it('L6 given u1 holding only SHAREPOINT_PLAN1, when deleted and later purged, then no event concerns documents or a mailbox', () => {
    const history = [subscriptionAdded(SKU.SHAREPOINT, 1), ...userWithLicense('u1', SKU.SHAREPOINT)];
    const deletion = given(...history)
      .when(deleteUser('u1'))
      .decided();
    const purge = given(...history, ...deletion.events)
      .at(later(NOW, { days: 30 }))
      .when(purgeMailbox('u1'))
      .decided();
    expect([...deletion.events, ...purge.events].map((event) => event.type)).toEqual([
      'LicenseRemoved',
      'UserDeleted',
      'UserPurged',
    ]);
  });

  it('L6 given u1 holding PREMIUM (with SharePoint), when its mailbox is purged, then only MailboxPurged: nothing about documents', () => {
    given(
      subscriptionAdded(SKU.PREMIUM, 1),
      ...userWithLicense('u1', SKU.PREMIUM),
      licenseRemoved('u1', SKU.PREMIUM),
      mailboxSoftDeleted('u1', lostAt),
      contactsListDeleted('u1'),
    )
      .at(purgeAfter)
      .when(purgeMailbox('u1'))
      .then(mailboxPurged('u1'));
  });
});
