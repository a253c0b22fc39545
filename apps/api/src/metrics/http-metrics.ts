import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The app's own registry (not prom-client's global one), so several apps in one process don't clash. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Label for requests no route matched, so that scanners cannot blow up the label cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

/** `http_request_duration_seconds{method, route, status_code}` with the route template, never the raw URL. */
export class HttpMetrics {
  readonly duration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests in seconds, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** Express middleware, mounted first so that requests refused before routing are counted too. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const stop = this.duration.startTimer();
    res.once('finish', () => {
      stop({ method: req.method, route: routeTemplate(req), status_code: String(res.statusCode) });
    });
    next();
  };
}

/** Catch-all paths under which Nest mounts middleware (e.g. nestjs-pino's); they are no route of ours. */
const MIDDLEWARE_CATCH_ALL = /^\/?(\*|\{\*\w+\})$/;

function routeTemplate(req: Request): string {
  const route = (req as { route?: { path?: unknown } }).route;
  if (!route || typeof route.path !== 'string' || MIDDLEWARE_CATCH_ALL.test(route.path)) return UNMATCHED_ROUTE;
  // Express keeps the path relative to the router it was mounted on.
  return `${req.baseUrl ?? ''}${route.path}` || '/';
}
