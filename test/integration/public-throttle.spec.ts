import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { io } from 'socket.io-client';
import { request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Endpoints that need no login are capped per client address: tracking-code lookups and nearby
 * reports (PUBLIC_READS_PER_MINUTE), residents' sockets (TRACKING_SOCKETS_PER_MINUTE). Small caps
 * here so the test reaches them quickly; the defaults leave a resident far below them.
 */
describe('public endpoints are throttled per client', function () {
  this.timeout(60000);
  let system: TestSystem;
  let code: string;

  before(async () => {
    system = await startTestSystem({ PUBLIC_READS_PER_MINUTE: '5', TRACKING_SOCKETS_PER_MINUTE: '3' });
    const res = await request(system.url, 'POST', '/api/v1/reports', {
      body: { category: 'street_lamp', description: 'lamp is dark', location: demoGridCentre('dongri-g1') },
    });
    assert.equal(res.status, 201);
    code = res.body.trackingCode;
  });
  after(async () => {
    await system?.destroy();
  });

  it('answers 429 with Retry-After once a client has made its public reads of the minute', async () => {
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 7; i++) {
      const path =
        i % 2
          ? `/api/v1/reports/${code}`
          : '/api/v1/reports/nearby?category=street_lamp&lat=38.92&lng=121.66';
      const res = await request(system.url, 'GET', path);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = Number(res.headers.get('retry-after'));
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    assert.ok(retryAfter >= 1);
  });

  it("refuses a client's resident sockets past the cap, with a message", async () => {
    const results: string[] = [];
    for (let i = 0; i < 4; i++) {
      const socket = io(system.url, {
        auth: { trackingCode: code },
        transports: ['websocket'],
        reconnection: false,
      });
      results.push(
        await new Promise<string>((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('connect_error', (e) => resolve(e.message));
        }),
      );
      socket.disconnect();
    }
    assert.deepEqual(results.slice(0, 3), ['connected', 'connected', 'connected']);
    assert.match(results[3]!, /Too many tracking sockets/);
  });
});
