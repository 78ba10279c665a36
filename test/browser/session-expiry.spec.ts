import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, DESK, loginThroughForm, screenshot } from '../support/browser';

const PASSWORD = 'demo-test-password';
const TTL_SECONDS = 6;

/**
 * Staff tokens expire (here after a few seconds). A console left open must not keep showing, or
 * acting on, a dead session: it goes back to the login form and says why.
 */
describe('browser: an expired staff session goes back to the login form', function () {
  this.timeout(120000);
  const suite = browserSuite('session-expiry', { TOKEN_TTL_SECONDS: String(TTL_SECONDS) });

  async function loggedInConsole(): Promise<Page> {
    // Through the suite's page set: a failure prints what the page logged and screenshots it.
    const page = await suite.pages.open(DESK, '/console.html');
    await loginThroughForm(page, 'municipal.member', PASSWORD);
    await page.locator('[data-testid="inbox-count"]').waitFor();
    return page;
  }

  async function expectLoginWithNotice(page: Page, timeout: number) {
    await page.locator('[data-testid="login-form"]').waitFor({ timeout });
    const notice = (await page.locator('[data-testid="login-notice"]').textContent()) ?? '';
    assert.match(notice, /登录已过期/);
    assert.equal(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('gd.session')), null);
  }

  it('when the server refuses the token (401)', async () => {
    const page = await loggedInConsole();
    // A token the server no longer accepts, though the browser still thinks it is valid — for an
    // hour, not the suite's few seconds: otherwise the page's own expiry timer can clear the
    // session between this write and the reload (on a slow machine), and the server is never asked.
    await page.evaluate(() => {
      const ls = (globalThis as any).sessionStorage;
      const s = JSON.parse(ls.getItem('gd.session'));
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      ls.setItem('gd.session', JSON.stringify({ ...s, token: `${s.token}x`, expiresAt }));
    });
    await page.reload();
    await expectLoginWithNotice(page, 5000);
    await screenshot(page, 'session-expired-401');
  });

  it('when the token runs out while the console is open, and lets the user back in', async () => {
    const page = await loggedInConsole();
    await screenshot(page, 'session-live');
    await expectLoginWithNotice(page, (TTL_SECONDS + 4) * 1000);
    await screenshot(page, 'session-expired-timeout');
    await loginThroughForm(page, 'municipal.member', PASSWORD);
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
  });
});
