import { SnapshotStore, noChanges } from '@app/application';
import {
  FoldedEvent,
  LedgerEvent,
  LedgerEventMetadata,
  LedgerState,
  UndoableFold,
  copyState,
  evolve,
  initialState,
  ledgerStreamId,
  touchedBy,
} from '@app/domain';
import { openReadModelDatabase } from '@app/projections';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshot } from '../support/snapshots';

const STREAM = ledgerStreamId('snap');

/** Events that set every field round 2 added to the folded state: lifecycle, hold, deletion, webhooks, alert rules. */
const history: LedgerEvent[] = [
  {
    type: 'SubscriptionAdded',
    data: {
      skuId: 'E3',
      name: 'E3',
      servicePlans: ['EXCHANGE'],
      seats: 5,
      termEndsAt: '2030-01-01T00:00:00.000Z',
      trial: true,
    },
  },
  { type: 'SubscriptionEnteredWarning', data: { skuId: 'E3' } },
  {
    type: 'UserCreated',
    data: {
      userId: 'u1',
      userPrincipalName: 'one@x.com',
      displayName: 'One',
      usageLocation: 'US',
      aliases: ['a1@x.com'],
    },
  },
  {
    type: 'UserCreated',
    data: {
      userId: 'u2',
      userPrincipalName: 'two@x.com',
      displayName: 'Two',
      usageLocation: 'US',
      aliases: ['a2@x.com'],
    },
  },
  { type: 'LicenseAssigned', data: { userId: 'u1', skuId: 'E3', disabledPlans: [] } },
  { type: 'LegalHoldPlaced', data: { userId: 'u2', reason: 'case 7' } },
  { type: 'WebhookRegistered', data: { webhookId: 'w1', url: 'https://hooks.test/1', events: [] } },
  { type: 'AlertRulesSet', data: { seatsBelow: [], purgeDueWithinDays: 7 } },
  { type: 'MailboxProvisioned', data: { userId: 'u2' } },
  { type: 'MailboxSoftDeleted', data: { userId: 'u2', purgeAfter: '2025-02-14T00:00:00.000Z' } },
];

const userWithThree: LedgerEvent = {
  type: 'UserCreated',
  data: {
    userId: 'u3',
    userPrincipalName: 'three@x.com',
    displayName: 'Three',
    usageLocation: 'US',
    aliases: ['a3@x.com'],
  },
};

/** Then, after the first snapshot: a deletion that keeps what a restore gives back, a purge, a webhook swap, new rules, a notice. */
const later: LedgerEvent[] = [
  { type: 'LicenseRemoved', data: { userId: 'u1', skuId: 'E3', reason: 'userDeleted' } },
  { type: 'AliasesReleased', data: { userId: 'u1', aliases: ['a1@x.com'], reason: 'userDeleted' } },
  { type: 'UserDeleted', data: { userId: 'u1', purgeAfter: '2025-02-14T00:00:00.000Z' } },
  { type: 'UserPurged', data: { userId: 'u3', userPrincipalName: 'three@x.com' } },
  { type: 'WebhookRemoved', data: { webhookId: 'w1' } },
  { type: 'WebhookRegistered', data: { webhookId: 'w2', url: 'https://hooks.test/2', events: [] } },
  { type: 'AlertRulesSet', data: { seatsBelow: [], purgeDueWithinDays: 14 } },
  {
    type: 'MailboxPurgeDueSoonNoticed',
    data: { userId: 'u2', purgeAfter: '2025-02-14T00:00:00.000Z', withinDays: 14 },
  },
];

function fold(state: LedgerState, events: readonly FoldedEvent[]): LedgerState {
  for (const event of events) evolve(state, event);
  return state;
}

function changesOf(events: readonly LedgerEvent[]) {
  const changes = noChanges();
  for (const event of events) {
    const { userId, skuId, webhookId, rules } = touchedBy(event);
    if (rules) changes.rules = true;
    if (userId !== undefined) changes.users.add(userId);
    if (skuId !== undefined) changes.subscriptions.add(skuId);
    if (webhookId !== undefined) changes.webhooks.add(webhookId);
  }
  return changes;
}

