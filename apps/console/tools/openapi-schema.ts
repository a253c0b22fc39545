import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { AppModule } from '../../api/src/app.module';
import { APP_OPTIONS } from '../../api/src/bootstrap';
import { setupOpenApi } from '../../api/src/bootstrap';

/** The console's typed client is generated from this file; it is committed so that drift shows in review. */
export const SCHEMA_FILE = join(__dirname, '..', 'src', 'api', 'schema.d.ts');

/** The API's own OpenAPI document (what /docs-json serves), from the Nest app in-process: no server, a throwaway data folder. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  const saved = { ...process.env };
  Object.assign(process.env, { LEDGER_DATA_DIR: dataDir, LEDGER_JWT_SECRET: 'openapi-generation-only-0123456789', LEDGER_CLOCK: 'manual', LOG_LEVEL: 'silent' });
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...APP_OPTIONS, logger: false });
    try {
      return setupOpenApi(app) as unknown as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The text of schema.d.ts for the API as it is now. */
export async function generateSchema(): Promise<string> {
  const ast = await openapiTS(await openApiDocument());
  return `// Generated from the API's OpenAPI document by apps/console/tools/openapi-schema.ts; do not edit.\n${astToString(ast)}`;
}

/** `--check`: exit 1 when the committed schema differs (the file is rewritten so the diff can be reviewed and committed). */
async function main(): Promise<void> {
  const generated = await generateSchema();
  let committed = '';
  try {
    committed = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // first generation
  }
  if (generated === committed) return;
  writeFileSync(SCHEMA_FILE, generated);
  if (process.argv.includes('--check')) {
    console.error(`${SCHEMA_FILE} was out of date with the API's OpenAPI document: it has been regenerated; review and commit it.`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
