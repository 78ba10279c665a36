import assert from 'node:assert/strict';
import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { io, type Socket } from 'socket.io-client';
import { eventually, request } from '../support/http-client';
import { freePort } from '../support/own-servers';
import { type PrometheusSample, prometheusSamples } from '../support/prometheus-samples';
import { fileAndDispatch, fileReport } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** The Prometheus endpoint of a whole system: one loopback port for the process, never the gateway's. */
describe('Prometheus metrics', function () {
  this.timeout(120000);
  let system: TestSystem;
  let metricsUrl: string;
  let trackingCode: string;
  let socket: Socket | undefined;

  before(async () => {
    const port = await freePort();
    system = await startTestSystem({ METRICS_PORT: String(port) });
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    const filed = await fileAndDispatch(system);
    trackingCode = filed.trackingCode;
    const lookup = await request(system.url, 'GET', `/api/v1/reports/${trackingCode}`);
    assert.equal(lookup.status, 200);
  });
  after(async () => {
    socket?.disconnect();
    await system?.destroy();
  });

  async function scrape(): Promise<{
    text: string;
    families: Map<string, ParsedFamily>;
    samples: PrometheusSample[];
  }> {
    const res = await fetch(metricsUrl);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await res.text();
    const families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
    return { text, families, samples: prometheusSamples(text) };
  }

  function family(
    families: Map<string, ParsedFamily>,
    name: string,
    type: ParsedFamily['type'],
  ): ParsedFamily {
    const found = families.get(name);
    assert.ok(found, `${name} is missing`);
    assert.equal(found.type, type, name);
    return found;
  }

  it('records the report as POST /api/v1/reports, by route pattern and never by tracking code', async () => {
    const { text, families, samples } = await scrape();
    family(families, 'http_request_duration_seconds', 'HISTOGRAM');
    const requests = samples.filter((s) => s.name === 'http_request_duration_seconds_count');
    const filed = requests.find(
      (s) => s.labels.method === 'POST' && s.labels.route === '/api/v1/reports' && s.labels.status === '201',
    );
    assert.ok(filed, JSON.stringify(requests.map((s) => s.labels)));
    assert.ok(filed.value >= 1);
    assert.equal(filed.labels.service, 'all-in-one');
    assert.ok(
      requests.some((s) => s.labels.route === '/api/v1/reports/:trackingCode'),
      'the lookup by tracking code is labelled by its pattern',
    );
    assert.ok(!text.includes(trackingCode), 'a tracking code appears in the metrics');
    family(families, 'gateway_request_duration_seconds', 'HISTOGRAM');
    assert.ok(
      samples.some(
        (s) =>
          s.name === 'gateway_request_duration_seconds_count' &&
          s.labels.upstream === 'intake' &&
          s.labels.method === 'POST',
      ),
    );
  });

  it('reports the consumer lag of every group, the outbox backlog and pending deadlines', async () => {
    const { families } = await scrape();
    const lag = family(families, 'kafka_consumer_lag', 'GAUGE').metrics;
    assert.deepEqual(lag.map((m) => m.labels?.group).sort(), [
      'dispatcher',
      'kpi',
      'live',
      'sla',
      'sms',
      'webhooks',
    ]);
    for (const m of lag) assert.ok(Number(m.value) >= 0, `lag of ${m.labels?.group}: ${m.value}`);
    const backlog = family(families, 'outbox_backlog', 'GAUGE').metrics;
    assert.equal(backlog.length, 1);
    assert.ok(Number(backlog[0]?.value) >= 0);
    // The dispatched ticket's acknowledgement and resolution timers wait in BullMQ.
    await eventually(async () => {
      const pending = family((await scrape()).families, 'sla_pending_deadlines', 'GAUGE').metrics;
      return Number(pending[0]?.value) >= 1 ? true : undefined;
    }, 15000);
    family(families, 'sla_deadlines_fired_total', 'COUNTER');
  });

  it('counts open sockets', async () => {
    socket = io(system.url, { auth: { trackingCode }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket?.once('connect', () => resolve());
      socket?.once('connect_error', reject);
    });
    const sockets = family((await scrape()).families, 'live_socket_connections', 'GAUGE').metrics;
    assert.equal(Number(sockets[0]?.value), 1);
  });

  it('exposes process CPU and memory', async () => {
    const { families } = await scrape();
    family(families, 'process_cpu_seconds_total', 'COUNTER');
    family(families, 'process_resident_memory_bytes', 'GAUGE');
    family(families, 'nodejs_eventloop_lag_seconds', 'GAUGE');
  });

  // Stops the dispatcher: only tests that need none come after it.
  it('shows the lag of a group that stopped consuming', async () => {
    await system.services.dispatcher.stop();
    await fileReport(system.url);
    await eventually(async () => {
      const { samples } = await scrape();
      const lag = samples.find((s) => s.name === 'kafka_consumer_lag' && s.labels.group === 'dispatcher');
      return lag && lag.value >= 1 ? true : undefined;
    }, 15000);
  });

  it('is not served on the public port', async () => {
    const res = await fetch(`${system.url}/metrics`);
    assert.equal(res.status, 404);
    assert.doesNotMatch(await res.text(), /http_request_duration_seconds/);
  });
});
