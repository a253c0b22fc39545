import { EventLoopTurns, auditStateJson, auditStateView, copyStateInSlices, sortInSlices } from '@app/application';
import { LedgerEvent, LedgerState, copyState, evolve, initialState } from '@app/domain';

const USERS = 300;
const userId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A state with every kind of entry: subscriptions, users with aliases, licenses, mailboxes, holds, deletions, keys, webhooks. */
function richState(): LedgerState {
  const state = initialState();
  const fold = (event: object) => evolve(state, event as LedgerEvent);
  for (const skuId of ['E5', 'E3', 'BP'])
    fold({ type: 'SubscriptionAdded', data: { skuId, name: skuId, servicePlans: ['EXCHANGE', 'TEAMS'], seats: 1000 } });
  // Users created in an order that is not their ids' order, so the view must sort.
  for (let n = 0; n < USERS; n++) {
    const i = (n * 7) % USERS;
    const id = userId(i);
    fold({
      type: 'UserCreated',
      data: {
        userId: id,
        userPrincipalName: `u${i}@x.test`,
        displayName: `U ${i}`,
        usageLocation: 'US',
        aliases: [`a${i}@x.test`],
      },
    });
    fold({ type: 'LicenseAssigned', data: { userId: id, skuId: i % 2 ? 'E5' : 'E3', disabledPlans: ['TEAMS'] } });
    if (i % 3 === 0) fold({ type: 'LicenseAssigned', data: { userId: id, skuId: 'BP', disabledPlans: [] } });
    if (i % 5 === 0) fold({ type: 'MailboxProvisioned', data: { userId: id } });
    if (i % 11 === 0) fold({ type: 'LegalHoldPlaced', data: { userId: id, reason: 'case 7' } });
    if (i % 13 === 1) fold({ type: 'UserDeleted', data: { userId: id, purgeAfter: '2025-02-01T00:00:00.000Z' } });
  }
  fold({ type: 'WebhookRegistered', data: { webhookId: 'w1', url: 'https://hooks.test/1', events: ['SeatsLow'] } });
  for (let k = 0; k < 100; k++)
    state.idempotency.set(`key-${k}`, {
      fingerprint: 'f',
      status: 201,
      body: { k },
      occurredAt: '2025-01-01T00:00:00.000Z',
      position: BigInt(k),
    });
  return state;
}

/** The audit state's work in turns (A2): the same results as the one-go versions, with a turn every 64 units. */
describe('Point-in-time work in slices', () => {
  it('A2: copyStateInSlices equals copyState, in the same order, and a fold on the copy leaves the source as it was', async () => {
    const state = richState();
    const before = copyState(state);
    const turns = new EventLoopTurns(0);
    const copy = await turns.run(() => copyStateInSlices(state, turns));

    expect(copy).toEqual(copyState(state));
    expect([...copy.users.keys()]).toEqual([...state.users.keys()]);
    expect([...copy.idempotency.keys()]).toEqual([...state.idempotency.keys()]);
    // A user, 3 maps of ~USERS entries, 100 keys: at least one turn per 64 entries copied.
    expect(turns.passes).toBeGreaterThanOrEqual(Math.floor((3 * USERS + 100) / 64));

    for (const event of [
      { type: 'LicenseRemoved', data: { userId: userId(0), skuId: 'E3' } },
      { type: 'AliasAdded', data: { userId: userId(0), alias: 'new@x.test' } },
      { type: 'MailboxSoftDeleted', data: { userId: userId(5), purgeAfter: '2025-03-01T00:00:00.000Z' } },
      { type: 'SeatsPurchased', data: { skuId: 'E3', count: 5 } },
      { type: 'LegalHoldReleased', data: { userId: userId(11) } },
    ])
      evolve(copy, event as LedgerEvent);
    expect(copy).not.toEqual(before);
    expect(state).toEqual(before);
  });

  it('A2: sortInSlices sorts like Array.prototype.sort, stably, with a turn every 64 steps', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ key: (i * 37) % 101, i }));
    const turns = new EventLoopTurns(0);
    const sorted = await turns.run(() => sortInSlices([...items], (a, b) => a.key - b.key, turns));

    expect(sorted).toEqual([...items].sort((a, b) => a.key - b.key));
    // 10 merge passes over 1000 items.
    expect(turns.passes).toBeGreaterThanOrEqual(Math.floor((10 * 1000) / 64));
    expect(await sortInSlices([], (a: number, b: number) => a - b, turns)).toEqual([]);
  });

  it('A2: the view sorts subscriptions by skuId and assignments by user then SKU, and its JSON pieces are JSON.stringify of it', async () => {
    const state = richState();
    const turns = new EventLoopTurns(0);
    const at = new Date('2025-01-15T00:00:00.000Z');
    const view = await turns.run(() => auditStateView(at, state, turns));

    expect(view.subscriptions.map((subscription) => subscription.skuId)).toEqual(['BP', 'E3', 'E5']);
    const keys = view.assignments.map((assignment) => `${assignment.userId} ${assignment.skuId}`);
    expect(keys).toEqual([...keys].sort());
    expect(view.assignments).toHaveLength([...state.users.values()].reduce((sum, user) => sum + user.licenses.size, 0));

    const big = { ...view, assignments: Array.from({ length: 20 }, () => view.assignments).flat() };
    const pieces = await turns.run(() => auditStateJson(big, turns));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(JSON.stringify(big));
    expect(await turns.run(() => auditStateJson({ at: view.at, subscriptions: [], assignments: [] }, turns))).toEqual([
      JSON.stringify({ at: view.at, subscriptions: [], assignments: [] }),
    ]);
  });
});
