import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = ['@event-driven-io/emmett-sqlite@0.42.4', '@event-driven-io/emmett@0.42.0', 'sqlite3@5.1.7'];

/**
 * Installs the Emmett SQLite store into a folder of its own under the temporary directory (never into
 * the project's dependencies), once: later runs reuse it. Its peer range wants emmett 0.42.4, hence
 * --legacy-peer-deps. Returns the folder, for createRequire.
 */
export function installEmmett(): string {
  const folder = join(tmpdir(), 'ledger-bench-emmett-0.42.4');
  if (existsSync(join(folder, 'node_modules', 'sqlite3', 'package.json'))) return folder;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), '{ "name": "ledger-bench-emmett", "private": true }\n');
  execFileSync('npm', ['install', '--legacy-peer-deps', '--no-audit', '--no-fund', ...PACKAGES], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
  return folder;
}
