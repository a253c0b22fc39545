import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** What a probe prints on its last line: its figures by name. */
export type ProbeResult = Record<string, number>;

/** Runs bench/probes/<name>.ts in a fresh Node process (its own heap and peak RSS) and returns its figures. */
export function runProbe(name: string, args: Record<string, string | number>): Promise<ProbeResult> {
  const argv = Object.entries(args).map(([key, value]) => `--${key}=${value}`);
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(ROOT, 'bench/probes', `${name}.ts`),
      ...argv,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`probe ${name} ${argv.join(' ')} exited with ${code}: ${output}`));
      resolve(JSON.parse(last) as ProbeResult);
    });
  });
}

/** The probe's arguments (`--key=value`). */
export function probeArgs(): Record<string, string> {
  return Object.fromEntries(
    process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=', 2) as [string, string]),
  );
}

/** Prints the probe's figures as its last line. */
export function report(result: ProbeResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** This process's peak resident set, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