describe('Delta snapshots of the folded state', () => {
  const db = () =>
    openReadModelDatabase(join(mkdtempSync(join(tmpdir(), 'ledger-snapshot-rows-')), 'read-models.sqlite'));
  const open = () => new SnapshotStore(db());

  it('SL1 H1 U5 N1 a full snapshot and a delta on it load as the folded state: lifecycle, hold, deletion, webhooks, purge window', async () => {
    const snapshots = open();
    const state = fold(initialState(), [...history, userWithThree]);
    await snapshots.save(STREAM, { state, revision: 7n, position: 7n }, noChanges(), 0n);
    expect((await loadSnapshot(snapshots, STREAM))?.state).toEqual(state);

    fold(state, later);
    await snapshots.save(STREAM, { state, revision: 13n, position: 13n }, changesOf(later), 7n);
    const loaded = (await loadSnapshot(snapshots, STREAM))!;
    expect(loaded.revision).toBe(13n);
    expect(loaded.state).toEqual(state);
    expect(loaded.state.users.get('u1')?.deletion).toEqual({
      licenses: [{ skuId: 'E3', disabledPlans: [] }],
      aliases: ['a1@x.com'],
    });
    expect(loaded.state.users.get('u2')?.hold).toEqual({ reason: 'case 7' });
    expect(loaded.state.subscriptions.get('E3')).toMatchObject({
      status: 'warning',
      termEndsAt: '2030-01-01T00:00:00.000Z',
      trial: true,
    });
    expect([...loaded.state.webhooks]).toEqual(['w2']);
    expect(loaded.state.purgeDueWithinDays).toBe(14);
    expect(loaded.state.users.get('u2')?.mailbox).toEqual({
      status: 'softDeleted',
      purgeAfter: '2025-02-14T00:00:00.000Z',
      purgeDueNoticed: true,
    });
  });

  it('E1 a purge in a delta rewrites the user row blanked', async () => {
    const snapshots = open();
    const state = fold(initialState(), [...history, userWithThree]);
    await snapshots.save(STREAM, { state, revision: 7n, position: 7n }, noChanges(), 0n);
    fold(state, later);
    await snapshots.save(STREAM, { state, revision: 13n, position: 13n }, changesOf(later), 7n);
    expect(JSON.stringify((await loadSnapshot(snapshots, STREAM))?.state.users.get('u3'))).not.toMatch(
      /three|Three|a3@/,
    );
  });

  it('E1 erase blanks the purged user and every remembered answer about them, and keeps the rest of the snapshot', async () => {
    const file = db();
    const snapshots = new SnapshotStore(file);
    const state = fold(initialState(), [
      ...history,
      withKey(userWithThree, 'k3', { userPrincipalName: 'three@x.com' }),
      withKey({ type: 'LicenseAssigned', data: { userId: 'u2', skuId: 'E3', disabledPlans: [] } }, 'k2', {
        userPrincipalName: 'two@x.com',
      }),
    ]);
    await snapshots.save(STREAM, { state, revision: 8n, position: 8n }, noChanges(), 0n);

    snapshots.erase(STREAM, 'u3');
    const rows = file.prepare<[string], string>('SELECT value FROM ledger_snapshot_rows WHERE stream_id = ?').pluck();
    expect(rows.all(STREAM).join('\n')).not.toMatch(/three|Three|a3@/);
    const loaded = (await loadSnapshot(snapshots, STREAM))!;
    expect(loaded.revision).toBe(8n);
    expect(loaded.state.users.get('u3')).toMatchObject({ userPrincipalName: null, displayName: null, aliases: [] });
    expect(loaded.state.principalNames.has('three@x.com')).toBe(false);
    expect(loaded.state.idempotency.get('k3')).toMatchObject({ body: null, userIds: ['u3'] });
    expect(loaded.state.idempotency.get('k2')).toMatchObject({ body: { userPrincipalName: 'two@x.com' } });
    expect(loaded.state.users.get('u2')).toEqual(state.users.get('u2'));
  });
});

