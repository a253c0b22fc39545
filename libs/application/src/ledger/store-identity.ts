import { EventStore, NO_STREAM, WrongExpectedVersionError, readStreamOrEmpty } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The store's identity: one event in a stream that is no tenant ledger, so read models and audit skip it. */
export const STORE_IDENTITY_STREAM = 'store-identity';
/** Where a data folder records the identity of the store its read models, checkpoints and snapshots come from. */
export const STORE_IDENTITY_FILE = 'store-identity';
/** Everything in a data folder that is derived from the store: the read models, their checkpoints and the snapshots. */
const DERIVED_FILES = ['read-models.sqlite', 'read-models.sqlite-wal', 'read-models.sqlite-shm'];

/** The store's identity, given to it by the first process that asks (another process racing for it reads the winner's). */
export async function storeIdentity(store: EventStore): Promise<string> {
  for await (const event of readStreamOrEmpty(store, STORE_IDENTITY_STREAM, { maxCount: 1 }))
    return (event.data as { storeId: string }).storeId;
  const storeId = randomUUID();
  try {
    await store.appendToStream(
      STORE_IDENTITY_STREAM,
      [{ id: randomUUID(), type: 'StoreIdentified', data: { storeId }, metadata: {} }],
      {
        expectedRevision: NO_STREAM,
      },
    );
    return storeId;
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    return storeIdentity(store);
  }
}

/**
 * Pairs the data folder with the store before its read models open. A folder that recorded another
 * store (wiped, replaced, or another cluster) would skip the new store's events, its checkpoints lying
 * past their positions, and decide on snapshots of the other store: its derived files are dropped, so
 * the read models rebuild from this store. Returns the identity of the store it dropped them for, if it did.
 */
export async function pairDataFolder(
  store: EventStore,
  dataDir: string,
): Promise<{ storeId: string; rebuiltFrom?: string }> {
  const storeId = await storeIdentity(store);
  const file = join(dataDir, STORE_IDENTITY_FILE);
  const recorded = readRecorded(file);
  if (recorded === storeId) return { storeId };
  if (recorded !== undefined) for (const name of DERIVED_FILES) rmSync(join(dataDir, name), { force: true });
  // Recorded only once the other store's files are gone: a crash in between drops them again on the next start.
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${storeId}\n`);
  renameSync(temporary, file);
  return recorded === undefined ? { storeId } : { storeId, rebuiltFrom: recorded };
}

function readRecorded(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
