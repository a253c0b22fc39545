import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
// Not esdb-target: that loads the in-process test server, and with it @eventstore/db-client's protobuf classes.
import { within } from '../../contract/event-store.contract';

const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * The wire test server in a process of its own (test/esdb-test-server/main.ts), as a real
 * EventStoreDB is: gRPC calls cross a real socket between two event loops, so a client sees the
 * same timings (calls still in flight when it cancels them) as against a real node.
 */
export class EsdbServerProcess {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connectionString: string,
  ) {}

  static async start(args: string[] = ['--port', '0']): Promise<EsdbServerProcess> {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(REPO_ROOT, 'test/esdb-test-server/main.ts'), ...args],
      {
        cwd: REPO_ROOT,
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const firstLine = new Promise<string>((resolveLine, reject) => {
      createInterface({ input: child.stdout }).once('line', resolveLine);
      child.once('exit', (code) => reject(new Error(`The test server exited with ${code}: ${stderr}`)));
    });
    const connectionString = await within(firstLine, 'the test server process to start', 30_000);
    return new EsdbServerProcess(child, connectionString);
  }

  /** The same server for @kurrent/kurrentdb-client, which takes the kurrentdb:// scheme. */
  get kurrentDbConnectionString(): string {
    return this.connectionString.replace(/^esdb:/, 'kurrentdb:');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await within(exited, 'the test server process to exit', 10_000);
  }
}
