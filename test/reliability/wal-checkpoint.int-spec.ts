import { BACKSTOP_CHECKPOINT_PAGES, SqliteEventStore, WalCheckpointer, truncateWal } from '@app/event-store';
import { openReadModelDatabase } from '@app/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../esdb/support/esdb-target';

const PAGE = 4096;
const dirs: string[] = [];

function fileIn(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-wal-'));
  dirs.push(dir);
  return join(dir, name);
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** This process's open file descriptors on the database file itself (not its -wal or -shm). */
function descriptorsOf(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed since the listing
    }
  }).length;
}

/** One append of one event carrying `bytes` of data: about bytes / 4096 pages of WAL. */
const appendBytes = (store: SqliteEventStore, bytes: number) =>
  store.appendToStream('wal', [
    { id: randomUUID(), type: 'Padded', data: { padding: 'x'.repeat(bytes) }, metadata: {} },
  ]);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints on a thread of their own (WalCheckpointer)', () => {
  it("copies an event store's WAL into the database file with no further commit on the writer's thread", async () => {
    const file = fileIn('events.sqlite');
    const store = SqliteEventStore.open(file);
    try {
      // About 500 pages: below the writer's own (backstop) checkpoint, and below SQLite's default of 1,000.
      for (let i = 0; i < 50; i++) await appendBytes(store, 10 * PAGE);
      await eventually('the database file to hold the appended pages', async () =>
        sizeOf(file) >= 50 * 10 * PAGE ? true : undefined,
      );
    } finally {
      await store.close();
    }
  });

  it('keeps the WAL bounded under sustained writes', async () => {
    const file = fileIn('events.sqlite');
    const store = SqliteEventStore.open(file);
    try {
      // Three times the backstop's WAL size, in appends of 128 pages.
      const appends = Math.ceil((3 * BACKSTOP_CHECKPOINT_PAGES) / 128);
      for (let i = 0; i < appends; i++) await appendBytes(store, 128 * PAGE);
      // The backstop fires at its size and is retried on every commit past it while the thread holds the checkpoint.
      expect(sizeOf(`${file}-wal`)).toBeLessThan(1.2 * BACKSTOP_CHECKPOINT_PAGES * (PAGE + 24));
    } finally {
      await store.close();
    }
  });

  it("stops with the event store's close(): no connection of this process holds the file any more", async () => {
    const file = fileIn('events.sqlite');
    const store = SqliteEventStore.open(file);
    await appendBytes(store, PAGE);
    await eventually('the thread to open its connection', async () => (descriptorsOf(file) > 1 ? true : undefined));
    await store.close();
    expect(descriptorsOf(file)).toBe(0);
  });

  it("stops with the read models' close(): no connection of this process holds the file any more", async () => {
    const file = fileIn('read-models.sqlite');
    const db = openReadModelDatabase(file);
    await eventually('the thread to open its connection', async () => (descriptorsOf(file) > 1 ? true : undefined));
    db.close();
    await eventually('the thread to close its connection', async () => (descriptorsOf(file) === 0 ? true : undefined));
  });

  it('starts its thread again when it dies: one that found no file checkpoints the file once it exists', async () => {
    const file = fileIn('late.sqlite');
    let died: () => void = () => undefined;
    const death = new Promise<void>((resolve) => (died = resolve));
    // The thread opens only an existing file: this one dies, says so, and is started again a second later.
    const checkpointer = new WalCheckpointer(file, () => died());
    await death;
    const writer = new Database(file);
    try {
      writer.pragma('journal_mode = WAL');
      writer.pragma('wal_autocheckpoint = 0');
      writer.exec('CREATE TABLE t (x TEXT)');
      writer.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100 * PAGE));
      expect(sizeOf(file)).toBeLessThan(10 * PAGE);
      await eventually('a restarted thread to checkpoint the file', async () =>
        sizeOf(file) >= 100 * PAGE ? true : undefined,
      );
    } finally {
      await checkpointer.stop();
      writer.close();
    }
  });

  it("truncates the WAL for an erasure (E1) even while the thread's checkpoint holds the lock", async () => {
    const file = fileIn('erasing.sqlite');
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (x TEXT)');
    const insert = writer.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 20; i++) insert.run('x'.repeat(500 * PAGE));
    const checkpointer = new WalCheckpointer(file);
    try {
      // The file grows as the thread copies about 40 MB into it: past 1 MB its checkpoint is under way.
      await eventually('the thread to start copying', async () => (sizeOf(file) > 250 * PAGE ? true : undefined));
      truncateWal(writer);
      expect(sizeOf(`${file}-wal`)).toBe(0);
    } finally {
      await checkpointer.stop();
      writer.close();
    }
  });
});