describe('Full snapshots saved in slices', () => {
  const file = () =>
    openReadModelDatabase(join(mkdtempSync(join(tmpdir(), 'ledger-snapshot-slices-')), 'read-models.sqlite'));
  /** The history plus `count` users, then u3 last: the rows of a full save come in that order. */
  const bigState = (count: number) =>
    fold(initialState(), [
      ...history,
      ...Array.from({ length: count }, (_, i): LedgerEvent => ({
        type: 'UserCreated',
        data: { userId: `v${i}`, userPrincipalName: `v${i}@x.com`, displayName: 'V', usageLocation: 'US', aliases: [] },
      })),
      withKey(userWithThree, 'k3', { userPrincipalName: 'three@x.com' }),
    ]);
  const rowsOf = (db: ReturnType<typeof file>) =>
    db.prepare<[string], string>('SELECT value FROM ledger_snapshot_rows WHERE stream_id = ?').pluck().all(STREAM);
  /** Counts the turns of the event loop while `work` runs. */
  async function turnsDuring<T>(work: Promise<T>): Promise<{ result: T; turns: number }> {
    let turns = 0;
    let running = true;
    const beat = () => {
      turns++;
      if (running) setImmediate(beat);
    };
    setImmediate(beat);
    const result = await work;
    running = false;
    return { result, turns };
  }

  it('SL1 a full save in slices of 3 rows, with turns of the event loop between them, loads as one in a single slice', async () => {
    const state = bigState(30);
    const sliced = new SnapshotStore(file(), 3);
    const { result, turns } = await turnsDuring(
      sliced.save(STREAM, { state, revision: 40n, position: 40n }, noChanges(), -1n),
    );
    expect(result).toBe(true);
    expect(turns).toBeGreaterThan(10);
    const whole = new SnapshotStore(file(), 1_000);
    expect(await whole.save(STREAM, { state, revision: 40n, position: 40n }, noChanges(), -1n)).toBe(true);
    expect(await loadSnapshot(sliced, STREAM)).toEqual(await loadSnapshot(whole, STREAM));
    expect((await loadSnapshot(sliced, STREAM))?.state).toEqual(state);
  });

  it('SL1 a full save that fails between slices leaves no snapshot, never a partial one, and the next one starts over', async () => {
    const db = file();
    const snapshots = new SnapshotStore(db, 3);
    const state = bigState(30);
    await snapshots.save(STREAM, { state, revision: 40n, position: 40n }, noChanges(), -1n);
    // A snapshot of an older format, as after a format bump: it is replaced by a full save.
    db.prepare('UPDATE ledger_snapshot_heads SET format = format - 1').run();
    // A value JSON cannot write, on the last user: the save throws after slices of rows were committed.
    const broken = bigState(30);
    broken.users.set('u3', { ...broken.users.get('u3')!, displayName: 1n as unknown as string });
    await expect(
      snapshots.save(STREAM, { state: broken, revision: 41n, position: 41n }, noChanges(), -1n),
    ).rejects.toThrow(/BigInt/);
    expect(rowsOf(db).length).toBeGreaterThan(0);
    expect(await loadSnapshot(snapshots, STREAM)).toBeUndefined();

    expect(await snapshots.save(STREAM, { state, revision: 42n, position: 42n }, noChanges(), -1n)).toBe(true);
    expect(await loadSnapshot(snapshots, STREAM)).toMatchObject({ state, revision: 42n });
  });

  it("E1 a purge erased while a full save is under way calls it off: no written row keeps the user's personal fields", async () => {
    const db = file();
    const snapshots = new SnapshotStore(db, 3);
    // The state of a process that has not folded the purge yet (another process purged the user).
    const saving = snapshots.save(STREAM, { state: bigState(30), revision: 40n, position: 40n }, noChanges(), -1n);
    await new Promise((resolve) => setImmediate(resolve));
    snapshots.erase(STREAM, 'u3');
    expect(await saving).toBe(false);
    expect(rowsOf(db).join('\n')).not.toMatch(/three|Three|a3@/);
    expect(await loadSnapshot(snapshots, STREAM)).toBeUndefined();
  });
});

