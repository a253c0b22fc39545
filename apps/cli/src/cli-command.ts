import { TENANT_ID_PATTERN } from '@app/application';
import { Command, type HelpConfiguration, type OptionValues } from 'commander';

/** Where a command writes; injectable so that tests can capture it. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/**
 * One CLI command, one file under commands/, made with `defineCommand`: the dispatcher routes
 * `<command> ...argv` to `run`, which returns the exit code.
 */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text of the command, printed by `<command> --help` and after a usage error. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: the dispatcher prints it with the usage, exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Every command's help: the npm usage line, long-only options indented under short ones, defaults said in each description. */
const HELP: HelpConfiguration = {
  helpWidth: 120,
  // A command without options (rebuild) shows none, rather than commander's "[options]" for --help alone.
  commandUsage: (command) =>
    [`npm run cli -- ${command.name()}`, ...(command.options.length > 0 ? [command.usage()] : [])].join(' '),
  optionTerm: (option) => (option.short ? option.flags : `    ${option.flags}`),
  optionDescription: (option) => option.description,
};

/**
 * A command whose options commander parses, strictly: a mistyped option or a stray word is a usage
 * error, never ignored. Its help is written from the declarations; `run` gets the parsed values.
 */
export function defineCommand<O extends OptionValues>(
  declare: (command: Command) => Command,
  run: (options: O, io: CliIo) => Promise<number>,
): CliCommand {
  const parser = () =>
    declare(new Command().helpOption('-h, --help', 'this help').configureHelp(HELP))
      .exitOverride()
      .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
  const help = parser();
  return {
    name: help.name(),
    summary: help.summary(),
    usage: help.helpInformation().trimEnd(),
    run(argv, io) {
      const command = parser().parse(argv, { from: 'user' });
      return run(command.opts<O>(), io);
    },
  };
}

/** A repeatable option's values, in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--tenant`, held to the API's rule for tenant ids. */
export function parseTenant(value: string | undefined): string | undefined {
  if (value !== undefined && !TENANT_ID_PATTERN.test(value))
    throw new CliUsageError(`invalid --tenant "${value}": 1-64 characters of A-Z a-z 0-9 . _ -`);
  return value;
}

/** An ISO 8601 instant; a time must name its zone, which the machine running the CLI would otherwise supply. */
export function parseInstant(value: string | undefined, option: string): Date | undefined {
  if (value === undefined) return undefined;
  const ok =
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) &&
    !Number.isNaN(Date.parse(value));
  if (!ok)
    throw new CliUsageError(
      `${option} must be an ISO 8601 date-time with a time zone, e.g. 2026-11-30T10:00:00Z; got "${value}"`,
    );
  return new Date(value);
}
