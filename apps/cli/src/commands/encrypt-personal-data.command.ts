import { CryptoShreddingEventStore, loadLedgerConfig } from '@app/application';
import { EventData, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_FAILURE, EXIT_OK, defineCommand } from '../cli-command';
import { readModelFileOf } from '../ledger-files';

const SIDE_FILES = ['', '-wal', '-shm'];

export const encryptPersonalDataCommand = defineCommand(
  (command) =>
    command
      .name('encrypt-personal-data')
      .summary('migrate a data folder from before crypto-shredding: seal the SQLite log (API stopped)')
      .description(
        `Migrates a data folder written before crypto-shredding (E1), with the API stopped: the event log
is an immutable log and cannot be re-encrypted in place, so every event is copied, in order and
with its id and metadata, into a new events.sqlite through the store's encryption (personal fields
sealed under per-user keys; users already purged get their key destroyed at their UserPurged).
The old events.sqlite and read-models.sqlite (read models, snapshots) are then overwritten with
zeros and deleted; the API rebuilds the read models at its next start. Positions change.
EventStoreDB logs cannot be rewritten: see docs/compliance.md.`,
      ),
  async (_options, io) => {
    const config = loadLedgerConfig(io.env);
    if (config.eventStore !== 'sqlite') {
      io.stderr.write(
        'encrypt-personal-data rewrites the embedded SQLite log only; for EventStoreDB see docs/compliance.md\n',
      );
      return EXIT_FAILURE;
    }
    const file = join(config.dataDir, 'events.sqlite');
    const next = `${file}.encrypting`;
    for (const suffix of SIDE_FILES) if (existsSync(next + suffix)) unlinkSync(next + suffix);
    const old = SqliteEventStore.open(file);
    const fresh = new CryptoShreddingEventStore(SqliteEventStore.open(next));
    let copied = 0;
    try {
      if (
        await new CryptoShreddingEventStore(old).assertSealed().then(
          () => true,
          () => false,
        )
      ) {
        io.stdout.write('The event log is already encrypted: nothing to do\n');
        return EXIT_OK;
      }
      // One append per run of consecutive events of one stream: the commits stay together.
      let run: RecordedEvent[] = [];
      const flush = async () => {
        if (run.length === 0) return;
        const events: EventData[] = run.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
        await fresh.appendToStream(run[0].streamId, events);
        copied += run.length;
        run = [];
      };
      for await (const event of old.readAll()) {
        if (run.length > 0 && run[0].streamId !== event.streamId) await flush();
        run.push(event);
      }
      await flush();
    } finally {
      await old.close();
      await fresh.close();
    }
    for (const stale of [file, readModelFileOf(config)]) for (const suffix of SIDE_FILES) shred(stale + suffix);
    renameSync(next, file);
    io.stdout.write(
      `Encrypted the personal data of ${copied} events into a new ${file}; the old log and the read models are overwritten and deleted\n`,
    );
    return EXIT_OK;
  },
);

/** Overwrites a file with zeros, to the disk, then deletes it (on a copy-on-write or wear-levelled disk, a best effort). */
function shred(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(statSync(path).size));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(path);
}
