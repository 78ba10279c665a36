import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

const format = loadWebModule<{
  formatDateTime(iso: string | number | Date, lang?: 'zh' | 'en'): string;
  formatTime(iso: string | number | Date): string;
}>('lib/format');
const calendarYear = loadWebModule<{
  nextYearDraft(today: Date): { year: string; holidays: string; makeUp: string };
}>('admin/calendar-year');

/** Runs `check` with the process (standing in for the browser) in each of some zones far from UTC+8. */
function inZones(check: (tz: string) => void): void {
  const zone = process.env.TZ;
  try {
    for (const tz of ['America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      check(tz);
    }
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
}

/** What the pages show is the district's time, whatever the browser's own zone. */
describe('web: the district’s time in a browser anywhere', () => {
  it('shows dates and times in the district’s time', () => {
    inZones((tz) => {
      assert.equal(format.formatDateTime('2026-11-27T16:30:00Z'), '2026-11-28 00:30', tz);
      assert.equal(format.formatDateTime('2026-11-27T16:30:00Z', 'en'), '2026-11-28 00:30 (CST)', tz);
      assert.equal(format.formatTime('2026-11-27T15:59:00Z'), '23:59', tz);
      assert.equal(format.formatTime('nonsense'), '', tz);
    });
  });

  it('offers the year after the district’s current one for a new calendar year', () => {
    inZones((tz) => {
      // 17:00 UTC on New Year's Eve: already 2027 in the district, still 2026 in Los Angeles.
      assert.equal(calendarYear.nextYearDraft(new Date('2026-12-31T17:00:00Z')).year, '2028', tz);
      assert.equal(calendarYear.nextYearDraft(new Date('2026-12-31T15:00:00Z')).year, '2027', tz);
    });
  });
});
