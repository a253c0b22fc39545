/**
 * Peak RSS of an API start-up on a copy of `dir` (LEDGER_DATA_DIR; `--inPlace=1`: on `dir` itself) and of
 * its first retention pass: the app is created as main.ts does, listens, and the probe waits for that pass to end.
 */
import { RetentionSaga } from '@app/application';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../apps/api/src/app.module';
import { APP_OPTIONS, configureApp } from '../../apps/api/src/bootstrap';
import { peakRssMb, probeArgs, report } from '../support/probe';

async function main(): Promise<void> {
  const { dir, inPlace } = probeArgs();
  const dataDir = inPlace ? dir : mkdtempSync(join(tmpdir(), 'ledger-bench-startup-'));
  if (!inPlace) cpSync(dir, dataDir, { recursive: true });
  Object.assign(process.env, { LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0' });
  const app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, APP_OPTIONS));
  await app.listen(0, '127.0.0.1');
  // The start-up pass is running: a pass asked for now starts after it, so this resolves once it has ended.
  await app.get(RetentionSaga).runOnce();
  report({ peakRssMb: peakRssMb() });
  await app.close();
  if (!inPlace) rmSync(dataDir, { recursive: true, force: true });
}

void main();
