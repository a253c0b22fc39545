import { headPosition, type EventStore } from '@app/event-store';
import { Projection, Projector, ReadModelDatabase, openReadModelDatabase } from '@app/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Progress } from '../progress';
import { withoutPlainIndexes } from './deferred-indexes';

export interface ScratchReadModels {
  file: string;
  db: ReadModelDatabase;
  projector: Projector;
  /** Closes the database and deletes its folder. */
  dispose(): void;
}

export interface CatchUpReport {
  count: number;
  /** "N events in T s (R events/s)" */
  summary: string;
  eventsPerSecond: number;
}

const quiet = { log: () => undefined, error: () => undefined };

/**
 * Fresh read models in a temporary folder, fed by their own projector: the same code as the live
 * ones, started from nothing, without their plain indexes. `until` stops them at a store position (to compare with live read
 * models standing there).
 */
export function openScratch(store: EventStore, projections: readonly Projection[], until?: bigint): ScratchReadModels {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-models-'));
  const file = join(dir, 'read-models.sqlite');
  const db = openReadModelDatabase(file, { checkpointThread: false });
  // Nothing reads it concurrently and a crash throws it away: durability, and the WAL's second copy of every page, would only cost time.
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  // Plain indexes are built where the rows end up (swapIntoLive); comparisons go by primary key.
  const projector = new Projector(
    until === undefined ? store : upTo(store, until),
    db,
    projections.map(withoutPlainIndexes),
    quiet,
  );
  return {
    file,
    db,
    projector,
    dispose() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs projector.catchUp with a progress bar on `out`. */
export async function catchUpWithProgress(
  projector: Projector,
  store: EventStore,
  out: NodeJS.WritableStream,
  label: string,
  until?: bigint,
): Promise<CatchUpReport> {
  const first = await firstPosition(store);
  const last = until ?? (await headPosition(store));
  const progress = new Progress(out, label, { first, last });
  try {
    const count = await projector.catchUp((position, applied) => progress.update(position, applied));
    const summary = progress.finish(count);
    return { count, summary, eventsPerSecond: count / Math.max(progress.elapsed, 1e-6) };
  } finally {
    progress.stop();
  }
}

async function firstPosition(store: EventStore): Promise<bigint> {
  for await (const event of store.readAll({ maxCount: 1 })) return event.position;
  return -1n;
}

function readOnly(): Promise<never> {
  return Promise.reject(new Error('read-only view of the event store'));
}

/** The store as it stood when `last` was its head: reading $all forwards stops there. Read-only. */
export function upTo(store: EventStore, last: bigint): EventStore {
  return {
    appendToStream: readOnly,
    appendToStreams: readOnly,
    readStream: (streamId, options) => store.readStream(streamId, options),
    async *readAll(options = {}) {
      const forwards = (options.direction ?? 'forwards') === 'forwards';
      const fromPosition = !forwards && (options.fromPosition ?? 'end') === 'end' ? last : options.fromPosition;
      for await (const event of store.readAll({
        ...options,
        ...(fromPosition !== undefined ? { fromPosition } : {}),
      })) {
        if (event.position > last) {
          if (forwards) return;
          continue;
        }
        yield event;
      }
    },
    subscribeToAll: () => {
      throw new Error('a bounded view of the event store has no live subscription');
    },
    deleteStream: () => Promise.reject(new Error('read-only view of the event store')),
    ping: () => store.ping(),
    close: () => Promise.resolve(),
  };
}
