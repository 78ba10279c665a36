import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { browserSuite, DESK, loginThroughForm } from '../support/browser';
import { csvRows } from '../support/csv-rows';
import { request } from '../support/http-client';

/**
 * The dashboard's ticket export in a real Chromium: the buttons download the current drill-down
 * and period as a file named by the server, CSV with its byte-order mark and JSON lines.
 */
describe('browser: dashboard ticket export', function () {
  this.timeout(120000);
  const suite = browserSuite('ticket-export');

  it('downloads the secretary’s tickets of this month as CSV and as JSON lines', async () => {
    const report = await request(suite.system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'road_collapse',
        description: '=1+1 春海路塌陷 — exported from the dashboard',
        location: demoGridCentre('chunhai-g1'),
        contact: { phone: '13800138000', name: '王小明' },
      },
    });
    assert.equal(report.status, 201, JSON.stringify(report.body));
    const { trackingCode } = report.body;

    const dash = await suite.pages.open(DESK, '/dashboard.html');
    await loginThroughForm(dash, 'chunhai.secretary', 'demo-test-password');
    const panel = dash.locator('[data-testid="ticket-export"]');
    assert.match((await panel.textContent()) ?? '', /导出 CSV/);

    const [csv] = await Promise.all([
      dash.waitForEvent('download'),
      panel.locator('[data-testid="export-csv"]').click(),
    ]);
    assert.match(csv.suggestedFilename(), /^tickets-chunhai-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await csv.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const [header, ...rows] = csvRows(text);
    const row = rows.find((r) => r[header!.indexOf('tracking_code')] === trackingCode);
    assert.ok(row, `${trackingCode} is in the file`);
    assert.equal(row[header!.indexOf('description')], "'=1+1 春海路塌陷 — exported from the dashboard");
    assert.ok(!text.includes('13800138000') && !text.includes('王小明'), 'no reporter in the file');

    await dash.locator('[data-testid="lang-switch"]').click();
    const jsonl = panel.locator('[data-testid="export-jsonl"]');
    assert.equal((await jsonl.textContent())?.trim(), 'Export JSON lines');
    const [lines] = await Promise.all([dash.waitForEvent('download'), jsonl.click()]);
    assert.match(lines.suggestedFilename(), /\.jsonl$/);
    const objects = (await readFile((await lines.path())!, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(objects.some((o) => o.tracking_code === trackingCode && o.grid === '春海社区第一网格'));
  });
});
