import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { browserSuite, DESK, loginThroughForm, screenshot } from '../support/browser';
import { login, request } from '../support/http-client';

const PASSWORD = 'demo-test-password';

/**
 * The secretary's and the administrator's screens in a real Chromium: a returned
 * ticket reaches the dashboard's inbox live, the secretary approves the return to another unit
 * from the ticket detail (the history shows it), the KPI tiles and ranking are there; the admin
 * draws a grid on the map, is told by the server what is missing, fixes it and saves.
 */
describe('browser: secretary dashboard and administration', function () {
  this.timeout(120000);
  const suite = browserSuite('dashboard');
  // Each test's pages, with their errors; on a failure the suite prints them and screenshots them.
  const open = (path: string) => suite.pages.open(DESK, path);

  it('shows a returned ticket in the inbox live and re-routes it from the detail', async () => {
    const dash = await open('/dashboard.html');
    await loginThroughForm(dash, 'chunhai.secretary', PASSWORD);
    await dash.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    for (const tile of [
      'responseRate',
      'onTimeRate',
      'resolutionRate',
      'satisfactionRate',
      'ackP50',
      'resolveP90',
    ])
      await dash.locator(`[data-testid="kpi-${tile}"]`).waitFor();

    // A burst main in Chunhai goes to the water company, which hands it back.
    const report = await request(suite.system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'water_main_burst',
        description: '春海街水管爆裂 — a burst main',
        location: demoGridCentre('chunhai-g1'),
      },
    });
    assert.equal(report.status, 201, JSON.stringify(report.body));
    const { ticketId, trackingCode } = report.body;
    const row = dash.locator(`[data-testid="ticket-row-${trackingCode}"]`);
    await row.waitFor({ timeout: 10000 });
    assert.equal(await row.locator('[data-testid="countdown"]').count(), 1);
    const water = await login(suite.system.url, 'water.member', PASSWORD);
    const ret = await request(suite.system.url, 'POST', `/api/v1/tickets/${ticketId}/return`, {
      token: water,
      body: { reason: '是排水管道问题，不属于供水' },
    });
    assert.equal(ret.status, 200, JSON.stringify(ret.body));

    const inboxRow = dash.locator(`[data-testid="inbox-row-${trackingCode}"]`);
    await inboxRow.waitFor({ timeout: 5000 });
    await screenshot(dash, 'dash-01-returned-in-inbox');

    // Approve the return to municipal works: the form first insists on a unit.
    await inboxRow.locator('button').first().click();
    const detail = dash.locator('[data-testid="ticket-detail"]');
    await detail.locator('[data-testid="action-decide"]').click();
    await detail.locator('input[name="approve"]').first().check();
    await detail.locator('[data-testid="action-submit"]').click();
    await detail.locator('.field-error').first().waitFor();
    // The picker lists only the units the page knows (staff cannot list units); an id can be typed.
    await detail.locator('.action-form input:not([type="radio"])').fill('municipal');
    await detail.locator('[data-testid="action-submit"]').click();
    await detail.locator('[data-testid="history"] [data-event="ticket.return_approved"]').waitFor();
    await waitFor(async () => (await inboxRow.count()) === 0, 'the decided ticket leaves the inbox');
    await screenshot(dash, 'dash-02-return-approved');

    const secretary = await login(suite.system.url, 'chunhai.secretary', PASSWORD);
    const after = await request(suite.system.url, 'GET', `/api/v1/tickets/${ticketId}`, { token: secretary });
    assert.equal(after.body.status, 'dispatched');
    assert.equal(after.body.unitId, 'municipal');

    // The language switch turns the page to English without a reload.
    await dash.locator('[data-testid="detail-close"]').click();
    assert.equal((await dash.locator('h1').textContent())?.trim(), '书记工作台');
    await dash.locator('[data-testid="lang-switch"]').click();
    assert.equal((await dash.locator('h1').textContent())?.trim(), 'Secretary dashboard');
    await screenshot(dash, 'dash-03-english');
  });

  it('shows placeholders, not "—", "no data" or raw ids, until the figures and names come', async () => {
    // The KPI answers and the areas are held back until the placeholders have been seen.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const dash = await suite.pages.open(DESK, '/dashboard.html', async (page) => {
      for (const held of ['**/api/v1/kpis**', '**/api/v1/areas'])
        await page.route(held, async (route) => {
          await released;
          await route.continue();
        });
    });
    await loginThroughForm(dash, 'chunhai.secretary', PASSWORD);
    const tile = dash.locator('[data-testid="kpi-responseRate"]');
    await tile.locator('.skeleton').waitFor();
    assert.equal((await tile.textContent())?.trim(), '', 'no "—" while the figures load');
    assert.equal(await dash.locator('[data-testid="kpi-panel"] .skeleton-rows').count(), 1);
    assert.equal(await dash.getByText('No data for this period').count(), 0);
    assert.equal(await dash.getByText('本期无数据').count(), 0);
    // The secretary's own area is named once the names have come; until then "…", never its id.
    assert.equal(await dash.locator('header .who').first().textContent(), '…');
    await screenshot(dash, 'dash-00-kpi-loading');
    release();
    await tile.locator('.skeleton').waitFor({ state: 'detached' });
    assert.notEqual((await tile.textContent())?.trim(), '');
    await dash.getByText('春海社区', { exact: true }).first().waitFor();
  });

  it('urges several tickets in one step and names the one that failed', async () => {
    const filed: { ticketId: string; trackingCode: string }[] = [];
    for (const category of ['street_lamp', 'bins_overflow', 'broken_paving']) {
      const report = await request(suite.system.url, 'POST', '/api/v1/reports', {
        body: { category, description: `春海 ${category} — bulk`, location: demoGridCentre('chunhai-g2') },
      });
      assert.equal(report.status, 201, JSON.stringify(report.body));
      filed.push(report.body);
    }
    // The third ticket's urge is answered as if someone had acted on it a moment earlier.
    const stale = filed[2];
    const dash = await suite.pages.open(DESK, '/dashboard.html', async (page) => {
      await page.route(`**/api/v1/tickets/${stale.ticketId}/urge`, (route) =>
        route.fulfill({
          status: 409,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'VERSION_CONFLICT', message: 'the ticket changed since you loaded it' },
          }),
        }),
      );
    });
    await loginThroughForm(dash, 'chunhai.secretary', PASSWORD);
    for (const { trackingCode } of filed) {
      const row = dash.locator(`[data-testid="ticket-row-${trackingCode}"]`);
      await row.waitFor({ timeout: 15000 });
      await row.locator('[data-testid="select-row"]').check();
    }
    // The search narrows the list (a code read out without dashes finds its ticket), and clearing
    // it brings the rest back, still selected.
    const search = dash.locator('[data-testid="list-search"]');
    await search.fill(stale.trackingCode.replaceAll('-', '').toLowerCase());
    await waitFor(
      async () => (await dash.locator('[data-testid^="ticket-row-"]').count()) === 1,
      'one row found',
    );
    await search.fill('');
    await dash.locator(`[data-testid="ticket-row-${filed[0].trackingCode}"]`).waitFor();
    assert.equal(await dash.locator('[data-testid="bulk-count"]').textContent(), '已选 3 件');
    await dash.locator('[data-testid="bulk-urge"]').click();
    await dash.locator('[data-testid="bulk-text"]').fill('今天下班前处理');
    await dash.locator('[data-testid="bulk-submit"]').click();
    const result = dash.locator('[data-testid="bulk-result"]');
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', /成功 2 件，失败 1 件/);
    const failed = dash.locator(`[data-testid="bulk-failed-${stale.trackingCode}"]`);
    // The server's code is said in the page's language.
    assert.match((await failed.textContent()) ?? '', /数据已被他人更新/);
    // The failed ticket stays selected, to open or retry; the others went through.
    assert.equal(await dash.locator('[data-testid="bulk-count"]').textContent(), '已选 1 件');
    await screenshot(dash, 'dash-04-bulk-urge');

    const secretary = await login(suite.system.url, 'chunhai.secretary', PASSWORD);
    for (const { ticketId } of filed) {
      const ticket = await request(suite.system.url, 'GET', `/api/v1/tickets/${ticketId}`, {
        token: secretary,
      });
      const urged = ticket.body.events.filter((e: { type: string }) => e.type === 'ticket.urged');
      assert.equal(urged.length, ticketId === stale.ticketId ? 0 : 1, ticketId);
    }
  });

  it('lets the admin draw a grid, shows the server’s field error, then saves it', async () => {
    const admin = await open('/admin.html#areas');
    await loginThroughForm(admin, 'admin', 'admin-test-password');
    await admin.locator('[data-testid="area-chunhai-g1"]').waitFor();
    await admin.locator('[data-testid="admin-new"]').click();
    await admin.fill('[data-testid="input-name-zh"]', '春海三网格');
    await admin.fill('[data-testid="input-name-en"]', 'Chunhai Grid 3');
    const map = admin.locator('[data-testid="polygon-editor"] [data-testid="location-map"]');
    await map.locator('path[data-area="chunhai-g1"]').waitFor();
    const box = await map.boundingBox();
    assert.ok(box, 'the polygon editor shows the grid map');
    // Away from the map's corners, where its zoom buttons and credits sit.
    for (const [fx, fy] of [
      [0.3, 0.3],
      [0.4, 0.3],
      [0.4, 0.4],
      [0.3, 0.4],
    ] as const)
      await admin.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    assert.match((await admin.locator('[data-testid="polygon-points"]').textContent()) ?? '', /4/);
    await map.locator('[data-vertex="4"]').waitFor();

    // No parent: the server's 422 names the field, and the form shows it beside the input.
    await admin.locator('[data-testid="admin-save"]').click();
    await admin.locator('[data-testid="field-error-parentId"]').waitFor();
    await screenshot(admin, 'admin-01-field-error');

    await admin.selectOption('[data-testid="input-parentId"]', 'chunhai');
    await admin.locator('[data-testid="admin-save"]').click();
    await admin
      .locator('[data-testid="admin-saved"]')
      .waitFor({ timeout: 5000 })
      .catch(() => undefined);
    await waitFor(
      async () =>
        ((await admin.locator('[data-testid="area-tree"]').textContent()) ?? '').includes('春海三网格'),
      'the new grid appears in the tree',
    );
    await screenshot(admin, 'admin-02-grid-saved');

    const areas = await request(suite.system.url, 'GET', '/api/v1/areas');
    const grid = (areas.body as any[]).find((a) => a.name.zh === '春海三网格');
    assert.ok(grid, 'the grid is stored');
    assert.equal(grid.parentId, 'chunhai');
    assert.equal(grid.boundary.coordinates[0].length, 5, 'four corners and the closing point');
  });

  it('lets the admin set a category’s limits as a number and a unit', async () => {
    const admin = await open('/admin.html#categories');
    await loginThroughForm(admin, 'admin', 'admin-test-password');
    await admin.locator('[data-testid="category-list"] tr').first().waitFor();
    await admin.locator('[data-testid="admin-new"]').click();
    await admin.fill('[data-testid="input-code"]', 'browser_limits');
    await admin.fill('[data-testid="input-name-zh"]', '浏览器测试：时限');
    await admin.fill('[data-testid="input-name-en"]', 'Browser test: limits');
    await admin.selectOption('[data-testid="input-priority"]', 'P3');
    // P3 runs on the working clock by default: a day there is a working day, and it says so.
    const dayUnit = admin.locator('[data-testid="input-resolveWithinUnit"] option[value="days"]');
    assert.equal(await dayUnit.textContent(), '个工作日');
    await admin.fill('[data-testid="input-ackWithin"]', '0');
    await admin.locator('[data-field="ackWithin"] .field-error').waitFor();
    await admin.fill('[data-testid="input-ackWithin"]', '90');
    await admin.selectOption('[data-testid="input-ackWithinUnit"]', 'minutes');
    await admin.fill('[data-testid="input-resolveWithin"]', '2');
    await admin.selectOption('[data-testid="input-resolveWithinUnit"]', 'days');
    await admin.locator('[data-testid="admin-save"]').click();
    await admin.locator('[data-testid="admin-saved"]').waitFor();
    await screenshot(admin, 'admin-03-category-limits');

    const token = await login(suite.system.url, 'admin', 'admin-test-password');
    const saved = await request(suite.system.url, 'GET', '/api/v1/admin/categories/browser_limits', {
      token,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.ackWithin, 'PT90M');
    assert.equal(saved.body.resolveWithin, 'P2D');
  });

  it('opens every admin tab: its list, a record’s form and a new one', async () => {
    const admin = await open('/admin.html#areas');
    await loginThroughForm(admin, 'admin', 'admin-test-password');
    const tabs = [
      ['areas', 'area-tree', 'li button', 'area-form'],
      ['units', 'unit-list', 'tr', 'unit-form'],
      ['users', 'user-list', 'tr', 'user-form'],
      ['categories', 'category-list', 'tr', 'category-form'],
      ['responsibilities', 'responsibility-list', 'tr', 'responsibility-form'],
      ['calendars', 'calendar-list', 'tr', 'calendar-form'],
    ] as const;
    for (const [tab, list, row, form] of tabs) {
      await admin.locator(`[data-testid="tab-${tab}"]`).click();
      const editor = admin.locator(`[data-testid="${form}"]`);
      await admin.locator(`[data-testid="${list}"] ${row}`).first().click();
      await editor.waitFor();
      assert.match(
        (await editor.locator('h2').textContent()) ?? '',
        /^编辑/,
        `${tab}: a record opens to edit`,
      );
      await admin.locator('[data-testid="admin-new"]').click();
      await waitFor(
        async () => (await editor.locator('h2').textContent()) === '新建',
        `${tab}: "new" opens an empty form`,
      );
    }
    // A long list has a search: the users of one community, by its name in either language.
    await admin.locator('[data-testid="tab-users"]').click();
    const users = admin.locator('[data-testid="user-list"] tr');
    await users.first().waitFor();
    const all = await users.count();
    await admin.locator('[data-testid="list-search"]').fill('chunhai');
    await waitFor(async () => {
      const n = await users.count();
      return n > 0 && n < all;
    }, 'the search narrows the users');
    for (const text of await users.allTextContents()) assert.match(text, /chunhai|春海/i);
    assert.deepEqual(suite.pages.errors, [], 'no page errors');
  });
});

async function waitFor(probe: () => Promise<boolean>, what: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
