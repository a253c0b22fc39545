import { LedgerState, RememberedCommand, SubscriptionState, UserState } from '@app/domain';
import Database from 'better-sqlite3';

/** Bump when LedgerState's shape changes: older snapshots are then ignored and history is replayed (5: webhooks, subscription lifecycle, holds and restore). */
const SNAPSHOT_FORMAT = 5;

type SerializedUser = Omit<UserState, 'licenses'> & { licenses: [string, string[]][] };
type SerializedCommand = Omit<RememberedCommand, 'position'> & { position: string | null };
interface SerializedState {
  subscriptions: SubscriptionState[];
  users: SerializedUser[];
  idempotency: [string, SerializedCommand][];
  webhooks: string[];
}

export interface Snapshot {
  state: LedgerState;
  revision: bigint;
  position: bigint;
}

/** Folded ledger states saved now and then, so a process starts without replaying a tenant's whole history. */
export class SnapshotStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ledger_snapshots (
      stream_id TEXT PRIMARY KEY,
      format INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      position INTEGER NOT NULL,
      state TEXT NOT NULL
    )`);
    this.select = db
      .prepare<[string, number], { revision: bigint; position: bigint; state: string }>(
        'SELECT revision, position, state FROM ledger_snapshots WHERE stream_id = ? AND format = ?',
      )
      .safeIntegers(true);
    this.remove = db.prepare('DELETE FROM ledger_snapshots WHERE stream_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO ledger_snapshots (stream_id, format, revision, position, state) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET format = excluded.format, revision = excluded.revision,
         position = excluded.position, state = excluded.state
       WHERE excluded.revision > ledger_snapshots.revision OR excluded.format <> ledger_snapshots.format`,
    );
  }

  /** A purge (E1) makes every older snapshot of the stream hold erased data: it goes. */
  delete(streamId: string): void {
    this.remove.run(streamId);
  }

  load(streamId: string): Snapshot | undefined {
    const row = this.select.get(streamId, SNAPSHOT_FORMAT);
    return row && { state: deserialize(JSON.parse(row.state) as SerializedState), revision: row.revision, position: row.position };
  }

  save(streamId: string, snapshot: Snapshot): void {
    this.upsert.run(streamId, SNAPSHOT_FORMAT, snapshot.revision, snapshot.position, JSON.stringify(serialize(snapshot.state)));
  }
}

function serialize(state: LedgerState): SerializedState {
  return {
    subscriptions: [...state.subscriptions.values()],
    users: [...state.users.values()].map((user) => ({ ...user, licenses: [...user.licenses] })),
    idempotency: [...state.idempotency].map(([key, command]) => [key, { ...command, position: command.position?.toString() ?? null }]),
    webhooks: [...state.webhooks],
  };
}

function deserialize(serialized: SerializedState): LedgerState {
  const users = serialized.users.map((user): UserState => ({ ...user, licenses: new Map(user.licenses) }));
  return {
    subscriptions: new Map(serialized.subscriptions.map((subscription) => [subscription.skuId, subscription])),
    users: new Map(users.map((user) => [user.userId, user])),
    principalNames: new Map(
      users.flatMap((user) => (user.status !== 'purged' && user.userPrincipalName !== null ? [[user.userPrincipalName.toLowerCase(), user.userId] as const] : [])),
    ),
    aliases: new Map(users.flatMap((user) => user.aliases.map((alias) => [alias.toLowerCase(), user.userId] as [string, string]))),
    idempotency: new Map(
      serialized.idempotency.map(([key, command]) => [key, { ...command, position: command.position === null ? null : BigInt(command.position) }]),
    ),
    webhooks: new Set(serialized.webhooks),
  };
}
