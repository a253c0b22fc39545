/**
 * The anchor of GET /v1/subscriptions: a bare NestJS app with the API's logging (nestjs-pino, same
 * options and LOG_LEVEL) that answers the body in BENCH_BODY_FILE, captured from the API. No auth, no store.
 */
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { readFileSync } from 'node:fs';
import { ledgerLoggerModule } from '../../apps/api/src/http/logging';
import { APP_OPTIONS } from '../../apps/api/src/bootstrap';

const body = JSON.parse(readFileSync(process.env.BENCH_BODY_FILE!, 'utf8')) as unknown;

@Controller()
class BareController {
  @Get('v1/subscriptions')
  subscriptions(): unknown {
    return body;
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ imports: [ledgerLoggerModule()], controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, APP_OPTIONS);
  app.useLogger(app.get(Logger));
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
