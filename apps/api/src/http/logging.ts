import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { destination } from 'pino';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/actor';
import { REDACTED_LOG_PATHS, REDACTED, redactQuery, redactUrl } from './redact';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';

/** Routes polled by probes and scrapers: logged at debug only. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** What the request's log line shows of it: Express adds the original URL (before any router stripped a prefix), the query and the route parameters. */
type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string; query?: unknown; params?: unknown };

/** A request's log line with who asked, once the AuthGuard has put the actor on the request. */
function withActor(req: IncomingMessage, line: object): object {
  const actor = (req as IncomingMessage & AuthenticatedRequest).actor;
  return actor ? { ...line, actorId: actor.id, tenantId: actor.tenantId } : line;
}

/**
 * Structured JSON logs through nestjs-pino. LOG_LEVEL (fatal|error|warn|info|debug|trace|silent,
 * default info) is read when the app is created; tests run with LOG_LEVEL=silent.
 */
export function ledgerLoggerModule() {
  return LoggerModule.forRootAsync({
    useFactory: () => ({
      pinoHttp: [
        {
          level: process.env.LOG_LEVEL?.trim() || 'info',
          // requestIdMiddleware normally set req.id already; this covers an app built without it.
          genReqId: (req: IncomingMessage, res: ServerResponse) => {
            const existing = (req as IncomingMessage & { id?: unknown }).id;
            if (typeof existing === 'string') return existing;
            const id = requestIdFor(req as Request);
            res.setHeader(REQUEST_ID_HEADER, id);
            return id;
          },
          customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) => {
            if (err || res.statusCode >= 500) return 'error';
            if (QUIET_PATHS.has((req.url ?? '').split('?')[0])) return 'debug';
            return res.statusCode >= 400 ? 'warn' : 'info';
          },
          // Who asked, on the line a request ends with (rather than a child logger per request).
          customSuccessObject: (req: IncomingMessage, _res: ServerResponse, line: object) => withActor(req, line),
          customErrorObject: (req: IncomingMessage, _res: ServerResponse, _err: Error, line: object) =>
            withActor(req, line),
          // Credentials and UPNs (E1) never reach the log: no headers are logged, body fields are censored by path, the query string by name or value.
          redact: { paths: REDACTED_LOG_PATHS, censor: REDACTED },
          // The serializers get the request and response themselves: pino's standard ones would first copy every header and the peer's address and port (a syscall) only for these to drop them.
          wrapSerializers: false,
          serializers: {
            req: (req: LoggedRequest) => {
              const url = req.originalUrl ?? req.url;
              return {
                id: req.id,
                method: req.method,
                url: url && redactUrl(url),
                query: redactQuery(req.query),
                params: redactQuery(req.params),
              };
            },
            res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
          },
        },
        // Written off the request path: a full stdout pipe never blocks a command.
        destination({ dest: 1, sync: false }),
      ],
    }),
  });
}
