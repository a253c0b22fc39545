import type { CliCommand } from '../cli-command';
import { encryptPersonalDataCommand } from './encrypt-personal-data.command';
import { rebuildCommand } from './rebuild.command';
import { replayCommand } from './replay.command';
import { seedDemoCommand } from './seed-demo.command';
import { tokenCommand } from './token.command';
import { verifyCommand } from './verify.command';
import { verifyErasureCommand } from './verify-erasure.command';

/**
 * Every CLI command. To add one: create commands/<name>.command.ts exporting `defineCommand(...)`
 * (see token.command.ts) and list it here; the dispatcher and `--help` pick it up.
 */
export const COMMANDS: readonly CliCommand[] = [
  tokenCommand,
  replayCommand,
  rebuildCommand,
  verifyCommand,
  verifyErasureCommand,
  encryptPersonalDataCommand,
  seedDemoCommand,
];
