import { LedgerState, RememberedCommand, SubscriptionState, UserState, initialState } from '@app/domain';
import Database from 'better-sqlite3';

/**
 * Bump when LedgerState's shape changes: older snapshots are then ignored and history is replayed (6: one row per user,
 * subscription, key and webhook; 7: keys name their users; 8: and one row for the tenant's alert rules).
 */
const SNAPSHOT_FORMAT = 8;
/** The head of a full save under way: the rows are not a snapshot until the head flips to SNAPSHOT_FORMAT. */
const PENDING_FORMAT = -SNAPSHOT_FORMAT;
/** Rows a full save writes (or stale rows it deletes) per transaction and turn of the event loop: a few milliseconds' work. */
const SAVE_SLICE = 500;

type SerializedUser = Omit<UserState, 'licenses'> & { licenses: [string, string[]][] };
type SerializedCommand = Omit<RememberedCommand, 'position'> & { position: string | null };

export interface Snapshot {
  state: LedgerState;
  revision: bigint;
  position: bigint;
}

/** What changed in a folded state since the snapshot it started from. */
export interface StateChanges {
  users: Set<string>;
  subscriptions: Set<string>;
  keys: Set<string>;
  webhooks: Set<string>;
  /** Whether the alert rules changed. */
  rules: boolean;
}

export function noChanges(): StateChanges {
  return { users: new Set(), subscriptions: new Set(), keys: new Set(), webhooks: new Set(), rules: false };
}

/** The one row of kind 'rules': the part of the tenant's alert rules the decider needs (N1). */
const RULES_ROW_ID = 'alerting';

interface Row {
  kind: 'user' | 'subscription' | 'key' | 'webhook' | 'rules';
  id: string;
  value: string;
}

/**
 * Folded ledger states saved now and then, so a process starts without replaying a tenant's whole
 * history. One row per user, subscription, remembered Idempotency-Key and webhook: a save writes only the rows
 * that changed since the snapshot it builds on, so its cost follows the changes, not the tenant's size.
 */
export class SnapshotStore {
  private readonly selectHead;
  private readonly selectSlice;
  private readonly finishLoadTx;
  private readonly upsertHead;
  private readonly upsertRow;
  private readonly deleteRow;
  private readonly deleteKeysBefore;
  private readonly startTx;
  private readonly sliceTx;
  private readonly deleteSlice;
  private readonly eraseTx;

  constructor(
    db: Database.Database,
    private readonly sliceRows = SAVE_SLICE,
  ) {
    db.exec(`DROP TABLE IF EXISTS ledger_snapshots;
    CREATE TABLE IF NOT EXISTS ledger_snapshot_heads (
      stream_id TEXT PRIMARY KEY,
      format INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ledger_snapshot_rows (
      stream_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      value TEXT NOT NULL,
      occurred_at TEXT,
      PRIMARY KEY (stream_id, kind, id)
    ) WITHOUT ROWID`);
    this.selectHead = db
      .prepare<[string], { format: bigint; revision: bigint; position: bigint }>(
        'SELECT format, revision, position FROM ledger_snapshot_heads WHERE stream_id = ?',
      )
      .safeIntegers(true);
    // Every row but the remembered answers, in primary-key order from the last one read.
    this.selectSlice = db.prepare<[string, string, string, number], Row>(
      `SELECT kind, id, value FROM ledger_snapshot_rows WHERE stream_id = ? AND kind <> 'key' AND (kind, id) > (?, ?)
       ORDER BY kind, id LIMIT ?`,
    );
    const selectKeys = db.prepare<[string], Row>(
      "SELECT kind, id, value FROM ledger_snapshot_rows WHERE stream_id = ? AND kind = 'key' ORDER BY occurred_at",
    );
    this.finishLoadTx = db.transaction((streamId: string, revision: bigint, into: LedgerState) => {
      const head = this.selectHead.get(streamId);
      // A save since the first slice: the rows read may be of two revisions, so the read starts over.
      if (head?.format !== BigInt(SNAPSHOT_FORMAT) || head.revision !== revision) return false;
      for (const row of selectKeys.iterate(streamId)) addRow(into, row);
      return true;
    });
    this.upsertHead = db.prepare(
      `INSERT INTO ledger_snapshot_heads (stream_id, format, revision, position) VALUES (?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET format = excluded.format, revision = excluded.revision, position = excluded.position`,
    );
    this.upsertRow = db.prepare(
      `INSERT INTO ledger_snapshot_rows (stream_id, kind, id, value, occurred_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (stream_id, kind, id) DO UPDATE SET value = excluded.value, occurred_at = excluded.occurred_at`,
    );
    this.deleteRow = db.prepare('DELETE FROM ledger_snapshot_rows WHERE stream_id = ? AND kind = ? AND id = ?');
    this.deleteSlice = db.prepare(
      `DELETE FROM ledger_snapshot_rows WHERE stream_id = ? AND (kind, id) IN
         (SELECT kind, id FROM ledger_snapshot_rows WHERE stream_id = ? LIMIT ?)`,
    );
    const cancelPending = db.prepare('DELETE FROM ledger_snapshot_heads WHERE stream_id = ? AND format = ?');
    // The same blanking as evolve's UserPurged and a replay without the user's key; secure_delete zeroes the old bytes.
    const blankUser = db.prepare(
      `UPDATE ledger_snapshot_rows SET value = json_set(value, '$.userPrincipalName', NULL, '$.displayName', NULL,
         '$.aliases', json('[]'), '$.deletion.aliases', json('[]'))
       WHERE stream_id = ? AND kind = 'user' AND id = ?`,
    );
    const eraseAnswers = db.prepare(
      `UPDATE ledger_snapshot_rows SET value = json_set(value, '$.body', NULL)
       WHERE stream_id = ? AND kind = 'key' AND EXISTS (SELECT 1 FROM json_each(ledger_snapshot_rows.value, '$.userIds') AS users WHERE users.value = ?)`,
    );
    this.deleteKeysBefore = db.prepare(
      "DELETE FROM ledger_snapshot_rows WHERE stream_id = ? AND kind = 'key' AND occurred_at < ?",
    );
    // A delta when the stored snapshot allows one; otherwise the head turns pending, claiming a full save for this revision.
    const start = db.transaction((streamId: string, snapshot: Snapshot, changes: StateChanges, base: bigint) => {
      const head = this.selectHead.get(streamId);
      const current = head !== undefined && head.format === BigInt(SNAPSHOT_FORMAT);
      if (current && head.revision >= snapshot.revision) return true;
      if (current && head.revision >= base) {
        this.write(streamId, snapshot, changes);
        return true;
      }
      this.upsertHead.run(streamId, PENDING_FORMAT, snapshot.revision, snapshot.position);
      return false;
    });
    this.startTx = (streamId: string, snapshot: Snapshot, changes: StateChanges, base: bigint) =>
      start.immediate(streamId, snapshot, changes, base);
    const slice = db.transaction((streamId: string, revision: bigint, work: () => boolean) => {
      const head = this.selectHead.get(streamId);
      // A purge (erase) or another process's full save took the claim: this save stops here.
      if (head?.format !== BigInt(PENDING_FORMAT) || head.revision !== revision) return undefined;
      return work();
    });
    this.sliceTx = (streamId: string, revision: bigint, work: () => boolean) =>
      slice.immediate(streamId, revision, work);
    this.eraseTx = db.transaction((streamId: string, userId: string) => {
      blankUser.run(streamId, userId);
      eraseAnswers.run(streamId, userId);
      // A full save under way may still write the user's row from a state before the purge: it is called off.
      cancelPending.run(streamId, PENDING_FORMAT);
    });
  }

