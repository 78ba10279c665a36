import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, DESK, loginThroughForm, PHONE, screenshot } from '../support/browser';
import { login, request } from '../support/http-client';
import { mapReady, tapArea } from './map-support';

const AGENT = { username: 'hotline.wang', password: 'Hotline-desk-2026' };

/**
 * The hotline desk in Chromium, phone-sized and on a desk: an agent takes a call down (place on
 * the map, category, caller's phone, call reference), reads the tracking code out in three groups,
 * and finds the caller's report again by phone; the unit sees the channel on the ticket.
 */
describe('browser: the hotline agent’s page', function () {
  this.timeout(120000);
  const suite = browserSuite('hotline');
  let code = '';

  before(async () => {
    const admin = await login(suite.system.url, 'admin', 'admin-test-password');
    const created = await request(suite.system.url, 'POST', '/api/v1/admin/users', {
      token: admin,
      body: { ...AGENT, displayName: '王接线员', role: 'hotline_agent' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });

  async function desk(device: typeof PHONE | typeof DESK): Promise<Page> {
    const page = await suite.pages.open(device, '/hotline.html');
    await loginThroughForm(page, AGENT.username, AGENT.password);
    return page;
  }

  it('files a caller’s report at 375 px and shows the tracking code in three groups', async () => {
    const page = await desk(PHONE);
    const form = page.locator('[data-testid="hotline-form"]');
    await page.click('[data-testid="submit-call"]');
    // Checked before sending: each problem under its input, the focus on the first (the phone).
    const phoneError = form.locator('[data-testid="field-error-callerPhone"]');
    await phoneError.waitFor();
    assert.equal((await phoneError.textContent())?.trim(), '必填');
    assert.equal(
      (await form.locator('[data-testid="field-error-callReference"]').textContent())?.trim(),
      '必填',
    );
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'caller-phone');
    assert.equal(await page.locator('#caller-phone').getAttribute('aria-invalid'), 'true');
    await page.fill('#caller-phone', '13800138009');
    await page.fill('#call-reference', 'CALL-B-0001');
    const map = form.locator('[data-testid="location-map"]');
    await mapReady(map, 'chunhai-g2');
    // The focus went to the phone at the top: the map is tapped where it is on screen.
    await map.scrollIntoViewIfNeeded();
    await tapArea(map, 'chunhai-g2');
    await page.locator('[data-testid="pin-place"][data-area="chunhai-g2"]').waitFor();
    await page.locator('[data-category="road_collapse"]').click();
    await page.fill('#description', '来电反映：春海街路面塌陷');
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no sideways scrolling at 375 px (${width})`);
    await screenshot(page, 'hotline-phone-form');
    await page.click('[data-testid="submit-call"]');
    const readout = page.locator('[data-testid="readout"]');
    await readout.waitFor();
    code = ((await readout.locator('.sr-only').textContent()) ?? '').trim();
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(await readout.locator('.code-group').count(), 3);
    assert.equal((await readout.locator('.code-group').first().textContent())?.trim(), code.slice(0, 4));
    await screenshot(page, 'hotline-phone-code');
    const ticket = await suite.system.platform.tickets.findByTrackingCode(code);
    assert.equal(ticket?.channel, 'hotline');
  });

  it('finds the caller’s earlier reports by phone on a desk', async () => {
    const page = await desk(DESK);
    await page.fill('#lookup-phone', '+8613800138009');
    await page.click('[data-testid="caller-lookup"] button[type="submit"]');
    const list = page.locator('[data-testid="caller-reports"]');
    await list.waitFor();
    const text = (await list.textContent()) ?? '';
    assert.ok(text.includes(code), text);
    assert.ok(text.includes('热线电话'), 'the channel is named');
    await screenshot(page, 'hotline-desk-lookup');
  });

  it('shows the channel on the unit’s ticket and counts it on the dashboard', async () => {
    const unit = await suite.pages.open(DESK, '/console.html');
    await loginThroughForm(unit, 'municipal.member', 'demo-test-password');
    await unit.locator(`[data-testid="inbox-row-${code}"]`).click();
    await unit.locator('[data-testid="ticket-channel"]').waitFor();
    assert.equal((await unit.locator('[data-testid="ticket-channel"]').textContent())?.trim(), '热线电话');
    const dash = await suite.pages.open(DESK, '/dashboard.html');
    await loginThroughForm(dash, 'chunhai.secretary', 'demo-test-password');
    const tile = dash.locator('[data-testid="kpi-reports-hotline"]');
    await tile.filter({ hasText: '1' }).waitFor({ timeout: 30000 });
    await screenshot(dash, 'hotline-dashboard-kpis');
  });
});
