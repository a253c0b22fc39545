import type { EventStore } from '@app/event-store';
import { Projection, Projector, ReadModelDatabase } from '@app/projections';
import { withoutPlainIndexes } from './deferred-indexes';
import { ScratchReadModels } from './scratch';

const quiet = { log: () => undefined, error: () => undefined };
const MAX_ATTEMPTS = 10;
/** KiB of page cache for the swap's one transaction (SQLite's default is 2 MiB). */
const SWAP_CACHE_KIB = 64 * 1024;

/**
 * Replaces the live read models with the rebuilt ones in one write transaction: tables dropped,
 * recreated and refilled, checkpoints set to the rebuilt ones. A running API keeps working: its
 * projector waits for the lock, then its compare-and-set checkpoints skip what the rebuilt models
 * already hold. The rebuilt models must not be behind the live ones (they would miss events the live
 * projector will not deliver again), so the checkpoints are compared under the lock, and the rebuild
 * caught up and the swap retried if the live projector moved past it meanwhile.
 */
export async function swapIntoLive(
  live: ReadModelDatabase,
  scratch: ScratchReadModels,
  store: EventStore,
  projections: readonly Projection[],
): Promise<{ checkpoint: bigint; caughtUp: number }> {
  // Creates missing tables and applies version changes, as the API's projector would at start-up.
  new Projector(store, live, projections, quiet);
  // Freed pages zeroed (secure_delete) and then refilled stay in memory until the commit writes each once to the WAL.
  live.pragma(`cache_size = -${SWAP_CACHE_KIB}`);
  let caughtUp = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    live.prepare('ATTACH DATABASE ? AS rebuilt').run(scratch.file);
    try {
      const swapped = live
        .transaction(() => {
          const behind = projections.filter(
            (projection) => checkpointOf(live, 'rebuilt', projection) < checkpointOf(live, 'main', projection),
          );
          if (behind.length > 0) return undefined;
          for (const projection of projections) {
            for (const table of projection.tables) live.exec(`DROP TABLE IF EXISTS main."${table}"`);
            live.exec(withoutPlainIndexes(projection).schema);
            for (const table of projection.tables)
              live.exec(`INSERT INTO main."${table}" SELECT * FROM rebuilt."${table}"`);
            // Built once over the copied rows, faster than maintained row by row.
            live.exec(projection.schema);
            live
              .prepare(
                `UPDATE main.projection_checkpoints SET (version, position) =
                 (SELECT version, position FROM rebuilt.projection_checkpoints WHERE name = ?) WHERE name = ?`,
              )
              .run(projection.name, projection.name);
          }
          return checkpointOf(live, 'main', projections[0]);
        })
        .immediate();
      if (swapped !== undefined) return { checkpoint: swapped, caughtUp };
    } finally {
      live.exec('DETACH DATABASE rebuilt');
    }
    caughtUp += await scratch.projector.catchUp();
  }
  throw new Error(`the live read models kept moving ahead of the rebuild (${MAX_ATTEMPTS} attempts); try again`);
}

function checkpointOf(db: ReadModelDatabase, schema: 'main' | 'rebuilt', projection: Projection): bigint {
  const row = db
    .prepare<[string], { position: bigint }>(`SELECT position FROM ${schema}.projection_checkpoints WHERE name = ?`)
    .safeIntegers(true)
    .get(projection.name);
  return row?.position ?? -1n;
}
