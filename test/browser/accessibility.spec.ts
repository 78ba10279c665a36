import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { Page } from 'playwright-core';
import { browserSuite, DESK, loginThroughForm, PHONE } from '../support/browser';
import { request } from '../support/http-client';

const PASSWORD = 'demo-test-password';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core on what the page shows now; answers its violations, readable. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') allows.
  await page.evaluate(AXE);
  const found = (await page.evaluate(async () => {
    const g = globalThis as any;
    const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return found.map(
    (v) => `${v.impact ?? '?'} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Every page, as its users see it, checked by axe-core (WCAG rules as axe ships them): the
 * resident's form and tracking page on a phone, the unit console with a ticket open, the
 * dashboard with its drawer open, the admin's area editor. And the keyboard: the map takes focus,
 * the drawer takes focus and closes on Esc.
 */
describe('browser: accessibility of every page', function () {
  this.timeout(120000);
  const suite = browserSuite('accessibility');

  async function fileReport(): Promise<{ code: string }> {
    const res = await request(suite.system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'road_collapse',
        description: '路面塌陷 accessibility check',
        location: demoGridCentre('chunhai-g1'),
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { code: res.body.trackingCode };
  }

  it('the resident’s report form and tracking page', async () => {
    const page = await suite.pages.open(PHONE, '/');
    await page.locator('[data-testid="category-picker"]').waitFor();
    const map = page.locator('[data-testid="location-map"]');
    await map.locator('path[data-area="chunhai-g1"]').waitFor();
    assert.deepEqual(await violations(page), []);
    // The map is reachable by keyboard, and Enter marks its centre.
    const focusable = await map.getAttribute('tabindex');
    assert.equal(focusable, '0');
    await map.focus();
    await page.keyboard.press('Enter');
    await map.locator('[data-testid="picked-pin"]').waitFor();
    assert.deepEqual(await violations(page), [], 'with a place marked');
    const { code } = await fileReport();
    await page.goto(`/#/track/${code}`);
    await page.locator('[data-testid="track-page"]').waitFor();
    assert.deepEqual(await violations(page), []);
  });

  it('the unit console with a ticket open', async () => {
    const { code } = await fileReport();
    const page = await suite.pages.open(DESK, '/console.html');
    assert.deepEqual(await violations(page), [], 'the login form');
    await loginThroughForm(page, 'municipal.member', PASSWORD);
    await page.locator(`[data-testid="inbox-row-${code}"]`).waitFor();
    await page.click(`[data-testid="inbox-row-${code}"]`);
    await page.locator('[data-testid="ticket-detail"]').waitFor();
    assert.deepEqual(await violations(page), []);
  });

  it('the dashboard with a ticket’s drawer, which takes focus and closes on Esc', async () => {
    const { code } = await fileReport();
    const page = await suite.pages.open(DESK, '/dashboard.html');
    await loginThroughForm(page, 'chunhai.secretary', PASSWORD);
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    await page.locator('[data-testid="kpi-responseRate"]').waitFor();
    assert.deepEqual(await violations(page), []);
    await page.locator(`[data-testid="ticket-row-${code}"] button.link`).click();
    const drawer = page.locator('[data-testid="ticket-detail"]');
    await drawer.waitFor();
    await page.waitForFunction(
      () => (globalThis as any).document.activeElement?.closest('[data-testid="ticket-detail"]') != null,
    );
    assert.deepEqual(await violations(page), []);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('the admin’s area editor', async () => {
    const page = await suite.pages.open(DESK, '/admin.html');
    await loginThroughForm(page, 'admin', 'admin-test-password');
    await page.locator('[data-testid="area-zhongshan"]').click();
    await page.locator('[data-testid="area-form"]').waitFor();
    await page.locator('[data-testid="polygon-editor"] path[data-area="chunhai-g1"]').waitFor();
    assert.deepEqual(await violations(page), []);
  });
});
