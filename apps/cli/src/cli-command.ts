import { TENANT_ID_PATTERN } from '@app/application';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes; injectable so that tests can capture it. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/**
 * One CLI command, one file under commands/. `run` parses its own arguments with `parseOptions`,
 * so options are typed where they are declared; it returns the exit code.
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

/** node:util parseArgs, strict and without positionals: a mistyped option or a stray word is a usage error, never ignored. */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values;
}

/** `--tenant`, held to the API's rule for tenant ids. */
export function parseTenant(value: string | undefined): string | undefined {
  if (value !== undefined && !TENANT_ID_PATTERN.test(value)) throw new CliUsageError(`invalid --tenant "${value}": 1-64 characters of A-Z a-z 0-9 . _ -`);
  return value;
}

/** An ISO 8601 instant; a time must name its zone, which the machine running the CLI would otherwise supply. */
export function parseInstant(value: string | undefined, option: string): Date | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) && !Number.isNaN(Date.parse(value));
  if (!ok) throw new CliUsageError(`${option} must be an ISO 8601 date-time with a time zone, e.g. 2026-11-30T10:00:00Z; got "${value}"`);
  return new Date(value);
}
