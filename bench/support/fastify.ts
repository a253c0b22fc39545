import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Fastify adapter of the project's Nest 11, for the bare anchor only: installed on demand, never a project dependency. */
const PACKAGE = '@nestjs/platform-fastify@11.2.8';

/** Where it is installed; the bare app finds @nestjs/common and @nestjs/core in the project through NODE_PATH. */
export const FASTIFY_FOLDER = join(tmpdir(), 'ledger-bench-fastify-11.2.8');

/** Installs it there once (seconds); with --legacy-peer-deps npm installs no second copy of Nest. */
export function installFastify(): void {
  if (existsSync(join(FASTIFY_FOLDER, 'node_modules', '@nestjs', 'platform-fastify', 'package.json'))) return;
  mkdirSync(FASTIFY_FOLDER, { recursive: true });
  writeFileSync(join(FASTIFY_FOLDER, 'package.json'), '{ "name": "ledger-bench-fastify", "private": true }\n');
  execFileSync('npm', ['install', '--legacy-peer-deps', '--no-audit', '--no-fund', PACKAGE], {
    cwd: FASTIFY_FOLDER,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
