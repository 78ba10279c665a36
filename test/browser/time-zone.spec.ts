import assert from 'node:assert/strict';
import { browserSuite, DESK, loginThroughForm } from '../support/browser';
import { eventually } from '../support/http-client';

const PASSWORD = 'demo-test-password';

/**
 * Reporting periods are China Standard Time whatever the zone of the browser: a secretary whose
 * computer runs on Los Angeles time, at noon on the last day of a month there (already 4 a.m. on
 * the 1st in China), sees the new month's figures, as the district does.
 */
describe('browser: a dashboard in a browser outside UTC+8', function () {
  this.timeout(120000);
  const suite = browserSuite('time-zone');

  it('asks the KPI API for the month it is in China, not in the browser’s zone', async () => {
    // 20:00 UTC on the last day of the month before this one (UTC): 04:00 on the 1st in China,
    // 12:00 or 13:00 on the last day in Los Angeles. Before the server's now, so no token looks expired.
    const now = new Date();
    const firstOfMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const moment = new Date(firstOfMonth - 4 * 3600_000);
    const month = new Date(firstOfMonth).toISOString().slice(0, 7);
    const lastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0))
      .toISOString()
      .slice(0, 10);

    const context = await suite.browser.newContext({
      ...DESK,
      baseURL: suite.system.url,
      locale: 'zh-CN',
      timezoneId: 'America/Los_Angeles',
    });
    try {
      const page = await context.newPage();
      await page.clock.setFixedTime(moment);
      const asked: URL[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/v1/kpis?')) asked.push(new URL(r.url()));
      });
      await page.goto('/dashboard.html');
      // The browser really is on the other side of the date line from China.
      const browserDay = await page.evaluate(() => new Date().getDate());
      assert.notEqual(browserDay, 1, 'the browser should still be on the last day of the month');

      await loginThroughForm(page, 'chunhai.secretary', PASSWORD);
      const first = await eventually(async () => asked[0], 30000);
      assert.equal(first.searchParams.get('from'), `${month}-01`);
      assert.equal(first.searchParams.get('to'), lastDay);
    } finally {
      await context.close();
    }
  });
});
