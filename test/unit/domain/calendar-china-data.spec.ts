import assert from 'node:assert/strict';
import {
  CHINA_2026,
  CHINA_2027,
  CHINA_HOLIDAY_YEARS,
  DEFAULT_CALENDAR,
  type HolidayYear,
  holidayDates,
  isWorkingDay,
  makeUpDates,
} from '@grid-dispatch/domain';

/** ISO weekday of a 'YYYY-MM-DD' date, computed independently of the package. */
function weekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function allDates(year: number): string[] {
  const dates: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

function checkYear(data: HolidayYear): void {
  it('has the seven festivals of the notice', () => {
    assert.deepEqual(
      data.festivals.map((f) => f.name),
      ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'],
    );
  });

  it('makes up only on weekends, never on a holiday, at most two per festival', () => {
    for (const festival of data.festivals) {
      assert.ok(festival.makeUpWorkdays.length <= 2, festival.name);
      for (const date of festival.makeUpWorkdays) {
        assert.ok(weekday(date) >= 6, `${date} is not a weekend day`);
        assert.ok(!holidayDates(data).includes(date), `${date} is also a holiday`);
      }
    }
  });

  it('keeps every date inside its year', () => {
    for (const date of [...holidayDates(data), ...makeUpDates(data)]) {
      assert.ok(date.startsWith(`${data.year}-`), date);
    }
  });
}

describe('calendar: China 2026 (official)', () => {
  checkYear(CHINA_2026);

  it('is marked official', () => assert.equal(CHINA_2026.status, 'official'));

  it('matches the lengths stated in the notice (共N天)', () => {
    const lengths = CHINA_2026.festivals.map((f) => holidayDates({ ...CHINA_2026, festivals: [f] }).length);
    assert.deepEqual(lengths, [3, 9, 3, 5, 3, 3, 7]);
  });

  it('has the make-up days of the notice', () => {
    assert.deepEqual(makeUpDates(CHINA_2026), [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('has 248 working days, counted day by day', () => {
    const working = allDates(2026).filter((date) => isWorkingDay(DEFAULT_CALENDAR, date));
    const holidays = new Set(holidayDates(CHINA_2026));
    const makeUps = new Set(makeUpDates(CHINA_2026));
    const expected = allDates(2026).filter((d) => makeUps.has(d) || (!holidays.has(d) && weekday(d) <= 5));
    assert.deepEqual(working, expected);
    assert.equal(working.length, 248);
  });
});

describe('calendar: China 2027 (reconstructed)', () => {
  checkYear(CHINA_2027);

  it('is marked reconstructed, not official', () => {
    assert.equal(CHINA_2027.status, 'reconstructed');
    assert.match(CHINA_2027.source, /no 2027 State Council notice/);
  });

  it('starts Spring Festival on New Year’s Eve (Fri 2027-02-05)', () => {
    const spring = CHINA_2027.festivals.find((f) => f.name === '春节');
    assert.equal(spring?.from, '2027-02-05');
  });
});

describe('calendar: DEFAULT_CALENDAR', () => {
  it('covers 2026 and 2027 in order', () => {
    assert.deepEqual(
      CHINA_HOLIDAY_YEARS.map((y) => y.year),
      [2026, 2027],
    );
  });

  it('is Beijing time, Monday–Friday, 08:30–12:00 and 13:00–17:30', () => {
    assert.equal(DEFAULT_CALENDAR.timeZoneOffsetMinutes, 480);
    assert.deepEqual(DEFAULT_CALENDAR.workingWeekdays, [1, 2, 3, 4, 5]);
    assert.deepEqual(DEFAULT_CALENDAR.officeHours, [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
  });

  it('is frozen so the cached compiled form cannot go stale', () => {
    assert.ok(Object.isFrozen(DEFAULT_CALENDAR));
    assert.ok(Object.isFrozen(DEFAULT_CALENDAR.holidays));
  });
});
