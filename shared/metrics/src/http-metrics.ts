import type { Request, RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { routeLabel, UNMATCHED_ROUTE } from './http-route-label';

/** Request durations by method, route pattern and status; one histogram per registry. */
export function httpMetricsMiddleware(registry: Registry): RequestHandler {
  const existing = registry.getSingleMetric('http_request_duration_seconds');
  const histogram =
    (existing as Histogram<'method' | 'route' | 'status'> | undefined) ??
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests by method, express route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  return (req, res, next) => {
    const stopTimer = histogram.startTimer();
    const route = captureRoute(req);
    res.once('finish', () => {
      stopTimer({ method: req.method, route: route(), status: String(res.statusCode) });
    });
    next();
  };
}

/**
 * The route pattern as it is when express matches the route. Read at the end instead, `baseUrl`
 * may already be reset: a handler that fails hands its error back out of its router.
 */
function captureRoute(req: Request): () => string {
  let label = UNMATCHED_ROUTE;
  let current: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: { path?: unknown } | undefined) => {
      current = value;
      if (value) label = routeLabel(req.baseUrl ?? '', value.path);
    },
  });
  return () => label;
}
