import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { AppModule } from '../../api/src/app.module';
import { APP_OPTIONS, setupOpenApi } from '../../api/src/bootstrap';

/** The console's typed client is generated from this file; it is committed so that drift shows in review. */
export const SCHEMA_FILE = join(__dirname, '..', 'src', 'api', 'schema.d.ts');

/** The API's own OpenAPI document (what /docs-json serves), from the Nest app in-process: no server, a throwaway data folder. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  const saved = { ...process.env };
  Object.assign(process.env, {
    LEDGER_DATA_DIR: dataDir,
    LEDGER_JWT_SECRET: 'openapi-generation-only-0123456789',
    LEDGER_CLOCK: 'manual',
    LOG_LEVEL: 'silent',
  });
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

/** Writes schema.d.ts; with `--check` (the build, the test) writes nothing and exits 1 when the committed one differs. */
async function main(): Promise<void> {
  const generated = await generateSchema();
  const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (!process.argv.includes('--check')) {
    if (generated !== committed) writeFileSync(SCHEMA_FILE, generated);
  } else if (generated !== committed) {
    console.error(
      `${SCHEMA_FILE} differs from what the API's OpenAPI document generates: run \`npm run console:schema\`, review and commit it.`,
    );
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
