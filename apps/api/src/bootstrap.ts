import { READ_MODEL_VIEWS } from '@app/projections';
import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  DocumentBuilder,
  SwaggerModule,
  type HeaderObject,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
} from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { BEARER_SCHEME } from './auth/auth.decorators';
import { ErrorBodyDto } from './http/api-error';
import { bodyGate } from './http/body-gate';
import { JSON_BODY_LIMIT, jsonBodyParser } from './http/body-parser';
import { LedgerExceptionFilter } from './http/exception.filter';
import { requestIdMiddleware } from './http/request-id';
import { LedgerValidationPipe } from './http/validation';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  LEDGER_POSITION_HEADER,
} from './idempotency/idempotency.guard';
import { DEFAULT_MIN_POSITION_WAIT_MS, MIN_POSITION_HEADER } from './ledger/min-position.guard';
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

/** `X-Ledger-Min-Position` on every GET (MinPositionInterceptor is global): read-your-writes across nodes. */
const MIN_POSITION_PARAMETER: ParameterObject = {
  name: MIN_POSITION_HEADER,
  in: 'header',
  required: false,
  description: `A store position, from an earlier answer's ${LEDGER_POSITION_HEADER} (of any node): this answer waits until this node's read models have applied it, at most ${DEFAULT_MIN_POSITION_WAIT_MS / 1000} s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.`,
  schema: { type: 'string', pattern: '^\\d{1,20}$' },
  example: '1042',
};

/** What a ledger command's success carries (set by `answer()` in ledger/ledger-request.ts). */
const LEDGER_POSITION: Record<string, HeaderObject> = {
  [LEDGER_POSITION_HEADER]: {
    description: `Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as ${MIN_POSITION_HEADER} on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview.`,
    schema: { type: 'string', pattern: '^\\d{1,20}$' },
  },
};

/** What an @Idempotent route's success carries when it is a replay. */
const REPLAYED: Record<string, HeaderObject> = {
  [IDEMPOTENT_REPLAYED_HEADER]: {
    description: `\`true\` when this is the stored answer of an earlier request with the same ${IDEMPOTENCY_KEY_HEADER}`,
    schema: { type: 'string', enum: ['true'] },
  },
};

/**
 * Every /v1 operation needs the bearer token and may answer 401 or 429, whether or not it says so itself; the
 * others (health, metrics) are public. Any route answers 400 MalformedJson to a body that is not JSON. Every GET
 * takes X-Ledger-Min-Position; every ledger command (an @Idempotent route) answers its X-Ledger-Position.
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
      if (method === 'get') declareMinPosition(operation, error);
      if (isIdempotent(operation))
        // The manual clock's advance appends to its own stream, which no read model applies: it has no position to wait for.
        declareSuccessHeaders(operation, path === '/v1/clock/advance' ? REPLAYED : { ...LEDGER_POSITION, ...REPLAYED });
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

const READ_MODEL_BEHIND = `\`ReadModelBehind\`: this node's read models did not reach ${MIN_POSITION_HEADER} in time; retry after Retry-After seconds`;

function declareMinPosition(operation: OperationObject, error: (description: string) => ResponseObject): void {
  operation.parameters = [...(operation.parameters ?? []), MIN_POSITION_PARAMETER];
  const unavailable = operation.responses['503'] as ResponseObject | undefined;
  if (!unavailable) operation.responses['503'] = error(READ_MODEL_BEHIND);
  else unavailable.description += `; or ${READ_MODEL_BEHIND}`;
}

/** The @Idempotent routes: the ledger's commands and the manual clock's advance. */
function isIdempotent(operation: OperationObject): boolean {
  return (operation.parameters ?? []).some(
    (parameter) => 'name' in parameter && parameter.name === IDEMPOTENCY_KEY_HEADER,
  );
}

function declareSuccessHeaders(operation: OperationObject, headers: Record<string, HeaderObject>): void {
  for (const [status, response] of Object.entries(operation.responses)) {
    if (status.startsWith('2') && response && !('$ref' in response))
      response.headers = { ...response.headers, ...headers };
  }
}
