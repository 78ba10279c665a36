import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceMetrics } from '@grid-dispatch/metrics';
import { Histogram } from 'prom-client';

const NAME = 'gateway_request_duration_seconds';

/**
 * Times each request the gateway answers, by method, the upstream it went to (or `healthz`) and
 * status. Labelled by upstream rather than path: the services behind it record the route patterns,
 * and the gateway's own histogram must not count their requests a second time.
 */
export function gatewayRequestTimer(
  metrics: ServiceMetrics | undefined,
): (req: IncomingMessage, res: ServerResponse, upstream: string) => void {
  if (!metrics) return () => undefined;
  const histogram =
    (metrics.registry.getSingleMetric(NAME) as Histogram<'method' | 'upstream' | 'status'> | undefined) ??
    new Histogram({
      name: NAME,
      help: 'Duration of requests through the public gateway by method, upstream and status.',
      labelNames: ['method', 'upstream', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [metrics.registry],
    });
  return (req, res, upstream) => {
    const stopTimer = histogram.startTimer();
    res.once('finish', () =>
      stopTimer({ method: req.method ?? 'GET', upstream, status: String(res.statusCode) }),
    );
  };
}
