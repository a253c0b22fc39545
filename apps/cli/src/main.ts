import { Command, CommanderError } from 'commander';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './cli-command';
import { COMMANDS } from './commands';

const FOOTER = `
Run "npm run cli -- <command> --help" for the options of a command.
Configuration comes from the same environment variables as the API (LEDGER_DATA_DIR, LEDGER_JWT_SECRET, ...).`;

/** Runs one command; its usage errors exit 2 with its usage, anything else it throws exits 1. */
async function runCommand(command: CliCommand, argv: string[], io: CliIo): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof CommanderError) {
      const message = error instanceof CommanderError ? sentence(error.message) : error.message;
      io.stderr.write(`${command.name}: ${message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

/** Commander says "error: unknown option '--x'"; the CLI says "Unknown option '--x'". */
function sentence(message: string): string {
  const text = message.replace(/^error: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Dispatches `<command> [options]` with commander; resolves to the process exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('npm run cli --')
    .usage('<command> [options]')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    });
  for (const command of commands) {
    // The command parses its own options: the dispatcher only answers --help with the command's usage.
    program
      .command(command.name)
      .summary(command.summary)
      .allowUnknownOption()
      .allowExcessArguments()
      .configureHelp({ formatHelp: () => `${command.usage}\n` })
      .action(async (_options: unknown, routed: Command) => {
        exitCode = await runCommand(command, routed.args, io);
      });
  }
  program
    // The command list only: no root options, no `help` entry, no "[options]" after each name.
    .configureHelp({
      helpWidth: 120,
      visibleOptions: () => [],
      visibleCommands: (root) => [...root.commands],
      subcommandTerm: (sub) => sub.name(),
    })
    .addHelpText('after', FOOTER)
    .on('command:*', ([name]: string[]) => {
      io.stderr.write(`Unknown command "${name}".\n\n${program.helpInformation()}${FOOTER}\n`);
      exitCode = EXIT_USAGE;
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and `help` exit 0; no command (its usage already on stderr) or an unknown option exit 2.
    if (error.exitCode === 0) return EXIT_OK;
    if (error.code !== 'commander.help')
      io.stderr.write(`${sentence(error.message)}\n\n${program.helpInformation()}${FOOTER}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
