import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installOutsideProject } from './outside-project';

/** The Fastify adapter of the project's Nest 11, for the bare anchor only: installed on demand, never a project dependency. */
const PACKAGE = '@nestjs/platform-fastify@11.2.8';

/** Where it is installed; the bare app finds @nestjs/common and @nestjs/core in the project through NODE_PATH. */
export const FASTIFY_FOLDER = join(tmpdir(), 'ledger-bench-fastify-11.2.8');

/** Installs it there once (seconds); without peers npm installs no second copy of Nest. */
export function installFastify(): void {
  installOutsideProject(FASTIFY_FOLDER, [PACKAGE], join('@nestjs', 'platform-fastify', 'package.json'));
}
