import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway } from '@grid-dispatch/gateway';
import { request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * The gateway keeps its connections to the services open between requests: a proxy that opened
 * one per request would spend a TCP connect and accept (both on this machine) on every report.
 */
describe('gateway → service connections', function () {
  this.timeout(60000);
  let system: TestSystem;
  let upstream: Server;
  let connections = 0;
  let requests = 0;

  before(async () => {
    system = await startTestSystem();
    upstream = createServer((req, res) => {
      requests++;
      req.resume();
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path: req.url }));
      });
    });
    upstream.keepAliveTimeout = 5000;
    upstream.on('connection', () => connections++);
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    await new Promise<void>((resolve) => {
      upstream.close(() => resolve());
      upstream.closeAllConnections();
    });
    await system?.destroy();
  });

  it('sends one request after another over one kept connection', async () => {
    const { port } = upstream.address() as AddressInfo;
    const gateway = await startGateway(
      system.platform,
      system.config,
      {
        intake: `http://127.0.0.1:${port}`,
        workflow: system.services.workflow.url,
        live: system.services.live.url,
      },
      0,
    );
    try {
      for (let i = 0; i < 30; i++) {
        const answer = await request<{ path: string }>(gateway.url, 'POST', '/api/v1/reports', {
          body: { n: i },
        });
        assert.equal(answer.status, 201);
        assert.equal(answer.body.path, '/api/v1/reports');
      }
      assert.equal(requests, 30);
      assert.equal(connections, 1, `${connections} connections for 30 requests`);
    } finally {
      await gateway.stop();
    }
  });
});
