import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TokenService } from '@app/application';
import { AppModule } from '../../apps/api/src/app.module';
import { APP_OPTIONS, configureApp } from '../../apps/api/src/bootstrap';
import { tempDataDir } from './support/infra-app';

/** The real AppModule as main.ts starts it, configured from the environment only. */
describe('AppModule started like main.ts', () => {
  const saved = { ...process.env };
  let app: NestExpressApplication;
  let dataDir: string;

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'silent';
    dataDir = tempDataDir();
    process.env.LEDGER_DATA_DIR = dataDir;
    delete process.env.LEDGER_JWT_SECRET;
    app = configureApp(
      await NestFactory.create<NestExpressApplication>(AppModule, { ...APP_OPTIONS, abortOnError: false }),
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('serves liveness, docs and metrics without a token, and guards /v1', async () => {
    const server = app.getHttpServer();
    await request(server).get('/health/live').expect(200);
    expect((await request(server).get('/docs-json').expect(200)).body.info.title).toBe('License Ledger');
    await request(server).get('/metrics').expect(200);
    expect((await request(server).get('/v1/users')).status).toBe(401);
    // The ledger feature provides the probes: the embedded store answers and the lag is reported.
    const ready = await request(server).get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({
      eventStore: { status: 'up' },
      readModels: { status: 'up', lag: expect.any(Number) },
    });
  });

  it('replays an idempotent command of the real endpoints with its X-Ledger-Position', async () => {
    const secret = fs.readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim();
    const token = TokenService.fromSecret(secret, 'default').sign({
      actorId: 'root',
      roles: ['global-admin'],
      ttlSeconds: 60,
    });
    const create = (body: object) =>
      request(app.getHttpServer())
        .post('/v1/subscriptions')
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', 'sub-1')
        .send(body);
    const body = { skuId: 'ENTERPRISEPACK', name: 'Office 365 E3', servicePlans: ['EXCHANGE'], seats: 5 };
    const first = await create(body);
    expect(first.status).toBe(201);
    expect(first.headers['x-ledger-position']).toBeDefined();
    const replay = await create({ ...body });
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['x-ledger-position']).toBe(first.headers['x-ledger-position']);
    expect(replay.body).toEqual(first.body);
    expect((await create({ ...body, seats: 6 })).status).toBe(422);
  });

  it('keeps its secret in LEDGER_DATA_DIR, and no idempotency store beside the ledger', () => {
    expect(fs.existsSync(path.join(dataDir, 'jwt-secret'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'idempotency.sqlite'))).toBe(false);
  });
});