describe('Snapshots read in slices', () => {
  const open = () =>
    new SnapshotStore(
      openReadModelDatabase(join(mkdtempSync(join(tmpdir(), 'ledger-snapshot-reads-')), 'read-models.sqlite')),
      3,
    );
  const state = () =>
    fold(initialState(), [
      ...history,
      withKey(userWithThree, 'k3', { userPrincipalName: 'three@x.com' }),
      ...Array.from({ length: 30 }, (_, i): LedgerEvent => ({
        type: 'UserCreated',
        data: { userId: `v${i}`, userPrincipalName: `v${i}@x.com`, displayName: 'V', usageLocation: 'US', aliases: [] },
      })),
    ]);

  it('E1 an erase between two slices of a read reaches the remembered answers about the user', async () => {
    const snapshots = open();
    await snapshots.save(STREAM, { state: state(), revision: 40n, position: 40n }, noChanges(), -1n);
    const into = initialState();
    let [turns, reading] = [0, true];
    const beat = () => {
      turns++;
      if (reading) setImmediate(beat);
    };
    setImmediate(beat);
    const read = snapshots.load(STREAM, into);
    await new Promise((resolve) => setImmediate(resolve));
    snapshots.erase(STREAM, 'u3');
    expect(await read).toEqual({ revision: 40n, position: 40n });
    reading = false;
    expect(turns).toBeGreaterThan(5);
    expect(into.users.size).toBe(33);
    expect(into.idempotency.get('k3')).toMatchObject({ body: null, userIds: ['u3'] });
  });

  it('SL1 a save between two slices of a read starts it over: the state read is of one revision', async () => {
    const snapshots = open();
    const saved = state();
    await snapshots.save(STREAM, { state: saved, revision: 40n, position: 40n }, noChanges(), -1n);
    const into = initialState();
    const reading = snapshots.load(STREAM, into);
    await new Promise((resolve) => setImmediate(resolve));
    fold(saved, later);
    await snapshots.save(STREAM, { state: saved, revision: 48n, position: 48n }, changesOf(later), 40n);
    expect(await reading).toEqual({ revision: 48n, position: 48n });
    expect(into).toEqual(saved);
  });
});

/** The event as stored by a command that came with an Idempotency-Key and answered `body`. */
function withKey(event: LedgerEvent, key: string, body: unknown): FoldedEvent {
  const metadata: LedgerEventMetadata = {
    actor: { id: 'alice' },
    tenantId: 'snap',
    occurredAt: new Date().toISOString(),
    correlationId: 'c',
    causationId: 'c',
    idempotency: { key, fingerprint: `f-${key}`, status: 201, body },
  };
  return { ...event, metadata };
}

describe('UndoableFold', () => {
  it('H1 U5 SL1 N1 undo puts back users, subscriptions, webhooks and the purge window the batch changed', () => {
    const state = fold(initialState(), [...history, userWithThree]);
    const before = copyState(state);
    const batch = new UndoableFold(state);
    const released: LedgerEvent = {
      type: 'LegalHoldReleased',
      data: { userId: 'u2', userPurgeAfter: null, mailboxPurgeAfter: null },
    };
    for (const event of [...later, { type: 'SubscriptionSuspended', data: { skuId: 'E3' } } as LedgerEvent, released])
      batch.evolve(event);
    expect(state).not.toEqual(before);
    batch.undo();
    expect(state).toEqual(before);
  });
});
