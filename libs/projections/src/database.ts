import { BACKSTOP_CHECKPOINT_PAGES, WalCheckpointer } from '@app/event-store';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type ReadModelDatabase = Database.Database;

/** A connection whose WAL a thread of its own copies back into the file, until the connection closes. */
class CheckpointedDatabase extends Database {
  private readonly checkpointer: WalCheckpointer;

  constructor(file: string) {
    super(file);
    this.checkpointer = new WalCheckpointer(file);
  }

  override close(): this {
    void this.checkpointer.stop();
    return super.close();
  }
}

/**
 * The read models live in their own SQLite file so they can be dropped and rebuilt from the events.
 * synchronous=NORMAL is enough here: a lost last transaction is replayed from the checkpoint.
 * `checkpointThread: false` is for a file that leaves WAL mode at once (the rebuild's scratch copy): no WAL to copy back.
 */
export function openReadModelDatabase(file: string, { checkpointThread = true } = {}): ReadModelDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db: ReadModelDatabase = checkpointThread ? new CheckpointedDatabase(file) : new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  // Erased personal data (E1) must not stay readable in free pages: deleted content is overwritten with zeros.
  db.pragma('secure_delete = ON');
  // The WAL is copied back by the connection's thread, not at commit on this one: this is only the backstop.
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL
  )`);
  return db;
}
