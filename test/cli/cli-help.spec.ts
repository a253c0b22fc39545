import { COMMANDS } from '../../apps/cli/src/commands';
import { runCliHere } from './cli-process';

describe('CLI help and usage errors (commander)', () => {
  it.each(COMMANDS.map((command) => [command.name]))(
    '%s: --help and `help <command>` print the same usage, written from its options (exit 0)',
    async (name) => {
      const asOption = await runCliHere([name, '--help'], {});
      const asCommand = await runCliHere(['help', name], {});
      expect(asOption).toEqual({ code: 0, stdout: asCommand.stdout, stderr: '' });
      expect(asOption.stdout).toMatch(
        new RegExp(`^Usage: npm run cli -- ${name}\\b[^]*\\n\\nOptions:\\n[^]*  -h, --help +this help\\n$`),
      );
    },
  );

  it('lists every command without one (exit 2), and on --help (exit 0)', async () => {
    const none = await runCliHere([], {});
    expect(none.code).toBe(2);
    const help = await runCliHere(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(none.stderr);
    for (const command of COMMANDS)
      expect(help.stdout).toMatch(new RegExp(`\\n  ${command.name} +${command.summary.replace(/[()]/g, '\\$&')}\\n`));
  });

  it('refuses an unknown command, a stray word and a missing option value with the usage (exit 2)', async () => {
    const unknown = await runCliHere(['frobnicate'], {});
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^Unknown command "frobnicate".\n\nUsage: npm run cli -- <command>/),
    });
    const stray = await runCliHere(['rebuild', 'now'], {});
    expect(stray).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^rebuild: Too many arguments[^]*\n\nUsage: npm run cli -- rebuild\n/),
    });
    const missing = await runCliHere(['verify', '--max-differences'], {});
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^verify: Option '--max-differences <n>' argument missing\n\nUsage: npm run cli -- verify/,
      ),
    });
  });
});
