import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { districtWallClock } from '@grid-dispatch/domain';
import { browserSuite, DESK, loginThroughForm } from '../support/browser';
import { eventually, login, request } from '../support/http-client';

const PASSWORD = 'demo-test-password';

/**
 * Reporting periods are China Standard Time whatever the zone of the browser: a secretary whose
 * computer runs on Los Angeles time, at noon on the last day of a month there (already 4 a.m. on
 * the 1st in China), sees the new month's figures, as the district does. A unit's date-and-time
 * inputs are China Standard Time too, as every time the pages show.
 */
describe('browser: a dashboard in a browser outside UTC+8', function () {
  this.timeout(120000);
  const suite = browserSuite('time-zone');
  /** A desk browser whose clock runs on Los Angeles time. */
  const inLosAngeles = () =>
    suite.browser.newContext({
      ...DESK,
      baseURL: suite.system.url,
      locale: 'zh-CN',
      timezoneId: 'America/Los_Angeles',
    });

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

    const context = await inLosAngeles();
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

  it('suggests and reads an extension’s new deadline in China’s time, not the browser’s', async () => {
    const context = await inLosAngeles();
    try {
      const page = await context.newPage();
      await page.goto('/console.html');
      await loginThroughForm(page, 'water.member', PASSWORD);
      await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
      const reported = await request(suite.system.url, 'POST', '/api/v1/reports', {
        body: {
          category: 'water_outage',
          description: '停水 time zone',
          location: demoGridCentre('chunhai-g1'),
        },
      });
      assert.equal(reported.status, 201, JSON.stringify(reported.body));
      const code = reported.body.trackingCode;
      await page.locator(`[data-testid="inbox-row-${code}"]`).waitFor({ timeout: 10000 });
      await page.click(`[data-testid="inbox-row-${code}"]`);
      await page.click('[data-testid="action-accept"]');
      await page.locator('[data-testid="ticket-detail"][data-status="accepted"]').waitFor();
      const token = await login(suite.system.url, 'water.member', PASSWORD);
      const ticket = await request(suite.system.url, 'GET', `/api/v1/tickets/${reported.body.ticketId}`, {
        token,
      });
      // The form suggests a day after the fix deadline, to the minute.
      const suggested =
        Math.floor((Date.parse(ticket.body.deadlines.resolve.dueAt) + 86_400_000) / 60_000) * 60_000;

      await page.click('[data-testid="action-extension"]');
      assert.equal(await page.inputValue('#resolve-by'), districtWallClock(suggested).slice(0, 16));
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/extension'));
      await page.fill('#text-extension', '需要更换主管道，等待材料');
      await page.click('[data-testid="send-extension"]');
      assert.equal((await sent).postDataJSON().resolveBy, new Date(suggested).toISOString());
    } finally {
      await context.close();
    }
  });
});
