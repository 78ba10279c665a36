import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { browserSuite, DESK, loginThroughForm, screenshot } from '../support/browser';
import { addFastCategory } from '../support/fast-category';
import { request } from '../support/http-client';

/**
 * The unit console's countdown, live against the real SLA timers: green, amber once the first
 * reminder is due (50 % of the limit), red at the breach. A category with an 8-second sign limit
 * makes that happen within the test.
 */
describe('browser: the unit console’s countdown turns amber, then red', function () {
  this.timeout(120000);
  const suite = browserSuite('countdown');

  before(async () => {
    await addFastCategory(suite.system.platform, 'fast_sign_web', 'PT8S', 'PT1H');
  });

  it('colours the sign countdown by the SLA level and shows the escalation', async () => {
    const page = await suite.pages.open(DESK, '/console.html');
    await loginThroughForm(page, 'municipal.member', 'demo-test-password');
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();

    const res = await request(suite.system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'fast_sign_web',
        description: '测试倒计时颜色 countdown colours',
        location: demoGridCentre('linhai-g1'),
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const row = page.locator(`[data-testid="inbox-row-${res.body.trackingCode}"]`);
    const countdown = row.locator('[data-testid="countdown"]');
    await countdown.waitFor({ timeout: 5000 });
    const levels: string[] = [];
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      const level = (await countdown.getAttribute('data-level')) ?? '';
      if (levels.at(-1) !== level) {
        levels.push(level);
        await screenshot(page, `countdown-${level}`);
      }
      if (level === 'breached') break;
      await page.waitForTimeout(200);
    }
    assert.deepEqual(levels, ['ok', 'warning', 'breached']);
    // The row's border follows too (it re-renders on the breach push or within 5 s).
    await page
      .locator(`[data-testid="inbox-row-${res.body.trackingCode}"].level-border-breached`)
      .waitFor({ timeout: 6000 });
    // The breach escalates the ticket one level; the push says so and the row shows it.
    await row.locator('.escalated').waitFor({ timeout: 10000 });
    await screenshot(page, 'countdown-escalated');
  });
});
