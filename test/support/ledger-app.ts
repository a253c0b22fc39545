import {
  DEFAULT_RETENTION_OPTIONS,
  READ_MODEL_DATABASE,
  READ_MODEL_WAIT,
  RETENTION_OPTIONS,
  type RetentionOptions,
  TokenService,
  type Role,
  LEDGER_CONFIG,
  loadLedgerConfig,
  type LedgerConfig,
} from '@app/application';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { Projector } from '@app/projections';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { APP_OPTIONS, configureApp } from '../../apps/api/src/bootstrap';
import { checkAnswerReadModels } from './answer-read-models';

export const TEST_JWT_SECRET = 'ledger-e2e-secret-0123456789abcdef';

export interface Caller {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body: object): request.Test;
  put(path: string, body: object): request.Test;
  delete(path: string): request.Test;
}

export interface LedgerApp {
  app: NestExpressApplication;
  config: LedgerConfig;
  /** A caller whose bearer token carries these roles (tenant: the default one unless given). */
  as(roles: Role | Role[], options?: { actor?: string; name?: string; tenant?: string }): Caller;
  /** Every ledger event in the store in $all order; only those of this type when given. */
  events(type?: string): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/**
 * The whole API (AppModule + the real configureApp) in-process, on a fresh temporary data folder with
 * the manual clock; `env` overrides the configuration, `retention` the saga's options (e.g. tiny batches),
 * `readModelWaitMs` how long a command waits for the read models, `providers` any other provider's value.
 * Every answer it previews is checked against a preview applying every read model (test/support/answer-read-models.ts).
 */
export async function startLedgerApp(
  env: Record<string, string> = {},
  overrides: {
    retention?: Partial<RetentionOptions>;
    readModelWaitMs?: number;
    providers?: Array<{ provide: unknown; useValue: unknown }>;
  } = {},
): Promise<LedgerApp> {
  process.env.LOG_LEVEL ??= 'silent';
  const config = loadLedgerConfig({
    LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-e2e-')),
    LEDGER_JWT_SECRET: TEST_JWT_SECRET,
    LEDGER_CLOCK: 'manual',
    ...env,
  });
  let builder = Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(LEDGER_CONFIG)
    .useValue(config);
  if (overrides.retention) {
    builder = builder
      .overrideProvider(RETENTION_OPTIONS)
      .useValue({ ...DEFAULT_RETENTION_OPTIONS, ...overrides.retention });
  }
  if (overrides.readModelWaitMs !== undefined)
    builder = builder.overrideProvider(READ_MODEL_WAIT).useValue(overrides.readModelWaitMs);
  for (const { provide, useValue } of overrides.providers ?? [])
    builder = builder.overrideProvider(provide).useValue(useValue);
  const moduleRef = await builder.compile();
  checkAnswerReadModels(moduleRef.get(Projector), moduleRef.get(EVENT_STORE), moduleRef.get(READ_MODEL_DATABASE));
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS));
  await app.init();
  const tokens = TokenService.fromSecret(config.jwtSecret, config.defaultTenant);
  const server = app.getHttpServer();
  return {
    app,
    config,
    as(roles, options = {}) {
      const token = tokens.sign({
        actorId: options.actor ?? 'alice',
        roles: Array.isArray(roles) ? roles : [roles],
        ttlSeconds: 600,
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(options.tenant !== undefined ? { tenantId: options.tenant } : {}),
      });
      const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
      return {
        get: (path) => auth(request(server).get(path)),
        post: (path, body) =>
          body === undefined ? auth(request(server).post(path)) : auth(request(server).post(path)).send(body),
        patch: (path, body) => auth(request(server).patch(path)).send(body),
        put: (path, body) => auth(request(server).put(path)).send(body),
        delete: (path) => auth(request(server).delete(path)),
      };
    },
    async events(type) {
      const store = app.get<EventStore>(EVENT_STORE);
      const all: RecordedEvent[] = [];
      // The ledger's own events: the personal-data key streams (E1) are no part of it.
      for await (const event of store.readAll()) {
        if (event.streamId.startsWith('ledger-') && (type === undefined || event.type === type)) all.push(event);
      }
      return all;
    },
    close: () => app.close(),
  };
}
