import assert from 'node:assert/strict';
import { browserSuite, DESK, loginThroughForm, PHONE, screenshot } from '../support/browser';
import { request } from '../support/http-client';
import { mapReady, startTileServer, type TileServer } from './map-support';

const ATTRIBUTION = '<b>Test</b> tiles © grid-dispatch';

/**
 * A deployment with its own tile server (`MAP_TILE_URL`): a tiny PNG server on loopback stands
 * in for it. The pages learn the setting at run time and draw the street basemap under the grids,
 * on the resident's report page and in the admin's boundary editor alike.
 */
describe('browser: the street basemap from MAP_TILE_URL', function () {
  this.timeout(120000);
  let tiles: TileServer;
  before(async () => {
    tiles = await startTileServer();
  });
  // Started after the tile server, so the system can be told where it is.
  const suite = browserSuite('map-tiles', () => ({
    MAP_TILE_URL: tiles.template,
    MAP_TILE_ATTRIBUTION: ATTRIBUTION,
  }));
  after(async () => {
    await tiles?.close();
  });

  /** Tiles on the page that have loaded, with the size the browser decoded. */
  async function loadedTiles(page: import('playwright-core').Page): Promise<number[]> {
    return page
      .locator('img.leaflet-tile.leaflet-tile-loaded')
      .evaluateAll((imgs) => imgs.map((i: any) => (i.complete ? (i.naturalWidth as number) : 0)));
  }

  it('hands the setting to the pages', async () => {
    const res = await request(suite.system.url, 'GET', '/map-settings.json');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { tileUrl: tiles.template, attribution: ATTRIBUTION });
  });

  it('draws the tiles under the grids on the report page, with the credit as plain text', async () => {
    const page = await suite.pages.open(PHONE, '/');
    const map = page.locator('[data-testid="report-form"] [data-testid="location-map"]');
    await mapReady(map, 'chunhai-g1');
    assert.equal(await map.getAttribute('data-tiles'), 'on');
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('img.leaflet-tile-loaded').length > 0,
      undefined,
      { timeout: 30000 },
    );
    const sizes = await loadedTiles(page);
    assert.ok(sizes.length > 0 && sizes.every((w) => w === 256), `decoded tiles: ${sizes.join(', ')}`);
    const asked = tiles.requests.filter((p) => /^\/\d+\/\d+\/\d+\.png$/.test(p));
    assert.ok(asked.length >= sizes.length, `the tile server was asked for ${asked.length} tiles`);
    // Dalian at a district's zoom: the tiles asked for are around it, not the whole world.
    for (const p of asked) {
      const [z, x, y] = p.slice(1, -4).split('/').map(Number) as [number, number, number];
      assert.ok(z >= 11 && z <= 19, `zoom ${z}`);
      const lng = (x / 2 ** z) * 360 - 180;
      const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
      assert.ok(Math.abs(lng - 121.66) < 0.5 && Math.abs(lat - 38.92) < 0.5, `tile ${p} at ${lat}, ${lng}`);
    }
    // The grids lie on top of the basemap.
    assert.ok(await map.locator('.leaflet-overlay-pane path[data-area="chunhai-g1"]').count());
    // The credit is shown as the text it is, never as markup.
    const credit = (await map.locator('.leaflet-control-attribution').textContent()) ?? '';
    assert.ok(credit.includes(ATTRIBUTION), credit);
    assert.equal(await map.locator('.leaflet-control-attribution b').count(), 0);
    await screenshot(page, 'map-tiles-01-report');
    assert.deepEqual(
      suite.pages.errors.filter((e) => !e.startsWith('http 4')),
      [],
    );
  });

  it('draws them in the admin’s boundary editor too', async () => {
    const before = tiles.requests.length;
    const page = await suite.pages.open(DESK, '/admin.html#areas');
    await loginThroughForm(page, 'admin', 'admin-test-password');
    await page.locator('[data-testid="area-chunhai"]').click();
    const editor = page.locator('[data-testid="polygon-editor"] [data-testid="location-map"]');
    await mapReady(editor, 'chunhai-g1');
    await editor.locator('img.leaflet-tile-loaded').first().waitFor({ timeout: 30000 });
    assert.ok(tiles.requests.length > before, 'the editor asked the tile server');
    await screenshot(page, 'map-tiles-02-admin-editor');
  });
});
