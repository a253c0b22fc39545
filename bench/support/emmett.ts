import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installOutsideProject } from './outside-project';

// emmett's peers (async-retry, uuid, commander) and emmett-sqlite's (sqlite3) are named here: npm installs no peers.
const PACKAGES = [
  '@event-driven-io/emmett-sqlite@0.42.4',
  '@event-driven-io/emmett@0.42.0',
  'sqlite3@5.1.7',
  'async-retry@1.3.3',
  'uuid@10',
  'commander@12',
];

/** Where the Emmett SQLite store is installed: a folder of its own under the temporary directory, never the project's dependencies. */
export const EMMETT_FOLDER = join(tmpdir(), 'ledger-bench-emmett-0.42.4');

/**
 * Installs it there once (sqlite3 builds from source when no prebuilt binary can be fetched: minutes);
 * later runs reuse it. Its peer range wants emmett 0.42.4, hence --legacy-peer-deps.
 */
export function installEmmett(): void {
  installOutsideProject(EMMETT_FOLDER, PACKAGES, join('sqlite3', 'build', 'Release', 'node_sqlite3.node'));
}
