import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEsdbTestServer, type EsdbTestServer } from '../esdb-test-server';
import { ApiProcess, startApiProcess } from '../support/api-process';

/** Two API nodes on one EventStoreDB: set up before the suite's tests, torn down after them. */
export interface TwoNodes {
  /** The wire test server, its log written to a file under `serverDir` (for byte scans). */
  server: EsdbTestServer;
  nodes: ApiProcess[];
  serverDir: string;
  /** Each node's own data folder. */
  nodeDirs: string[];
}

/**
 * Two real API processes, each with its own data folder, on one wire test server, sharing one JWT secret and
 * the manual clock kept in the store. Registers the suite's beforeAll and afterAll.
 */
export function twoNodesOnTestServer(secret: string, name: string): TwoNodes {
  const cluster = {
    serverDir: mkdtempSync(join(tmpdir(), 'ledger-esdb-log-')),
    nodeDirs: [mkdtempSync(join(tmpdir(), `ledger-${name}-a-`)), mkdtempSync(join(tmpdir(), `ledger-${name}-b-`))],
  } as TwoNodes;
  beforeAll(async () => {
    cluster.server = await startEsdbTestServer({ dataFile: join(cluster.serverDir, 'esdb.log') });
    const env = (dir: string) => ({
      LEDGER_EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: cluster.server.connectionString,
      LEDGER_DATA_DIR: dir,
      LEDGER_JWT_SECRET: secret,
      LEDGER_CLOCK: 'manual',
    });
    cluster.nodes = await Promise.all(cluster.nodeDirs.map((dir) => startApiProcess(env(dir))));
  }, 120_000);
  afterAll(async () => {
    await Promise.all((cluster.nodes ?? []).map((node) => node.kill()));
    await cluster.server?.stop();
    for (const dir of [cluster.serverDir, ...cluster.nodeDirs]) rmSync(dir, { recursive: true, force: true });
  });
  return cluster;
}
