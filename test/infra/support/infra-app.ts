import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { TokenService, type Role, LEDGER_CONFIG, loadLedgerConfig, type LedgerConfig } from '@app/application';
import { INFRASTRUCTURE_IMPORTS } from '../../../apps/api/src/app.module';
import { APP_OPTIONS, configureApp } from '../../../apps/api/src/bootstrap';

export const TEST_SECRET = 'infra-test-secret-0123456789abcdef';

const created: string[] = [];
// Each spec file importing this module removes its folders when it is done.
afterAll(() => created.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

export function tempDataDir(prefix = 'ledger-infra-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export interface InfraApp {
  app: NestExpressApplication;
  config: LedgerConfig;
  /** http://127.0.0.1:<port> — a real listening server, so that requests can run concurrently. */
  url: string;
  token(roles: Role[], options?: { actor?: string; name?: string; tenant?: string; ttlSeconds?: number }): string;
  close(): Promise<void>;
}

/** The infrastructure modules plus the given ones, configured by the real configureApp(). */
export async function createInfraApp(
  imports: Array<Type | DynamicModule>,
  env: Record<string, string> = {},
): Promise<InfraApp> {
  process.env.LOG_LEVEL ??= 'silent';
  const config = loadLedgerConfig({ LEDGER_DATA_DIR: tempDataDir(), LEDGER_JWT_SECRET: TEST_SECRET, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [...INFRASTRUCTURE_IMPORTS, ...imports] })
    .overrideProvider(LEDGER_CONFIG)
    .useValue(config)
    .compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const tokens = TokenService.fromSecret(config.jwtSecret, config.defaultTenant);
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    token: (roles, options = {}) =>
      tokens.sign({
        actorId: options.actor ?? 'alice',
        roles,
        ttlSeconds: options.ttlSeconds ?? 600,
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(options.tenant !== undefined ? { tenantId: options.tenant } : {}),
      }),
    close: () => app.close(),
  };
}
