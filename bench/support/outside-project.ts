import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Installs `packages` into `folder` (a folder of its own under the temporary directory) unless `installed`, a path
 * inside its node_modules, already exists: an anchor's code, never one of the project's dependencies. With
 * --legacy-peer-deps npm installs no peers, so the caller names every package the anchor needs.
 */
export function installOutsideProject(folder: string, packages: readonly string[], installed: string): void {
  if (existsSync(join(folder, 'node_modules', installed))) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), '{ "name": "ledger-bench-anchor", "private": true }\n');
  execFileSync('npm', ['install', '--legacy-peer-deps', '--no-audit', '--no-fund', ...packages], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
