import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { httpMetricsMiddleware, routeLabel, UNMATCHED_ROUTE } from '@grid-dispatch/metrics';
import express, { type ErrorRequestHandler } from 'express';
import { Registry } from 'prom-client';

describe('HTTP metrics route label', () => {
  it('joins the mount point and the route pattern', () => {
    assert.equal(routeLabel('/api/v1/reports', '/'), '/api/v1/reports');
    assert.equal(routeLabel('/api/v1/reports', '/:trackingCode'), '/api/v1/reports/:trackingCode');
    assert.equal(routeLabel('', '/map-settings.json'), '/map-settings.json');
    assert.equal(routeLabel('', '/'), '/');
    assert.equal(routeLabel('', undefined), UNMATCHED_ROUTE);
  });

  describe('recorded by the middleware', () => {
    const trackingCode = 'GD-7QX4-K2M9';
    const ticketId = '3f0b7c52-6a8e-4d0e-9d61-2f1c0a4b5e77';
    let registry: Registry;
    let base: string;
    let close: () => void;

    before(async () => {
      registry = new Registry();
      const app = express();
      app.use(httpMetricsMiddleware(registry));
      const reports = express.Router();
      reports.post('/', (_req, res) => {
        res.status(201).json({});
      });
      reports.get('/:trackingCode', (_req, res) => {
        res.json({});
      });
      reports.get('/:trackingCode/broken', () => {
        throw new Error('handler failed');
      });
      app.use('/api/v1/reports', reports);
      const onError: ErrorRequestHandler = (_error, _req, res, _next) => {
        res.status(500).json({});
      };
      app.use(onError);
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () => server.close();
      await fetch(`${base}/api/v1/reports`, { method: 'POST' });
      await fetch(`${base}/api/v1/reports/${trackingCode}`);
      await fetch(`${base}/api/v1/reports/${trackingCode}/broken`);
      await fetch(`${base}/tickets/${ticketId}`);
    });
    after(() => close());

    async function series(): Promise<Partial<Record<string, string | number>>[]> {
      const metric = await registry.getSingleMetric('http_request_duration_seconds')?.get();
      const values = (metric?.values ?? []) as {
        metricName?: string;
        labels: Partial<Record<string, string | number>>;
      }[];
      return values
        .filter((v) => v.metricName === 'http_request_duration_seconds_count')
        .map((v) => v.labels);
    }

    it('labels each request with its route pattern, method and status', async () => {
      const labels = await series();
      const routes = labels.map((l) => `${l.method} ${l.route} ${l.status}`).sort();
      assert.deepEqual(routes, [
        `GET ${UNMATCHED_ROUTE} 404`,
        'GET /api/v1/reports/:trackingCode 200',
        'GET /api/v1/reports/:trackingCode/broken 500',
        'POST /api/v1/reports 201',
      ]);
    });

    it('never puts an id or a tracking code in a label', async () => {
      const text = await registry.metrics();
      assert.ok(!text.includes(trackingCode), 'tracking code in the metrics');
      assert.ok(!text.includes(ticketId), 'ticket id in the metrics');
    });
  });
});
