import assert from 'node:assert/strict';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** Pages and API answer with security headers; the pages may not be framed; no source maps are served. */
describe('security headers', function () {
  this.timeout(60000);
  let system: TestSystem;

  before(async () => {
    system = await startTestSystem();
  });
  after(async () => {
    await system?.destroy();
  });

  for (const path of ['/', '/console.html', '/api/v1/categories', '/api/v1/no-such-route']) {
    it(`sends them on ${path}`, async () => {
      const res = await fetch(new URL(path, system.url));
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/, 'no inline or foreign scripts');
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('x-powered-by'), null);
    });
  }

  it('serves no source maps of the pages', async () => {
    const page = await (await fetch(new URL('/', system.url))).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    assert.ok(script, 'the page loads a bundled script');
    const code = await (await fetch(new URL(script, system.url))).text();
    assert.doesNotMatch(code, /sourceMappingURL/);
    assert.equal((await fetch(new URL(`${script}.map`, system.url))).status, 404);
  });
});
