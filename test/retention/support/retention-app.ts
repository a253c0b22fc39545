import { RETENTION_OPTIONS, RetentionOptions, RetentionSaga } from '@app/application';
import { TokenService, type Role } from '@app/application/auth';
import { LEDGER_CONFIG, loadLedgerConfig, type LedgerConfig } from '@app/application/config';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../../../apps/api/src/app.module';
import { APP_OPTIONS, configureApp } from '../../../apps/api/src/bootstrap';
import type { Caller } from '../../support/ledger-app';

export const TEST_JWT_SECRET = 'retention-e2e-secret-0123456789abcdef';
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

export interface RetentionApp {
  app: NestExpressApplication;
  config: LedgerConfig;
  saga: RetentionSaga;
  store: EventStore;
  as(roles: Role | Role[], options?: { actor?: string; name?: string; tenant?: string }): Caller;
  /** Every stored event of this type, in $all order. */
  events(type?: string): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/**
 * The whole API (AppModule, the real configureApp) in-process on a fresh data folder with the manual
 * clock; the retention options can be overridden (e.g. tiny batches).
 */
export async function startRetentionApp(
  options: { env?: Record<string, string>; retention?: Partial<RetentionOptions> } = {},
): Promise<RetentionApp> {
  process.env.LOG_LEVEL ??= 'silent';
  const config = loadLedgerConfig({
    LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-retention-')),
    LEDGER_JWT_SECRET: TEST_JWT_SECRET,
    LEDGER_CLOCK: 'manual',
    ...options.env,
  });
  let builder = Test.createTestingModule({ imports: [AppModule] }).overrideProvider(LEDGER_CONFIG).useValue(config);
  if (options.retention) {
    builder = builder
      .overrideProvider(RETENTION_OPTIONS)
      .useValue({ batchSize: 100, catchUpTimeoutMs: 30_000, ...options.retention });
  }
  const moduleRef = await builder.compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS));
  await app.init();
  const tokens = TokenService.fromSecret(config.jwtSecret, config.defaultTenant);
  const server = app.getHttpServer();
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    config,
    saga: app.get(RetentionSaga),
    store,
    as(roles, who = {}) {
      const token = tokens.sign({
        actorId: who.actor ?? 'alice',
        roles: Array.isArray(roles) ? roles : [roles],
        ttlSeconds: 600,
        ...(who.name !== undefined ? { name: who.name } : {}),
        ...(who.tenant !== undefined ? { tenantId: who.tenant } : {}),
      });
      const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
      return {
        get: (path) => auth(request(server).get(path)),
        post: (path, body) => (body === undefined ? auth(request(server).post(path)) : auth(request(server).post(path)).send(body)),
        patch: (path, body) => auth(request(server).patch(path)).send(body),
        delete: (path) => auth(request(server).delete(path)),
      };
    },
    async events(type) {
      const all: RecordedEvent[] = [];
      for await (const event of store.readAll()) if (type === undefined || event.type === type) all.push(event);
      return all;
    },
    close: () => app.close(),
  };
}

/** A tenant with one SKU carrying every plan, and helpers to create users and move Exchange. */
export function ledgerScript(admin: Caller) {
  return {
    async subscription(skuId = 'O365_BP', seats = 50) {
      await admin
        .post('/v1/subscriptions', { skuId, name: skuId, servicePlans: ['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE'], seats })
        .expect(201);
    },
    async user(name: string, aliases: string[] = []): Promise<string> {
      const created = await admin
        .post('/v1/users', { userPrincipalName: `${name}@contoso.com`, displayName: name, usageLocation: 'GB', aliases })
        .expect(201);
      return created.body.userId as string;
    },
    assign: (userId: string, skuId = 'O365_BP') =>
      admin.post(`/v1/users/${userId}/assignLicense`, { addLicenses: [{ skuId }], removeLicenses: [] }).expect(200),
    remove: (userId: string, skuId = 'O365_BP') =>
      admin.post(`/v1/users/${userId}/assignLicense`, { addLicenses: [], removeLicenses: [skuId] }).expect(200),
  };
}
