import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { browserSuite, DESK, loginThroughForm } from '../support/browser';
import { eventually } from '../support/http-client';
import { fileAndDispatch } from '../support/reports';

/**
 * The administrator's webhooks tab in a real Chromium: registering an endpoint shows its secret
 * once; a receiver that answers 500 gets the endpoint switched off and the page says so, with the
 * status codes in the delivery log; switching it on and replaying delivers. One attempt per
 * delivery, switched off after one failed delivery.
 */
describe('browser: administration of webhooks', function () {
  this.timeout(120000);
  const suite = browserSuite('admin-webhooks', {
    WEBHOOK_ATTEMPTS: '1',
    WEBHOOK_DISABLE_AFTER: '1',
  });
  let receiver: Server;
  let status = 500;
  const received: number[] = [];

  before(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push(status);
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('registers an endpoint, shows the automatic switch-off and replays the failed deliveries', async () => {
    const page = await suite.pages.open(DESK, '/admin.html#webhooks');
    await loginThroughForm(page, 'admin', 'admin-test-password');
    await page.locator('[data-testid="admin-new"]').click();
    await page.fill('[data-testid="webhook-url"]', 'ftp://nowhere');
    await page.click('[data-testid="webhook-form"] button[type="submit"]');
    // The server's refusal, in Chinese under the input it concerns, with the focus there.
    const urlError = page.locator('[data-testid="field-error-url"]');
    await urlError.waitFor();
    assert.equal((await urlError.textContent())?.trim(), '请填写以 http:// 或 https:// 开头的网址');
    const input = page.locator('[data-testid="webhook-url"]');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.equal(await input.getAttribute('aria-describedby'), 'field-error-url');
    await page.waitForFunction(
      () => (globalThis as any).document.activeElement?.getAttribute('data-testid') === 'webhook-url',
    );
    // Not said twice: the error box keeps only what no input shows.
    await page.locator('[data-testid="error"]').waitFor();
    assert.equal(await page.locator('[data-testid="error"] li[data-path="url"]').count(), 0);

    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await page.fill('[data-testid="webhook-url"]', url);
    await page.click('[data-testid="webhook-form"] button[type="submit"]');
    const secret = page.locator('[data-testid="webhook-secret"]');
    await secret.waitFor();
    assert.match((await secret.textContent()) ?? '', /whsec_/);

    await fileAndDispatch(suite.system);
    await eventually(async () => (received.length > 0 ? true : undefined), 30000);
    await eventually(
      async () => {
        await page.reload();
        await page.locator(`[data-testid="webhook-list"] tr`).first().click({ timeout: 5000 });
        return (await page.locator('[data-testid="webhook-auto-disabled"]').count()) > 0 ? true : undefined;
      },
      30000,
      500,
    );
    const log = page.locator('[data-testid="webhook-deliveries"]');
    await log.waitFor();
    assert.match((await log.textContent()) ?? '', /500/);

    status = 200;
    await page.click('[data-testid="webhook-toggle"]');
    await page.locator('[data-testid="webhook-auto-disabled"]').waitFor({ state: 'detached' });
    await page.click('[data-testid="webhook-replay-all"]');
    await eventually(async () => (received.includes(200) ? true : undefined), 30000);
    assert.deepEqual(
      suite.pages.errors.filter((e) => !e.startsWith('http 400: POST')),
      [],
      'no page errors but the refused URL',
    );
  });
});
