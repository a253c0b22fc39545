import { LedgerCommand, LedgerEvent, purgeAfterFrom } from '@app/domain';
import {
  NOW,
  SKU,
  contactsListDeleted,
  given,
  later,
  licenseRemoved,
  mailboxRestored,
  mailboxSoftDeleted,
  subscriptionAdded,
  userWithLicense,
} from './given-when-then';

const notice: LedgerCommand = { type: 'NoticePurgeDueSoon', data: { userId: 'u1' } };
const rules = (purgeDueWithinDays: number | null): LedgerEvent => ({
  type: 'AlertRulesSet',
  data: { seatsBelow: [], purgeDueWithinDays },
});
const noticed = (purgeAfter: string, withinDays = 7): LedgerEvent => ({
  type: 'MailboxPurgeDueSoonNoticed',
  data: { userId: 'u1', purgeAfter, withinDays },
});
const holdPlaced: LedgerEvent = { type: 'LegalHoldPlaced', data: { userId: 'u1', reason: 'litigation' } };

/** u1's mailbox soft-deleted at NOW (purgeAfter = NOW + 30 days), in a tenant told 7 days ahead. */
const softDeleted: LedgerEvent[] = [
  subscriptionAdded(SKU.EXCHANGE, 5),
  rules(7),
  ...userWithLicense('u1', SKU.EXCHANGE),
  licenseRemoved('u1', SKU.EXCHANGE),
  mailboxSoftDeleted('u1', NOW),
  contactsListDeleted('u1'),
];
const purgeAfter = purgeAfterFrom(NOW);
const windowOpens = later(purgeAfter, { days: -7 });

describe('PurgeDueSoon: N1 the decider notices a purge due within the tenant window once per purgeAfter', () => {
  it('N1 given a mailbox purged in 7 days and a 7-day window, when NoticePurgeDueSoon, then noticed with purgeAfter', () => {
    const { state } = given(...softDeleted)
      .at(windowOpens)
      .when(notice)
      .then(noticed(purgeAfter));
    expect(state.users.get('u1')!.mailbox).toEqual({ status: 'softDeleted', purgeAfter, purgeDueNoticed: true });
  });

  it('N1 given a notice already given for this purgeAfter, when NoticePurgeDueSoon again, then nothing', () => {
    given(...softDeleted, noticed(purgeAfter))
      .at(later(windowOpens, { days: 3 }))
      .when(notice)
      .then();
  });

  it('N1 outside the window (1 ms before it opens, or once purgeAfter has passed), then nothing', () => {
    given(...softDeleted)
      .at(later(windowOpens, { ms: -1 }))
      .when(notice)
      .then();
    given(...softDeleted)
      .at(new Date(purgeAfter))
      .when(notice)
      .then();
  });

  it('N1 without a window (no rules, or rules set without purgeDueWithinDays), then nothing', () => {
    given(...softDeleted.filter((event) => event.type !== 'AlertRulesSet'))
      .at(windowOpens)
      .when(notice)
      .then();
    given(...softDeleted, rules(null))
      .at(windowOpens)
      .when(notice)
      .then();
  });

  it('N1 a wider window set later counts from the rules at the time of the notice', () => {
    given(...softDeleted, rules(30))
      .at(later(NOW, { ms: 1 }))
      .when(notice)
      .then(noticed(purgeAfter, 30));
  });

  it('N1 H1 given the owner under a legal hold, then nothing: nothing of a held user is purged, so no purge is due', () => {
    given(...softDeleted, holdPlaced)
      .at(windowOpens)
      .when(notice)
      .then();
  });

  it('N1 H2 a hold released past purgeAfter gives a new purgeAfter, which is noticed once more', () => {
    const releasedAt = later(purgeAfter, { days: 1 });
    const newPurgeAfter = purgeAfterFrom(releasedAt);
    const released: LedgerEvent = {
      type: 'LegalHoldReleased',
      data: { userId: 'u1', mailboxPurgeAfter: newPurgeAfter, userPurgeAfter: null },
    };
    given(...softDeleted, noticed(purgeAfter), holdPlaced, released)
      .at(later(newPurgeAfter, { days: -7 }))
      .when(notice)
      .then(noticed(newPurgeAfter));
  });

  it('N1 L4 a restored mailbox, or a new soft-deletion already noticed, then nothing; a new soft-deletion is noticed afresh', () => {
    given(...softDeleted, mailboxRestored('u1'))
      .at(windowOpens)
      .when(notice)
      .then();
    const again = later(NOW, { days: 2 });
    const history = [...softDeleted, noticed(purgeAfter), mailboxRestored('u1'), mailboxSoftDeleted('u1', again)];
    given(...history)
      .at(later(purgeAfterFrom(again), { days: -7 }))
      .when(notice)
      .then(noticed(purgeAfterFrom(again)));
  });

  it('N1 an unknown user or one without a mailbox, then nothing', () => {
    given(subscriptionAdded(SKU.EXCHANGE, 5), rules(7)).when(notice).then();
  });
});
