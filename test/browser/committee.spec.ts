import assert from 'node:assert/strict';
import { reportDay } from '@grid-dispatch/domain';
import { browserSuite, DESK, loginThroughForm, PHONE, screenshot } from '../support/browser';
import { login, request } from '../support/http-client';

const PASSWORD = 'demo-test-password';

/** A time `days` from now as a `datetime-local` input takes it in Shanghai (the pages' zone). */
function shanghaiLocal(days: number, hour: number): string {
  const day = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

/**
 * The joint committee in a real Chromium: Chunhai's secretary sets the chair rotation (and is
 * told, in a sentence, when someone saved another order meanwhile), creates this month's meeting
 * with the proposed chair, records a note (the empty one refused under its input), holds it with
 * minutes and opens them as a printable page and a CSV; the property company's staff create and
 * publish an activity from the console; a resident sees it on the residents' page without login.
 */
describe('browser: joint committee meetings and activities', function () {
  this.timeout(120000);
  const suite = browserSuite('committee');
  const month = reportDay(new Date().toISOString()).slice(0, 7);

  it('runs the month’s meeting from the dashboard and opens its minutes', async () => {
    const dash = await suite.pages.open(DESK, '/dashboard.html');
    await loginThroughForm(dash, 'chunhai.secretary', PASSWORD);
    await dash.locator('[data-testid="dash-tab-committee"]').click();
    const chair = dash.locator('[data-testid="chair-order"]');
    await chair.locator('li').nth(1).waitFor();
    const ids = await chair
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')!.slice('chair-'.length)));
    assert.ok(ids.length >= 2, `members: ${ids.join(',')}`);

    // The second member moves to the front; the stored order says so.
    await chair.locator(`[data-testid="chair-up-${ids[1]}"]`).click();
    await chair.locator('[data-testid="chair-save"]').click();
    await dash.locator('[data-testid="chair-note"]').waitFor();
    const secretary = await login(suite.system.url, 'chunhai.secretary', PASSWORD);
    const stored = await request(suite.system.url, 'GET', '/api/v1/committees/chunhai/chair-order', {
      token: secretary,
    });
    assert.equal(stored.body.unitIds[0], ids[1]);

    // Someone else saves the original order; the page's next save is refused, said and reloaded.
    const other = await request(suite.system.url, 'PUT', '/api/v1/committees/chunhai/chair-order', {
      token: secretary,
      body: { unitIds: ids },
    });
    assert.equal(other.status, 200, JSON.stringify(other.body));
    await chair.locator(`[data-testid="chair-up-${ids[2] ?? ids[1]}"]`).click();
    await chair.locator('[data-testid="chair-save"]').click();
    await dash.locator('[data-testid="chair-note"]', { hasText: '他人修改' }).waitFor();
    await chair.locator(`li:first-child[data-testid="chair-${ids[0]}"]`).waitFor();
    await screenshot(dash, 'committee-01-chair-order');

    // This month's meeting, with the chair the rotation proposes.
    const panel = dash.locator('[data-testid="meeting-panel"]');
    const proposed = (await panel.locator('[data-testid="proposed-chair"]').textContent()) ?? '';
    await panel.locator('[data-testid="meeting-create"]').click();
    await panel.locator('[data-testid="meeting-status"][data-status="planned"]').waitFor();
    const chairName = (await panel.locator('[data-testid="meeting-chair-name"]').textContent()) ?? '';
    assert.ok(proposed.endsWith(chairName.replace(/^主持：/, '')), `${proposed} / ${chairName}`);
    await panel.locator('[data-testid="agenda-kpis"]').waitFor();

    // An empty note is refused under its input; a written one is recorded.
    await panel.locator('[data-testid="decision-submit"]').click();
    const textError = panel.locator('[data-testid="field-error-text"]');
    await textError.waitFor();
    assert.equal(await panel.locator('[data-testid="decision-text"]').getAttribute('aria-invalid'), 'true');
    await panel.locator('[data-testid="decision-text"]').fill('物业公司下月牵头清理楼道杂物');
    await panel.locator('[data-testid="decision-submit"]').click();
    await panel.locator('[data-testid="decisions"] li[data-kind="note"]').waitFor();
    assert.equal(await textError.count(), 0);
    await panel.locator(`[data-testid="attendee-${ids[0]}"]`).check();
    await panel.locator('[data-testid="attendees-save"]').click();
    await screenshot(dash, 'committee-02-meeting-planned');

    await panel.locator('[data-testid="hold-minutes"]').fill('会议通过楼道清理安排。');
    await panel.locator('[data-testid="meeting-hold"]').click();
    await panel.locator('[data-testid="meeting-status"][data-status="held"]').waitFor();

    // The minutes: a printable sheet (printed alone) and a CSV.
    await dash.locator(`[data-testid="minutes-open-${month}"]`).click();
    const sheet = dash.locator('[data-testid="minutes-sheet"]');
    await sheet.locator('[data-testid="minutes-decision"]').first().waitFor();
    assert.match((await sheet.textContent()) ?? '', /楼道杂物/);
    assert.match((await sheet.locator('[data-testid="minutes-text"]').textContent()) ?? '', /楼道清理安排/);
    await screenshot(dash, 'committee-03-minutes');
    await dash.emulateMedia({ media: 'print' });
    assert.equal(await dash.locator('.dash-tabs').isVisible(), false);
    assert.equal(await sheet.locator('[data-testid="minutes-print"]').isVisible(), false);
    assert.equal(await sheet.locator('[data-testid="minutes-decision"]').first().isVisible(), true);
    await dash.emulateMedia({ media: 'screen' });
    await sheet.locator('[data-testid="minutes-close"]').click();
    const [download] = await Promise.all([
      dash.waitForEvent('download'),
      dash.locator(`[data-testid="minutes-csv-${month}"]`).click(),
    ]);
    assert.equal(download.suggestedFilename(), `minutes-chunhai-${month}.csv`);

    // The committee figures of the secretary's area.
    await dash.locator('[data-testid="dash-tab-figures"]').click();
    await dash.locator('[data-testid="figures-total-needsRaised"]').waitFor();
    await screenshot(dash, 'committee-06-figures');
  });

  it('lets a unit publish an activity that residents then see', async () => {
    const consolePage = await suite.pages.open(DESK, '/console.html');
    await loginThroughForm(consolePage, 'property-chunhai.member', PASSWORD);
    const unit = consolePage.locator('[data-testid="unit-activities"]');
    await unit.locator('[data-testid="activity-community"]').selectOption('chunhai');
    const panel = unit.locator('[data-testid="activities-panel"]');
    await panel.locator('[data-testid="activity-new"]').click();
    await panel.locator('[data-testid="activity-title"]').fill('中秋游园会');
    await panel.locator('[data-testid="activity-description"]').fill('物业公司在小区广场举办中秋游园会');
    await panel.locator('[data-testid="activity-startsAt"]').fill(shanghaiLocal(3, 18));
    await panel.locator('[data-testid="activity-endsAt"]').fill(shanghaiLocal(3, 21));
    await panel.locator('[data-testid="activity-create"]').click();
    const draft = panel.locator('[data-testid="staff-activity"][data-published="false"]', {
      hasText: '中秋游园会',
    });
    await draft.waitFor();
    await draft.locator('[data-testid="activity-publish"]').click();
    await panel
      .locator('[data-testid="staff-activity"][data-published="true"]', { hasText: '中秋游园会' })
      .waitFor();
    await screenshot(consolePage, 'committee-04-activity-published');

    const resident = await suite.pages.open(PHONE, '/#/activities/chunhai');
    const item = resident.locator('[data-testid="public-activity"]', { hasText: '中秋游园会' });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /小区广场/);
    await screenshot(resident, 'committee-05-resident-activities');
  });
});
