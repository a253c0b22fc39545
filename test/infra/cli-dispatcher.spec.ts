import { CliUsageError, type CliCommand } from '../../apps/cli/src/cli-command';
import { runCli } from '../../apps/cli/src/main';
import { capturedIo } from '../cli/cli-process';
import { tempDataDir } from './support/infra-app';

describe('CLI dispatcher', () => {
  const echo: CliCommand = {
    name: 'echo',
    summary: 'print the arguments',
    usage: 'Usage: echo <words>',
    async run(argv, { stdout }) {
      if (argv.includes('--bad')) throw new CliUsageError('--bad is not allowed');
      if (argv.includes('--crash')) throw new Error('disk full');
      stdout.write(argv.join(' '));
      return 0;
    },
  };

  it('dispatches to a registered command and returns its exit code', async () => {
    const streams = capturedIo();
    expect(await runCli(['echo', 'a', 'b'], streams, [echo])).toBe(0);
    expect(streams.out()).toBe('a b');
  });

  it('prints usage: with no command (exit 2), on --help / help <command> (exit 0)', async () => {
    const none = capturedIo();
    expect(await runCli([], none, [echo])).toBe(2);
    expect(none.err()).toMatch(/echo\s+print the arguments/);
    const help = capturedIo();
    expect(await runCli(['help', 'echo'], help, [echo])).toBe(0);
    expect(help.out()).toBe('Usage: echo <words>\n');
    const commandHelp = capturedIo();
    expect(await runCli(['echo', '--help'], commandHelp, [echo])).toBe(0);
    expect(commandHelp.out()).toBe('Usage: echo <words>\n');
  });

  it('exits 2 with the usage on a usage error, 1 on a failure', async () => {
    const usage = capturedIo();
    expect(await runCli(['echo', '--bad'], usage, [echo])).toBe(2);
    expect(usage.err()).toMatch(/echo: --bad is not allowed\n\nUsage: echo/);
    const failure = capturedIo();
    expect(await runCli(['echo', '--crash'], failure, [echo])).toBe(1);
    expect(failure.err()).toBe('echo failed: disk full\n');
  });

  it('reports unknown options of the token command as usage errors', async () => {
    const streams = capturedIo({ LEDGER_DATA_DIR: tempDataDir(), LEDGER_JWT_SECRET: 's' });
    expect(await runCli(['token', '--role', 'auditor', '--actor', 'a', '--colour', 'red'], streams)).toBe(2);
    expect(streams.err()).toMatch(/Unknown option '--colour'/);
    const missing = capturedIo({ LEDGER_DATA_DIR: tempDataDir(), LEDGER_JWT_SECRET: 's' });
    expect(await runCli(['token', '--role', 'auditor'], missing)).toBe(2);
    expect(missing.err()).toMatch(/--actor <id> is required/);
    const badTtl = capturedIo({ LEDGER_DATA_DIR: tempDataDir(), LEDGER_JWT_SECRET: 's' });
    expect(await runCli(['token', '--role', 'auditor', '--actor', 'a', '--ttl', 'forever'], badTtl)).toBe(2);
    const badConfig = capturedIo({ LEDGER_DATA_DIR: tempDataDir(), LEDGER_CLOCK: 'sundial' });
    expect(await runCli(['token', '--role', 'auditor', '--actor', 'a'], badConfig)).toBe(1);
    expect(badConfig.err()).toMatch(/LEDGER_CLOCK must be one of system, manual/);
  });
});
