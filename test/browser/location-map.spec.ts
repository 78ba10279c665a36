import assert from 'node:assert/strict';
import { DEMO_DUTY_DESK_UNIT_ID, demoAreas, demoGridCentre } from '@grid-dispatch/bootstrap';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, DESK, loginThroughForm, PHONE, screenshot } from '../support/browser';
import { login, request } from '../support/http-client';
import { drawnSize, mapReady, tapArea } from './map-support';

const PASSWORD = 'demo-test-password';
const GRIDS = demoAreas().filter((a) => a.level === 'grid');

/**
 * Location first: the resident's report page opens on the grid map framed on the district, a tap
 * is confirmed by the grid's name, "use my location" frames and marks the device's position (or
 * says plainly why it cannot), and the admin's boundary editor is the same map framed on the area
 * being edited. This system has no tile service: grids only, and nothing requested elsewhere.
 */
describe('browser: the location map (report page and boundary editor)', function () {
  this.timeout(120000);
  const suite = browserSuite('location-map');

  const reportMap = (page: Page) => page.locator('[data-testid="report-form"] [data-testid="location-map"]');
  const pinPlace = (page: Page) => page.locator('[data-testid="pin-place"]');
  /** Script errors and server errors fail a test; refused requests are the pages' business. */
  const noErrors = () =>
    assert.deepEqual(
      suite.pages.errors.filter((e) => !e.startsWith('http 4')),
      [],
      'no script or server errors',
    );

  async function ticketFiled(code: string): Promise<any> {
    const token = await login(suite.system.url, 'zhongshan.secretary', PASSWORD);
    const deadline = Date.now() + 30000;
    for (;;) {
      const list = await request(suite.system.url, 'GET', '/api/v1/tickets?limit=100', { token });
      const item = (list.body.items ?? []).find((t: any) => t.trackingCode === code);
      if (item?.unitId) {
        const full = await request(suite.system.url, 'GET', `/api/v1/tickets/${item.id}`, { token });
        return full.body;
      }
      if (Date.now() > deadline) throw new Error(`ticket ${code} was not dispatched`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function send(page: Page, category: string, description: string): Promise<string> {
    await page.locator(`[data-category="${category}"]`).click();
    await page.fill('#description', description);
    await page.click('[data-testid="submit-report"]');
    const code = (await page.locator('[data-testid="tracking-code"]').textContent())?.trim() ?? '';
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    return code;
  }

  /** A spot on the map above the district's grids (the district is wider than it is tall). */
  async function tapOutsideGrids(map: Locator): Promise<void> {
    const m = (await map.boundingBox())!;
    const top = Math.min(
      ...(await Promise.all(
        GRIDS.map(async (g) => (await map.locator(`path[data-area="${g.id}"]`).boundingBox())!.y),
      )),
    );
    assert.ok(top - m.y > 40, 'room above the grids to tap outside them');
    await map.page().mouse.click(m.x + m.width / 2, m.y + (top - m.y) / 2);
  }

  it('opens on the map, above the categories, framed on the district, with no tiles requested', async () => {
    const requests: string[] = [];
    const page = await suite.pages.open(PHONE, '/', async (p) => {
      p.on('request', (r) => requests.push(r.url()));
    });
    const map = reportMap(page);
    await mapReady(map, 'chunhai-g1');

    // The place comes first: the form's first part, wholly in the first screen, above the categories.
    assert.equal(
      await page.locator('[data-testid="report-form"] > *').first().getAttribute('data-testid'),
      'location-picker',
    );
    const mapBox = (await map.boundingBox())!;
    const categories = (await page.locator('[data-testid="category-picker"]').boundingBox())!;
    assert.ok(
      mapBox.y + mapBox.height <= 812,
      `the map ends at ${mapBox.y + mapBox.height} px, past the screen`,
    );
    assert.ok(mapBox.y < categories.y, 'the map is above the categories');

    // Framed on the district: every grid is on the map and big enough to tap with a finger.
    for (const grid of GRIDS) {
      const box = (await map.locator(`path[data-area="${grid.id}"]`).boundingBox())!;
      assert.ok(box.width >= 40 && box.height >= 40, `${grid.id} drawn ${box.width}×${box.height} px`);
      assert.ok(
        box.x >= mapBox.x && box.x + box.width <= mapBox.x + mapBox.width + 0.5,
        `${grid.id} lies inside the map`,
      );
    }

    // No tile service here: a plain background, no tile elements, nothing asked of another host.
    assert.equal(await map.getAttribute('data-tiles'), 'off');
    assert.equal(await page.locator('.leaflet-tile').count(), 0);
    const origin = new URL(suite.system.url).origin;
    assert.deepEqual(
      requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:')),
      [],
      'every request goes to the system itself',
    );
    await screenshot(page, 'map-01-report-first-phone');
    noErrors();
  });

  it('confirms a tapped grid by name, says when a spot is outside every grid, and files the tap', async () => {
    const page = await suite.pages.open(PHONE, '/');
    const map = reportMap(page);
    await mapReady(map, 'chunhai-g1');

    await tapOutsideGrids(map);
    await page.locator('[data-testid="pin-outside"]').waitFor();
    assert.match((await page.locator('[data-testid="pin-outside"]').textContent()) ?? '', /不在任何网格内/);

    await tapArea(map, 'chunhai-g1');
    await map.locator('[data-testid="picked-pin"]').waitFor();
    await page.locator('[data-testid="pin-place"][data-area="chunhai-g1"]').waitFor();
    assert.equal((await pinPlace(page).textContent())?.trim(), '春海社区第一网格？');
    await page.click('[data-testid="lang-switch"]');
    await page.locator('[data-testid="pin-place"]:has-text("Chunhai")').waitFor();
    assert.equal((await pinPlace(page).textContent())?.trim(), 'Chunhai Community, Grid 1?');
    await page.click('[data-testid="lang-switch"]');
    await page.locator('[data-testid="pin-place"]:has-text("春海")').waitFor();
    await screenshot(page, 'map-02-grid-confirmed');

    const code = await send(page, 'broken_paving', '春海社区人行道砖松动，地图点选测试');
    const ticket = await ticketFiled(code);
    assert.equal(ticket.areaIds[0], 'chunhai-g1', JSON.stringify(ticket.areaIds));
    const ring = GRIDS.find((g) => g.id === 'chunhai-g1')!.boundary!.coordinates[0]!;
    const lngs = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const { lat, lng } = ticket.location;
    assert.ok(lng > Math.min(...lngs) && lng < Math.max(...lngs), `lng ${lng} inside chunhai-g1`);
    assert.ok(lat > Math.min(...lats) && lat < Math.max(...lats), `lat ${lat} inside chunhai-g1`);
    noErrors();
  });

  it('files a spot outside every grid, which the district’s duty desk holds', async () => {
    const page = await suite.pages.open(PHONE, '/');
    const map = reportMap(page);
    await mapReady(map, 'chunhai-g1');
    await tapOutsideGrids(map);
    await page.locator('[data-testid="pin-outside"]').waitFor();
    await screenshot(page, 'map-03-outside-grids');
    const code = await send(page, 'broken_paving', '网格以外的人行道砖松动，地图点选测试');
    const ticket = await ticketFiled(code);
    assert.equal(ticket.unitId, DEMO_DUTY_DESK_UNIT_ID);
    assert.ok(ticket.location, 'the tapped spot is filed');
    noErrors();
  });

  it('uses the device’s position: framed on it, marked and named', async () => {
    const here = demoGridCentre('linhai-g2');
    const page = await suite.pages.open(PHONE, '/', async (p) => {
      await p.context().grantPermissions(['geolocation']);
      await p.context().setGeolocation({ latitude: here.lat, longitude: here.lng, accuracy: 25 });
    });
    const map = reportMap(page);
    await mapReady(map, 'linhai-g2');
    const before = await drawnSize(map, 'linhai-g2');

    await page.click('[data-testid="locate"]');
    await page.locator('[data-testid="pin-place"][data-area="linhai-g2"]').waitFor();
    assert.equal((await pinPlace(page).textContent())?.trim(), '临海社区第二网格？');
    assert.match((await page.locator('[data-testid="pin-text"]').textContent()) ?? '', /误差约 25 米/);

    // Framed on the position: zoomed in on it, the pin at the middle of the map.
    const after = await drawnSize(map, 'linhai-g2');
    assert.ok(after.width > before.width * 3, `zoomed in: ${before.width} → ${after.width} px`);
    const m = (await map.boundingBox())!;
    const pin = (await map.locator('[data-testid="picked-pin"]').boundingBox())!;
    const tipX = pin.x + pin.width / 2;
    const tipY = pin.y + pin.height;
    assert.ok(Math.abs(tipX - (m.x + m.width / 2)) < 30, `pin at x ${tipX}, map centre ${m.x + m.width / 2}`);
    assert.ok(
      Math.abs(tipY - (m.y + m.height / 2)) < 30,
      `pin at y ${tipY}, map centre ${m.y + m.height / 2}`,
    );
    await screenshot(page, 'map-04-my-location');
    noErrors();
  });

  it('says plainly when the position is refused, in both languages, and the map still works', async () => {
    const page = await suite.pages.open(PHONE, '/', async (p) => {
      await p.context().clearPermissions();
    });
    const map = reportMap(page);
    await mapReady(map, 'chunhai-g2');
    await page.click('[data-testid="locate"]');
    const message = page.locator('[data-testid="locate-message"]');
    await message.waitFor({ timeout: 30000 });
    assert.match((await message.textContent()) ?? '', /没有获准定位|暂时无法确定/);
    await page.click('[data-testid="lang-switch"]');
    assert.match((await message.textContent()) ?? '', /not allowed to share it|could not be found/);
    await screenshot(page, 'map-05-location-refused');

    await tapArea(map, 'chunhai-g2');
    await page.locator('[data-testid="pin-place"][data-area="chunhai-g2"]').waitFor();
    assert.equal((await pinPlace(page).textContent())?.trim(), 'Chunhai Community, Grid 2?');
    noErrors();
  });

  it('marks the centre with Enter when the map has keyboard focus', async () => {
    const page = await suite.pages.open(PHONE, '/');
    const map = reportMap(page);
    await mapReady(map, 'chunhai-g1');
    assert.equal(await map.getAttribute('tabindex'), '0');
    await map.focus();
    await page.keyboard.press('Enter');
    await map.locator('[data-testid="picked-pin"]').waitFor();
    // The district's centre is the corner of Dongri's first grid; either way the pin is named or outside.
    await page.locator('[data-testid="pin-place"], [data-testid="pin-outside"]').first().waitFor();
    noErrors();
  });

  it('frames the admin’s boundary editor on the area being edited, or on the new area’s parent', async () => {
    const page = await suite.pages.open(DESK, '/admin.html#areas');
    await loginThroughForm(page, 'admin', 'admin-test-password');
    await page.locator('[data-testid="area-chunhai-g1"]').click();
    const editor = page.locator('[data-testid="polygon-editor"] [data-testid="location-map"]');
    await editor.locator('[data-vertex="4"]').waitFor();
    await mapReady(editor, 'chunhai-g2');
    const m = (await editor.boundingBox())!;
    const corners = await Promise.all(
      [1, 2, 3, 4].map(async (n) => (await editor.locator(`[data-vertex="${n}"]`).boundingBox())!),
    );
    const xs = corners.map((c) => c.x + c.width / 2);
    const ys = corners.map((c) => c.y + c.height / 2);
    const spread = Math.max(...ys) - Math.min(...ys);
    assert.ok(spread > m.height * 0.6, `the grid fills the editor: ${spread} of ${m.height} px`);
    for (const [i, x] of xs.entries())
      assert.ok(x > m.x && x < m.x + m.width && ys[i]! > m.y && ys[i]! < m.y + m.height, 'corners inside');
    await screenshot(page, 'map-06-admin-editor-grid');

    await page.locator('[data-testid="admin-new"]').click();
    await page.selectOption('[data-testid="input-parentId"]', 'dongri');
    await editor.locator('[data-vertex]').first().waitFor({ state: 'detached' });
    // Framed on Dongri: its two grids side by side fill the width.
    const west = (await editor.locator('path[data-area="dongri-g1"]').boundingBox())!;
    const east = (await editor.locator('path[data-area="dongri-g2"]').boundingBox())!;
    assert.ok(east.x + east.width - west.x > m.width * 0.6, 'the parent community fills the editor');
    assert.ok(west.x >= m.x - 1 && east.x + east.width <= m.x + m.width + 1, 'the parent lies inside');
    await screenshot(page, 'map-07-admin-editor-new');
    noErrors();
  });

  it('frames one district at a time when there are several, remembering the resident’s choice', async () => {
    // A second district far away: framing on everything would shrink the grids to specks.
    const admin = await login(suite.system.url, 'admin', 'admin-test-password');
    const created = await request(suite.system.url, 'POST', '/api/v1/admin/areas', {
      token: admin,
      body: {
        id: 'beihai',
        name: { zh: '北海区', en: 'Beihai District' },
        level: 'district',
        parentId: null,
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [121.0, 39.5],
              [121.1, 39.5],
              [121.1, 39.55],
              [121.0, 39.55],
              [121.0, 39.5],
            ],
          ],
        },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));

    const page = await suite.pages.open(PHONE, '/');
    const map = reportMap(page);
    // The first district (in the areas' order) until the resident picks one.
    await mapReady(map, 'beihai');
    const select = page.locator('[data-testid="district-select"]');
    assert.deepEqual(await select.locator('option').evaluateAll((os) => os.map((o: any) => o.value)), [
      'beihai',
      'zhongshan',
    ]);
    const beihai = await drawnSize(map, 'beihai');
    assert.ok(beihai.width > 200, `Beihai fills the map: ${beihai.width} px`);

    await select.selectOption('zhongshan');
    await waitForSize(map, 'chunhai-g1', 40);
    await screenshot(page, 'map-08-two-districts');
    await page.reload();
    await mapReady(map, 'chunhai-g1');
    assert.equal(await select.inputValue(), 'zhongshan');
    await waitForSize(map, 'chunhai-g1', 40);
    await tapArea(map, 'chunhai-g1');
    await page.locator('[data-testid="pin-place"][data-area="chunhai-g1"]').waitFor();
    noErrors();
  });
});

async function waitForSize(map: Locator, areaId: string, min: number): Promise<void> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const box = await map.locator(`path[data-area="${areaId}"]`).boundingBox();
    if (box && box.width >= min && box.height >= min) return;
    if (Date.now() > deadline)
      throw new Error(`${areaId} drawn ${box?.width}×${box?.height} px, not ≥ ${min}`);
    await map.page().waitForTimeout(100);
  }
}
