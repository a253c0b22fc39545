import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type ReadModelDatabase = Database.Database;

/**
 * The read models live in their own SQLite file so they can be dropped and rebuilt from the events.
 * synchronous=NORMAL is enough here: a lost last transaction is replayed from the checkpoint.
 */
export function openReadModelDatabase(file: string): ReadModelDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  // Erased personal data (E1) must not stay readable in free pages: deleted content is overwritten with zeros.
  db.pragma('secure_delete = ON');
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL
  )`);
  return db;
}
