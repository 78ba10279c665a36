import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { Page } from 'playwright-core';
import { browserSuite, DESK, loginThroughForm, screenshot } from '../support/browser';
import { login, request } from '../support/http-client';

const PASSWORD = 'demo-test-password';

/**
 * The unit console's other actions: progress, asking for more time, returning a wrongly routed
 * ticket, and acting on a stale screen (If-Match: version → 409, the page reloads the ticket).
 */
describe('browser: unit console actions', function () {
  this.timeout(120000);
  const suite = browserSuite('console-actions');
  let page: Page;

  async function report(category: string, grid: string): Promise<{ id: string; code: string }> {
    const res = await request(suite.system.url, 'POST', '/api/v1/reports', {
      body: { category, description: `${category} 测试 console actions`, location: demoGridCentre(grid) },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { id: res.body.ticketId, code: res.body.trackingCode };
  }

  async function openTicket(code: string) {
    await page.click(`[data-testid="inbox-row-${code}"]`);
    await page.locator('[data-testid="ticket-detail"]').waitFor();
  }

  beforeEach(async () => {
    page = await suite.pages.open(DESK, '/console.html');
    await loginThroughForm(page, 'water.member', PASSWORD);
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
  });

  it('keeps each tab’s own session: a secretary logging in on the dashboard in another tab leaves the console alone', async () => {
    const t = await report('water_outage', 'chunhai-g1');
    // A second tab of the same browser, as a secretary sharing the desk would open it.
    const dashboard = await page.context().newPage();
    try {
      await dashboard.goto('/dashboard.html');
      await loginThroughForm(dashboard, 'chunhai.secretary', PASSWORD);
      await dashboard.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
      // The console is still the water unit's: it signs the ticket, after a reload too.
      await page.reload();
      await page.locator(`[data-testid="inbox-row-${t.code}"]`).waitFor({ timeout: 10000 });
      await openTicket(t.code);
      await page.click('[data-testid="action-accept"]');
      await page.locator('[data-testid="ticket-detail"][data-status="accepted"]').waitFor();
      const who = async (p: Page) =>
        p.evaluate(() => JSON.parse((globalThis as any).sessionStorage.getItem('gd.session')).user.username);
      assert.equal(await who(page), 'water.member');
      assert.equal(await who(dashboard), 'chunhai.secretary');
    } finally {
      await dashboard.close();
    }
  });

  it('signs, reports progress and asks for more time (the clock pauses)', async () => {
    const t = await report('water_outage', 'chunhai-g1');
    await page.locator(`[data-testid="inbox-row-${t.code}"]`).waitFor({ timeout: 10000 });
    await openTicket(t.code);
    await page.click('[data-testid="action-accept"]');
    await page.locator('[data-testid="ticket-detail"][data-status="accepted"]').waitFor();

    await page.click('[data-testid="action-progress"]');
    await page.fill('#text-progress', '抢修队已到现场');
    await page.click('[data-testid="send-progress"]');
    await page.locator('[data-testid="action-notice"]').waitFor();
    // The note is in the history and among what the unit shows of its work (residents see it too).
    await page.locator('[data-testid="fix-updates"] li', { hasText: '抢修队已到现场' }).waitFor();
    assert.equal(await page.locator('.timeline li', { hasText: '抢修队已到现场' }).count(), 2);

    await page.click('[data-testid="action-extension"]');
    await page.fill('#text-extension', '需要更换主管道，等待材料');
    await screenshot(page, 'console-extension-form');
    await page.click('[data-testid="send-extension"]');
    await page.locator('.ticket-detail .notice', { hasText: '待书记审核' }).waitFor();
    await page
      .locator('[data-testid="ticket-detail"] [data-testid="countdown"][data-level="paused"]')
      .waitFor();
    await screenshot(page, 'console-extension-pending');
  });

  it('returns a wrongly routed ticket with a reason', async () => {
    const t = await report('water_main_burst', 'dongri-g2');
    await page.locator(`[data-testid="inbox-row-${t.code}"]`).waitFor({ timeout: 10000 });
    await openTicket(t.code);
    await page.click('[data-testid="action-return"]');
    // Without a reason: the lifecycle's rule, checked before sending, in Chinese under the input.
    await page.click('[data-testid="send-return"]');
    const reasonError = page.locator('[data-testid="field-error-reason"]');
    await reasonError.waitFor();
    assert.equal((await reasonError.textContent())?.trim(), '不能为空');
    assert.equal(await page.getAttribute('#text-return', 'aria-describedby'), 'field-error-reason');
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'text-return');
    await page.fill('#text-return', '此处为燃气管道，应由燃气公司处理');
    await page.click('[data-testid="send-return"]');
    await page.locator('[data-testid="ticket-detail"][data-status="returned"]').waitFor();
    assert.equal(await page.getAttribute(`[data-testid="inbox-row-${t.code}"]`, 'data-status'), 'returned');
    await screenshot(page, 'console-returned');
  });

  it('refuses to act on a stale screen (409) and reloads the ticket', async () => {
    // A console cut off from live pushes (socket.io blocked), so its screen goes stale.
    const offline = await suite.pages.open(DESK, '/console.html', async (p) => {
      await p.routeWebSocket('**/socket.io/**', (ws) => ws.close());
      await p.route('**/socket.io/**', (route) => route.abort());
    });
    await loginThroughForm(offline, 'water.member', PASSWORD);
    const t = await report('water_outage', 'linhai-g1');
    // Without pushes the ticket shows up on the next list fetch: the page's own reload on login.
    await waitForTicket(t.code, offline);
    await offline.click(`[data-testid="inbox-row-${t.code}"]`);
    const detail = offline.locator('[data-testid="ticket-detail"][data-status="dispatched"]');
    await detail.waitFor();
    const version = Number(await detail.getAttribute('data-version'));

    // A colleague signs first, from another screen.
    const token = await login(suite.system.url, 'water.member', PASSWORD);
    const signed = await request(suite.system.url, 'POST', `/api/v1/tickets/${t.id}/accept`, {
      token,
      body: {},
      headers: { 'if-match': String(version) },
    });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));

    await offline.click('[data-testid="action-accept"]');
    const error = offline.locator('[data-testid="ticket-detail"] [data-testid="error"]');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), 'VERSION_CONFLICT');
    await offline.locator('[data-testid="action-notice"]').waitFor();
    // The page reloaded the ticket: the signed state, no stale "sign" button.
    await offline.locator('[data-testid="ticket-detail"][data-status="accepted"]').waitFor();
    assert.equal(await offline.locator('[data-testid="action-accept"]').count(), 0);
    // … and so does its inbox row.
    await offline.locator(`[data-testid="inbox-row-${t.code}"][data-status="accepted"]`).waitFor();
    await screenshot(offline, 'console-conflict');
  });

  /** Reloads until the list fetch brings the ticket (the page has no live pushes). */
  async function waitForTicket(code: string, p: Page) {
    const row = p.locator(`[data-testid="inbox-row-${code}"]`);
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      await p.waitForTimeout(500);
      await p.reload();
      await p.locator('[data-testid="inbox-count"]').waitFor();
    }
    await row.waitFor();
  }
});
