import { READ_MODEL_VIEWS } from '@app/projections';
import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { BEARER_SCHEME } from './auth/auth.decorators';
import { ErrorBodyDto } from './http/api-error';
import { bodyGate } from './http/body-gate';
import { JSON_BODY_LIMIT, jsonBodyParser } from './http/body-parser';
import { LedgerExceptionFilter } from './http/exception.filter';
import { requestIdMiddleware } from './http/request-id';
import { LedgerValidationPipe } from './http/validation';
import { HttpMetrics } from './metrics/http-metrics';

/**
 * Options for NestFactory.create / createNestApplication. Nest's own body parser is off: configureApp
 * installs one with the ledger's limit and error codes.
 */
export const APP_OPTIONS: NestApplicationOptions = { bufferLogs: true, bodyParser: false };

export interface ConfigureAppOptions {
  /** Body size limit (express syntax); default 256kb. */
  bodyLimit?: string | number;
}

/**
 * Everything between "the Nest app exists" and "it listens": used by main.ts and by every e2e test,
 * so tests run the real HTTP setup. Order matters: the request id and metrics come before the body
 * parser so that a body refused with 400/413 still gets an id and is counted.
 */
export function configureApp(app: NestExpressApplication, options: ConfigureAppOptions = {}): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');

  app.use(requestIdMiddleware);
  // Security headers on every answer, errors included (CSP, HSTS, nosniff, frame-ancestors …).
  app.use(helmet());
  app.use(app.get(HttpMetrics).middleware);
  app.use(jsonBodyParser(options.bodyLimit ?? JSON_BODY_LIMIT));
  app.use(bodyGate);

  app.useGlobalPipes(new LedgerValidationPipe());
  app.useGlobalFilters(new LedgerExceptionFilter());

  setupOpenApi(app);
  app.enableShutdownHooks();
  return app;
}

/** Swagger UI at /docs, the OpenAPI 3 document at /docs-json. */
export function setupOpenApi(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('License Ledger')
    .setDescription(
      'Event-sourced license administration: subscriptions, seats, users, licenses and mailbox retention. ' +
        'Every /v1 endpoint needs `Authorization: Bearer <JWT>`: HS256 signed with LEDGER_JWT_SECRET (claims sub, roles, exp, optional name and tid), ' +
        'or, with LEDGER_OIDC_ISSUER, RS256/ES256 from that identity provider (roles and tenant from LEDGER_OIDC_ROLES_CLAIM / LEDGER_OIDC_TENANT_CLAIM). ' +
        'iat and nbf may be at most 60 s ahead; LEDGER_JWT_MAX_TTL caps exp − iat. ' +
        'Bodies nested deeper than 32, with invalid Unicode, control characters or __proto__/constructor/prototype keys are 400 ValidationFailed. ' +
        'Errors have the body `{statusCode, error, message, details?}`; validation failures list each bad field in `details.fields`. ' +
        "Every response carries X-Request-Id (the caller's, or a generated UUID).",
    )
    .setVersion('1')
    .setLicense(
      'UNLICENSED (private; all rights reserved)',
      'https://docs.npmjs.com/cli/configuring-npm/package-json#license',
    )
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto, ...READ_MODEL_VIEWS] });
  completeOperations(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'License Ledger API' });
  return document;
}

/**
 * Every /v1 operation needs the bearer token and may answer 401 or 429, whether or not it says so itself; the
 * others (health, metrics) are public. Any route answers 400 MalformedJson to a body that is not JSON.
 */
function completeOperations(document: OpenAPIObject): void {
  const errorRef = { $ref: `#/components/schemas/${ErrorBodyDto.name}` };
  const error = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });
  for (const [path, item] of Object.entries(document.paths)) {
    const v1 = path.startsWith('/v1/');
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses ??= {};
      operation.responses['400'] ??= error('`ValidationFailed` or `MalformedJson`');
      if (!v1) {
        operation.security = [];
        continue;
      }
      operation.security ??= [{ [BEARER_SCHEME]: [] }];
      operation.responses['401'] ??= error('`Unauthenticated`');
      operation.responses['429'] ??= error(
        '`TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds',
      );
      if (method !== 'get') {
        operation.responses['503'] ??= error(
          '`ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds',
        );
      }
    }
  }
}
