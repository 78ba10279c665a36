import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

const input = loadWebModule<{
  datetimeLocalValue(at: string | number | Date): string;
  instantFromDatetimeLocal(value: string): string;
}>('lib/datetime-input');
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

/** What the pages show and take in is the district's time, whatever the browser's own zone. */
describe('web: the district’s time in a browser anywhere', () => {
  it('fills a datetime-local input with the district’s time, to the minute', () => {
    inZones((tz) => {
      // An extension's suggestion: a day after a fix deadline of 09:30 on 1 May in the district.
      assert.equal(
        input.datetimeLocalValue(Date.parse('2026-05-01T01:30:45Z') + 86_400_000),
        '2026-05-02T09:30',
        tz,
      );
      assert.equal(input.datetimeLocalValue('2026-12-31T16:00:00Z'), '2027-01-01T00:00', tz);
      assert.equal(input.datetimeLocalValue(new Date('2026-11-27T15:59:00Z')), '2026-11-27T23:59', tz);
      assert.equal(input.datetimeLocalValue('not a date'), '', tz);
    });
  });

  it('reads what was typed as the district’s time', () => {
    inZones((tz) => {
      assert.equal(input.instantFromDatetimeLocal('2026-05-02T09:30'), '2026-05-02T01:30:00.000Z', tz);
      assert.equal(input.instantFromDatetimeLocal('2027-01-01T00:00'), '2026-12-31T16:00:00.000Z', tz);
      // A milestone due at 18:00 on its day.
      assert.equal(input.instantFromDatetimeLocal('2026-06-15T18:00'), '2026-06-15T10:00:00.000Z', tz);
      // The suggestion read back is the instant it was made from.
      const due = '2026-03-14T21:07:00.000Z';
      assert.equal(input.instantFromDatetimeLocal(input.datetimeLocalValue(due)), due, tz);
    });
  });

  it('leaves an empty or unreadable input empty, for the form or the server to name', () => {
    for (const value of ['', 'T18:00', '2026-02-30T09:00', 'soon']) {
      assert.equal(input.instantFromDatetimeLocal(value), '', value);
    }
  });

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
