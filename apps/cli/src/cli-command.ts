/** Where a command writes; injectable so that tests can capture it. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/**
 * One CLI command, one file under commands/. `run` parses its own arguments with node:util
 * parseArgs (strict), so options are typed where they are declared; it returns the exit code.
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
