import { parseArgs } from 'node:util';
import { startEsdbTestServer } from './server';

/**
 * Runs the test server in its own process so several API processes can share it:
 *   node -r ts-node/register/transpile-only test/esdb-test-server/main.ts --port 2113 --data /tmp/esdb.jsonl
 * `--no-server-features` makes clients use plain Append instead of BatchAppend.
 * Prints the connection string as the first line of stdout; SIGTERM/SIGINT stop it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string' },
      data: { type: 'string' },
      'no-server-features': { type: 'boolean', default: false },
    },
  });
  const server = await startEsdbTestServer({
    port: Number(values.port),
    host: values.host,
    dataFile: values.data,
    serverFeatures: !values['no-server-features'],
  });
  process.stdout.write(`${server.connectionString}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
