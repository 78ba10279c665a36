import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** Requests a client got wrong answer 400 naming the problem, never 500. */
describe('malformed requests answer 400', function () {
  this.timeout(60000);
  let system: TestSystem;
  const report = { category: 'road_collapse', description: 'a hole in the road', address: 'Chunhai Rd 1' };

  before(async () => {
    system = await startTestSystem();
  });
  after(async () => {
    await system?.destroy();
  });

  async function raw(path: string, init: RequestInit = {}) {
    const res = await fetch(new URL(path, system.url), init);
    return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
  }

  it('a NUL character in the path', async () => {
    const res = await raw('/api/v1/reports/ABCD-%00EFG-HJKM');
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'MALFORMED_REQUEST');
  });

  it('malformed percent-encoding in the path', async () => {
    const res = await raw('/api/v1/reports/%E0%A4%A');
    assert.equal(res.status, 400, JSON.stringify(res.body));
  });

  it('a body that is not the gzip its Content-Encoding says', async () => {
    const res = await raw('/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: JSON.stringify(report),
    });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.match(res.body.error.message, /Content-Encoding/);
  });

  it('while a real gzip body is taken', async () => {
    const res = await raw('/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(report)),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  it('a NUL character in a query parameter', async () => {
    const res = await request(
      system.url,
      'GET',
      '/api/v1/reports/nearby?category=road%00&lat=38.92&lng=121.64',
    );
    assert.equal(res.status, 400, JSON.stringify(res.body));
  });
});
