import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../apps/cli/src/cli-command';

const ROOT = resolve(__dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command run to its end with the environment minus LEDGER_* variables (the test names its own), output kept. */
export function runProcess(command: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('LEDGER_')));
  return new Promise((done, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...inherited, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The CLI in its own process, as `npm run cli` starts it, on the given data folder. */
export function spawnCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runProcess(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
    { TS_NODE_PROJECT: 'tsconfig.json', TS_NODE_PREFER_TS_EXTS: 'true', ...env },
  );
}

/** Streams for a command run in this process, keeping what it writes. */
export function capturedIo(env: NodeJS.ProcessEnv = {}): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { stdout, stderr, env, out: () => out, err: () => err };
}

/** The CLI in this process, for quick checks of output and options. */
export async function runCliHere(args: string[], env: Record<string, string>): Promise<CliRun> {
  const { runCli } = await import('../../apps/cli/src/main');
  const io = capturedIo({ ...env });
  const code = await runCli(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}
