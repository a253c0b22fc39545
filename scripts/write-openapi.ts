import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../apps/api/src/app.module';
import { APP_OPTIONS, setupOpenApi } from '../apps/api/src/bootstrap';

/** Writes the app's /docs-json, built in-process on a throwaway data folder, to the file named by argv[2]. */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'silent';
  process.env.LEDGER_DATA_DIR = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  process.env.LEDGER_JWT_SECRET ??= 'openapi-lint-secret-0123456789abcdef';
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...APP_OPTIONS, logger: false });
  writeFileSync(process.argv[2], JSON.stringify(setupOpenApi(app), null, 2));
  await app.close();
}

void main();
