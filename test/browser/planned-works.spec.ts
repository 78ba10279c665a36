import assert from 'node:assert/strict';
import { browserSuite, PHONE, screenshot } from '../support/browser';
import { login, request } from '../support/http-client';
import { mapReady, tapArea } from './map-support';

/**
 * The resident sees the water company's planned works above the form, and a water outage reported
 * inside them is answered with the works instead of a dispatch.
 */
describe('browser: planned works on the resident page', function () {
  this.timeout(120000);
  const suite = browserSuite('planned-works');

  it('shows the notice, then links the report to the works on the confirmation', async () => {
    const water = await login(suite.system.url, 'water.member', 'demo-test-password');
    const announced = await request(suite.system.url, 'POST', '/api/v1/units/water/planned-works', {
      token: water,
      body: {
        categories: ['water_outage'],
        gridIds: ['chunhai-g1'],
        startsAt: new Date(Date.now() - 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
        notice: { zh: '春海一网格更换供水管道', en: 'Main replaced in Chunhai grid 1' },
      },
    });
    assert.equal(announced.status, 201, JSON.stringify(announced.body));

    const page = await suite.pages.open(PHONE, '/');
    const card = page.locator('[data-testid="planned-works"]');
    await card.waitFor();
    assert.match((await card.textContent()) ?? '', /春海一网格更换供水管道/);

    const map = page.locator('[data-testid="report-form"] [data-testid="location-map"]');
    await mapReady(map, 'chunhai-g1');
    // The works' grid is shaded on the map, titled with the notice.
    const shaded = map.locator(`[data-shaded="${announced.body.id}"]`);
    await shaded.waitFor({ state: 'attached' });
    assert.match((await shaded.textContent()) ?? '', /春海一网格更换供水管道/);
    await tapArea(map, 'chunhai-g1');
    await page.locator('[data-testid="pin-place"][data-area="chunhai-g1"]').waitFor();
    await page.locator('[data-category="water_outage"]').click();
    await page.fill('#description', '家里停水了，水龙头没有水');
    await page.click('[data-testid="submit-report"]');
    const linked = page.locator('[data-testid="linked-planned-works"]');
    await linked.waitFor();
    assert.match((await linked.textContent()) ?? '', /已有计划施工：.+ 单位，预计 .+ 结束/);
    await screenshot(page, 'planned-works-confirmation');
  });
});
