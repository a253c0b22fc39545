/**
 * The bare anchors: a NestJS app with the API's logging (nestjs-pino, same options and LOG_LEVEL) that answers
 * the body in BENCH_BODY_FILE, captured from the API: to GET /v1/subscriptions, and to the command route
 * POST /v1/users/{id}/assignLicense (its JSON body parsed by the framework's own parser). No auth, no store.
 * BENCH_FASTIFY_MODULES (a folder holding @nestjs/platform-fastify) runs it on Fastify instead of Express.
 */
import { Body, Controller, Get, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerLoggerModule } from '../../apps/api/src/http/logging';
import { APP_OPTIONS } from '../../apps/api/src/bootstrap';

const body = JSON.parse(readFileSync(process.env.BENCH_BODY_FILE!, 'utf8')) as unknown;

@Controller()
class BareController {
  @Get('v1/subscriptions')
  subscriptions(): unknown {
    return body;
  }

  @Post('v1/users/:userId/assignLicense')
  @HttpCode(200)
  assignLicense(@Body() _command: unknown): unknown {
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
  // The framework's JSON parser on: the command route parses its body as the API's does.
  const options = { ...APP_OPTIONS, bodyParser: true };
  const fastify = process.env.BENCH_FASTIFY_MODULES;
  const app: INestApplication = fastify
    ? await NestFactory.create(BareModule, fastifyAdapter(fastify), options)
    : await NestFactory.create(BareModule, options);
  app.useLogger(app.get(Logger));
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

function fastifyAdapter(folder: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- installed on demand outside the project (bench/support/fastify.ts)
  const { FastifyAdapter } = require(join(folder, 'node_modules', '@nestjs', 'platform-fastify')) as {
    FastifyAdapter: new () => Parameters<typeof NestFactory.create>[1];
  };
  return new FastifyAdapter();
}

void main();
