import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');

/** Loads @app/event-store in a fresh process, then opens the adapter on `client`; reports which client packages were loaded at each step. */
const PROBE = `
const loaded = () => ['@eventstore/db-client', '@kurrent/kurrentdb-client'].filter((pkg) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + pkg + '/')));
const { EsdbEventStore } = require('@app/event-store');
const afterIndex = loaded();
const store = new EsdbEventStore(process.argv[1] + '://127.0.0.1:1?tls=false', { client: process.argv[1] });
const afterOpen = loaded();
store.close().finally(() => console.log(JSON.stringify({ afterIndex, afterOpen })));
`;

async function loadedPackages(client: 'esdb' | 'kurrentdb'): Promise<{ afterIndex: string[]; afterOpen: string[] }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', PROBE, client],
    { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' }, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as { afterIndex: string[]; afterOpen: string[] };
}

/** Both client libraries register the same global protobuf class names, so a process may load only the chosen one. */
describe('the EventStoreDB client libraries', () => {
  it.each([
    ['esdb', '@eventstore/db-client'],
    ['kurrentdb', '@kurrent/kurrentdb-client'],
  ] as const)('LEDGER_EVENT_STORE=%s loads only %s, and only when the adapter opens', async (client, pkg) => {
    expect(await loadedPackages(client)).toEqual({ afterIndex: [], afterOpen: [pkg] });
  });
});