  /**
   * A purge (E1): the user's row loses its personal fields and every remembered answer about the user its body,
   * in place. The rest of the snapshot stays, so the next load folds only the events after it (the purge among them).
   */
  erase(streamId: string, userId: string): void {
    this.eraseTx(streamId, userId);
  }

  /**
   * Reads the snapshot into the empty state `into`, in slices with turns of the event loop between them; its revision
   * and position, or undefined when there is none. The remembered answers come last, in the same step as a last look at
   * the head: an erase meanwhile has reached them (a purged user's own row is blanked again by the replay of the purge).
   */
  async load(streamId: string, into: LedgerState): Promise<Omit<Snapshot, 'state'> | undefined> {
    for (;;) {
      const head = this.selectHead.get(streamId);
      if (!head || head.format !== BigInt(SNAPSHOT_FORMAT)) return undefined;
      Object.assign(into, initialState());
      let rows = this.selectSlice.all(streamId, '', '', this.sliceRows);
      while (rows.length > 0) {
        for (const row of rows) addRow(into, row);
        const last = rows[rows.length - 1];
        await nextTurn();
        rows = this.selectSlice.all(streamId, last.kind, last.id, this.sliceRows);
      }
      if (this.finishLoadTx(streamId, head.revision, into)) return { revision: head.revision, position: head.position };
    }
  }

  /**
   * Saves the state at `snapshot.revision`, writing only `changes` when the stored snapshot is at `base` or later
   * (changes then cover everything since it). Otherwise, or with another format, all of it, in slices with turns of
   * the event loop between them: the caller keeps the state unchanged until the promise settles. Resolves to whether
   * the snapshot was saved; until a full save's last slice, loads find no snapshot, and a crash leaves none.
   */
  async save(streamId: string, snapshot: Snapshot, changes: StateChanges, base: bigint): Promise<boolean> {
    if (this.startTx(streamId, snapshot, changes, base)) return true;
    const { state, revision, position } = snapshot;
    const rows = rowsOf(state);
    return (
      // Rows of an older format, or of a full save that crashed or was called off, go first; the flip of the head last.
      (await this.inSlices(
        streamId,
        revision,
        () => this.deleteSlice.run(streamId, streamId, this.sliceRows).changes > 0,
      )) &&
      (await this.inSlices(streamId, revision, () => this.writeSlice(streamId, rows))) &&
      (await this.inSlices(streamId, revision, () => {
        this.upsertHead.run(streamId, SNAPSHOT_FORMAT, revision, position);
        return false;
      }))
    );
  }

