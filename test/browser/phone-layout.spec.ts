import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { Page } from 'playwright-core';
import { browserSuite, newPage, PHONE, screenshot } from '../support/browser';
import { request } from '../support/http-client';
import { mapReady, tapArea } from './map-support';

/** Residents use phones: at 375 px wide no page of theirs may scroll sideways. */
describe('browser: the resident pages on a phone (375 px)', function () {
  this.timeout(120000);
  const suite = browserSuite('phone-layout');

  async function assertNoSidewaysScroll(page: Page, where: string) {
    const { scroll, client } = await page.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return { scroll: root.scrollWidth as number, client: root.clientWidth as number };
    });
    assert.equal(client, 375, `${where}: the viewport is 375 px`);
    assert.ok(scroll <= client, `${where}: the page is ${scroll} px wide in a ${client} px viewport`);
  }

  for (const lang of ['zh', 'en'] as const) {
    it(`fits the form, the confirmation with duplicates and the tracking page (${lang})`, async () => {
      // Another report of the same kind at the same spot, so the confirmation lists a duplicate.
      const earlier = await request(suite.system.url, 'POST', '/api/v1/reports', {
        body: {
          category: 'broken_paving',
          description: '人行道砖松动 broken paving',
          location: demoGridCentre('dongri-g1'),
        },
      });
      assert.equal(earlier.status, 201, JSON.stringify(earlier.body));

      const { page, context } = await newPage(suite.browser, suite.system.url, PHONE);
      await page.goto('/');
      await page.locator('[data-testid="category-picker"]').waitFor();
      if (lang === 'en') await page.click('[data-testid="lang-switch"]');
      await assertNoSidewaysScroll(page, 'report form');
      await screenshot(page, `phone-${lang}-01-form`);

      // Tapped at the district's framing, where the whole grid is in view and its centre is where
      // the earlier report lies (zoomed in, the centre may be off the map, and a zoom still
      // animating moves it).
      const map = page.locator('[data-testid="report-form"] [data-testid="location-map"]');
      await mapReady(map, 'dongri-g1');
      await tapArea(map, 'dongri-g1');
      await map.locator('[data-testid="picked-pin"]').waitFor();
      await page.locator('[data-testid="pin-place"][data-area="dongri-g1"]').waitFor();
      // Zoomed in, the map pans inside its own box, not the page.
      await map.locator('.leaflet-control-zoom-in').click();
      await map.locator('.leaflet-control-zoom-in').click();
      await assertNoSidewaysScroll(page, 'report form, map zoomed');

      // Photos: the limits are stated; a wrong type is refused before upload, a fake image by the server.
      assert.match((await page.locator('.photo-upload .hint').textContent()) ?? '', /5 MB/);
      await page.setInputFiles('[data-testid="photo-input"]', {
        name: 'note.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('hello'),
      });
      assert.match(
        (await page.locator('.photo-upload [data-testid="error"]').textContent()) ?? '',
        /note\.txt/,
      );
      await page.setInputFiles('[data-testid="photo-input"]', {
        name: 'fake.png',
        mimeType: 'image/png',
        buffer: Buffer.from('not really a png'),
      });
      await page.locator('.photo-upload [data-testid="error"] li').waitFor();
      assert.match(
        (await page.locator('.photo-upload [data-testid="error"]').textContent()) ?? '',
        /image\/png/,
      );
      await screenshot(page, `phone-${lang}-02-photo-error`);

      // A refused report shows the server's field messages.
      await page.locator('[data-category="broken_paving"]').click();
      await page.fill('#description', 'x');
      await page.click('[data-testid="submit-report"]');
      const formError = page.locator('[data-testid="report-form"] > [data-testid="error"]');
      await formError.locator('li').first().waitFor();
      assert.match((await formError.textContent()) ?? '', /description/);
      // Before sending, the open report of the same kind at this spot is described (how far it
      // has got, roughly where), without its tracking code: anyone can ask this question.
      const nearby = page.locator('[data-testid="nearby-before-send"]');
      await nearby.locator('li').first().waitFor();
      const described = (await nearby.textContent()) ?? '';
      assert.doesNotMatch(described, new RegExp(earlier.body.trackingCode));
      assert.match(described, lang === 'zh' ? /相距约 (50|100|150) 米/ : /about (50|100|150) m away/);
      await assertNoSidewaysScroll(page, 'report form with errors');
      await screenshot(page, `phone-${lang}-03-field-errors`);

      await page.fill('#description', '东日社区人行道砖松动，容易绊倒');
      await page.click('[data-testid="submit-report"]');
      await page.locator('[data-testid="tracking-code"]').waitFor();
      const dup = page.locator('[data-testid="duplicates"]');
      await dup.waitFor();
      assert.match((await dup.textContent()) ?? '', new RegExp(earlier.body.trackingCode));
      await assertNoSidewaysScroll(page, 'confirmation');
      await screenshot(page, `phone-${lang}-04-confirmation`);

      await page.click('[data-testid="follow"]');
      await page.locator('[data-testid="track-page"]').waitFor();
      await page.locator('[data-testid="timeline"] li').first().waitFor();
      await assertNoSidewaysScroll(page, 'tracking page');
      await screenshot(page, `phone-${lang}-05-tracking`);

      await page.click('[data-testid="tab-track"]');
      await page.locator('[data-testid="lookup"]').waitFor();
      await assertNoSidewaysScroll(page, 'lookup');
      await context.close();
    });
  }
});
