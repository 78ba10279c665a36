import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { Page } from 'playwright-core';
import { browserSuite, newPage, PHONE, screenshot } from '../support/browser';
import { eventually, login, request } from '../support/http-client';
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

      // A draft the rules refuse is stopped before sending: the message stands under its field,
      // in the page's language, and the field has the focus.
      await page.locator('[data-category="broken_paving"]').click();
      await page.fill('#description', 'x');
      await page.fill('#contact-phone', '12345');
      await page.click('[data-testid="submit-report"]');
      const descriptionError = page.locator('[data-testid="description-error"]');
      await descriptionError.waitFor();
      assert.equal(
        await descriptionError.textContent(),
        lang === 'zh' ? '至少 5 个字' : 'at least 5 characters',
      );
      assert.equal(
        await page.locator('[data-testid="contact-phone-error"]').textContent(),
        lang === 'zh' ? '不是有效的手机号或固定电话号码' : 'not a valid mobile or landline number',
      );
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'description');
      await page.fill('#contact-phone', '');
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

  it('says "I have this too" to a nearby report, follows it, and comes back to the form as left', async () => {
    const earlier = await request(suite.system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'noise',
        description: '白云小区夜间施工噪音，电话 13800138000',
        location: demoGridCentre('baiyun-g1'),
      },
    });
    assert.equal(earlier.status, 201, JSON.stringify(earlier.body));
    const { page, context } = await newPage(suite.browser, suite.system.url, PHONE);
    await page.goto('/');
    const map = page.locator('[data-testid="report-form"] [data-testid="location-map"]');
    await mapReady(map, 'baiyun-g1');
    await tapArea(map, 'baiyun-g1');
    await page.locator('[data-testid="pin-place"][data-area="baiyun-g1"]').waitFor();
    await page.locator('[data-category="noise"]').click();
    await page.fill('#description', '我家楼下也是，每晚十二点后还在施工');

    const item = page.locator('[data-testid="nearby-before-send"] [data-testid="nearby-item"]').first();
    await item.waitFor();
    const described = (await item.textContent()) ?? '';
    assert.match(described, /白云小区夜间施工噪音/);
    assert.doesNotMatch(described, /13800138000/, 'contact details are taken out');
    assert.doesNotMatch(described, new RegExp(earlier.body.trackingCode));
    await item.locator('[data-testid="have-this-too"]').click();
    const follow = item.locator('[data-testid="follow-supported"]');
    await follow.waitFor();
    assert.match((await item.locator('[data-testid="supported"]').textContent()) ?? '', /共 1 位群众/);
    await assertNoSidewaysScroll(page, 'nearby report supported');
    await screenshot(page, 'phone-zh-07-have-this-too');

    // Following it opens the report's tracking page; back, the form is as it was left.
    await follow.click();
    await page.locator(`[data-testid="track-page"]`).waitFor();
    assert.match(
      (await page.locator('.tracking-code').first().textContent()) ?? '',
      new RegExp(earlier.body.trackingCode),
    );
    await page.goBack();
    await page.locator('#description').waitFor();
    assert.equal(await page.inputValue('#description'), '我家楼下也是，每晚十二点后还在施工');
    await page.locator('[data-testid="pin-place"][data-area="baiyun-g1"]').waitFor();
    await context.close();
  });

  it('lets a reporter rate on another phone by confirming the number given with the report', async () => {
    const filed = await request(suite.system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'street_lamp',
        description: '路灯不亮 a street lamp is out',
        location: demoGridCentre('linhai-g1'),
        contact: { phone: '13800138000' },
      },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const { ticketId, trackingCode } = filed.body;
    // The unit fixes it with a note the resident will read; the ticket is then open to rating.
    const token = await login(suite.system.url, 'municipal.member', 'demo-test-password');
    const act = async (action: string, body: unknown) => {
      const ticket = await eventually(async () => {
        const res = await request(suite.system.url, 'GET', `/api/v1/tickets/${ticketId}`, { token });
        return res.status === 200 && res.body.unitId ? res.body : undefined;
      }, 15000);
      const res = await request(suite.system.url, 'POST', `/api/v1/tickets/${ticketId}/${action}`, {
        token,
        body,
        headers: { 'if-match': String(ticket.version) },
      });
      assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
    };
    await act('accept', {});
    await act('resolve', { note: '已更换灯泡' });

    // A phone that never filed the report: no token here, so the form asks for the number.
    const { page, context } = await newPage(suite.browser, suite.system.url, PHONE);
    await page.goto(`/#/track/${trackingCode}`);
    await page.locator('[data-testid="fix-note"]', { hasText: '已更换灯泡' }).waitFor();
    const form = page.locator('[data-testid="rating-form"]');
    await form.waitFor();
    await form.locator('[data-rating="satisfied"]').click();
    await page.fill('#rating-phone', '139 0013 9000');
    await page.click('[data-testid="submit-rating"]');
    await form.locator('[data-testid="error"] li[data-path="contactPhone"]', { hasText: '不匹配' }).waitFor();
    // A Chinese page reads as Chinese: the server's English sentence is folded away under "详情".
    assert.equal(await form.getByText('This phone number is not the one given').isVisible(), false);
    assert.equal(await form.locator('[data-testid="error"] summary').textContent(), '详情');
    await page.fill('#rating-phone', '138 0013 8000');
    await page.click('[data-testid="submit-rating"]');
    await page.locator('[data-testid="rated"]').waitFor();
    await assertNoSidewaysScroll(page, 'rated on another phone');
    await screenshot(page, 'phone-zh-06-rated-on-another-phone');
    await context.close();
  });
});