  /** Runs `work` in slices (one transaction and one turn of the event loop each) while this save's claim holds; whether it held. */
  private async inSlices(streamId: string, revision: bigint, work: () => boolean): Promise<boolean> {
    for (;;) {
      const more = this.sliceTx(streamId, revision, work);
      if (more !== true) return more === false;
      await nextTurn();
    }
  }

  /** Writes the next rows of a full save; whether any are left. */
  private writeSlice(streamId: string, rows: Iterator<FullRow>): boolean {
    for (let written = 0; written < this.sliceRows; written++) {
      const next = rows.next();
      if (next.done) return false;
      const [kind, id, value] = next.value;
      this.upsertRow.run(streamId, kind, id, value, kind === 'key' ? (next.value[3] ?? null) : null);
    }
    return true;
  }

  /** Writes the rows of `changes`. */
  private write(streamId: string, { state, revision, position }: Snapshot, changes: StateChanges): void {
    for (const userId of changes.users) this.writeRow(streamId, 'user', userId, state.users.get(userId), serializeUser);
    for (const skuId of changes.subscriptions)
      this.writeRow(streamId, 'subscription', skuId, state.subscriptions.get(skuId), (subscription) => subscription);
    for (const key of changes.keys) this.writeRow(streamId, 'key', key, state.idempotency.get(key), serializeCommand);
    for (const webhookId of changes.webhooks)
      this.writeRow(streamId, 'webhook', webhookId, state.webhooks.has(webhookId) ? webhookId : undefined, (id) => id);
    if (changes.rules) this.writeRow(streamId, 'rules', RULES_ROW_ID, rulesOf(state), (rules) => rules);
    // Keys leave the state oldest first, once a day old: every stored key older than the oldest kept one is gone.
    const oldest = state.idempotency.values().next().value;
    this.deleteKeysBefore.run(streamId, oldest?.occurredAt ?? '\uffff');
    this.upsertHead.run(streamId, SNAPSHOT_FORMAT, revision, position);
  }

  private writeRow<T>(
    streamId: string,
    kind: Row['kind'],
    id: string,
    value: T | undefined,
    serialize: (value: T) => unknown,
  ): void {
    if (value === undefined) this.deleteRow.run(streamId, kind, id);
    else
      this.upsertRow.run(
        streamId,
        kind,
        id,
        JSON.stringify(serialize(value)),
        kind === 'key' ? (value as RememberedCommand).occurredAt : null,
      );
  }
}

/** One row of a full save: kind, id, value and, for a key, when its command ran. */
type FullRow = [Row['kind'], string, string, string?];

/** Every row of the state, serialised one at a time as a slice asks for it. */
function* rowsOf(state: LedgerState): Generator<FullRow> {
  for (const [userId, user] of state.users) yield ['user', userId, JSON.stringify(serializeUser(user))];
  for (const [skuId, subscription] of state.subscriptions) yield ['subscription', skuId, JSON.stringify(subscription)];
  for (const [key, command] of state.idempotency)
    yield ['key', key, JSON.stringify(serializeCommand(command)), command.occurredAt];
  for (const webhookId of state.webhooks) yield ['webhook', webhookId, JSON.stringify(webhookId)];
  yield ['rules', RULES_ROW_ID, JSON.stringify(rulesOf(state))];
}

function rulesOf(state: LedgerState): { purgeDueWithinDays: number | null } {
  return { purgeDueWithinDays: state.purgeDueWithinDays };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function serializeUser(user: UserState): SerializedUser {
  return { ...user, licenses: [...user.licenses] };
}

function serializeCommand(command: RememberedCommand): SerializedCommand {
  return { ...command, position: command.position?.toString() ?? null };
}

/** Each row goes straight into the state's maps: no array of every row, no second copy of every user. */
function addRow(state: LedgerState, row: Row): void {
  if (row.kind === 'user') {
    const serialized = JSON.parse(row.value) as SerializedUser;
    const user: UserState = { ...serialized, licenses: new Map(serialized.licenses) };
    state.users.set(user.userId, user);
    if (user.status !== 'purged' && user.userPrincipalName !== null)
      state.principalNames.set(user.userPrincipalName.toLowerCase(), user.userId);
    for (const alias of user.aliases) state.aliases.set(alias.toLowerCase(), user.userId);
  } else if (row.kind === 'subscription') {
    const subscription = JSON.parse(row.value) as SubscriptionState;
    state.subscriptions.set(subscription.skuId, subscription);
  } else if (row.kind === 'webhook') {
    state.webhooks.add(row.id);
  } else if (row.kind === 'rules') {
    ({ purgeDueWithinDays: state.purgeDueWithinDays } = JSON.parse(row.value) as {
      purgeDueWithinDays: number | null;
    });
  } else {
    const command = JSON.parse(row.value) as SerializedCommand;
    state.idempotency.set(row.id, {
      ...command,
      position: command.position === null ? null : BigInt(command.position),
    });
  }
}
