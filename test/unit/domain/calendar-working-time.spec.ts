import assert from 'node:assert/strict';
import {
  addWorkingTime,
  DEFAULT_CALENDAR,
  isWorkingInstant,
  nextWorkingInstant,
  officeMsPerDay,
  type WorkingCalendar,
  workingTimeBetween,
} from '@grid-dispatch/domain';

const H = 3_600_000;
const MIN = 60_000;

/** Beijing wall-clock time → instant. */
function bj(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}

/** Instant → Beijing wall-clock text, for readable assertion messages. */
function show(at: Date): string {
  return new Date(at.getTime() + 8 * H).toISOString().slice(0, 16).replace('T', ' ');
}

describe('calendar: isWorkingInstant', () => {
  const cases: Array<[string, Date, boolean]> = [
    ['one ms before opening', new Date(bj('2026-03-02 08:30').getTime() - 1), false],
    ['at opening', bj('2026-03-02 08:30'), true],
    ['one ms before lunch', new Date(bj('2026-03-02 12:00').getTime() - 1), true],
    ['at lunch', bj('2026-03-02 12:00'), false],
    ['after lunch', bj('2026-03-02 13:00'), true],
    ['at closing', bj('2026-03-02 17:30'), false],
    ['a Saturday', bj('2026-03-07 10:00'), false],
    ['National Day (Thursday)', bj('2026-10-01 10:00'), false],
    ['make-up Sunday 2026-09-20', bj('2026-09-20 10:00'), true],
    ['make-up Saturday 2026-10-10', bj('2026-10-10 10:00'), true],
    ['New Year 2027', bj('2027-01-01 10:00'), false],
  ];
  for (const [name, at, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(isWorkingInstant(DEFAULT_CALENDAR, at), expected));
  }
});

describe('calendar: addWorkingTime', () => {
  const cases: Array<[string, string, number, string]> = [
    ['within the morning', '2026-03-02 09:00', 2 * H, '2026-03-02 11:00'],
    ['across lunch', '2026-03-02 11:00', 2 * H, '2026-03-02 14:00'],
    ['ending exactly at lunch stays at 12:00', '2026-03-02 08:30', 3.5 * H, '2026-03-02 12:00'],
    ['ending exactly at closing stays at 17:30', '2026-03-02 08:30', 8 * H, '2026-03-02 17:30'],
    ['overnight', '2026-03-02 16:30', 2 * H, '2026-03-03 09:30'],
    ['Friday → Monday', '2026-03-06 16:00', 3 * H, '2026-03-09 10:00'],
    ['start before opening', '2026-03-02 07:00', 1 * H, '2026-03-02 09:30'],
    ['start inside lunch', '2026-03-02 12:15', 1 * H, '2026-03-02 14:00'],
    ['start exactly at closing', '2026-03-06 17:30', 1 * H, '2026-03-09 09:30'],
    ['start on a Saturday', '2026-03-07 10:00', 4 * H, '2026-03-09 13:30'],
    ['over National Day week', '2026-09-30 16:30', 2 * H, '2026-10-08 09:30'],
    ['onto make-up Sunday 2026-09-20', '2026-09-19 10:00', 1 * H, '2026-09-20 09:30'],
    ['onto make-up Saturday 2026-10-10', '2026-10-09 17:00', 1 * H, '2026-10-10 09:00'],
    ['2025 → 2026 lands on make-up Sunday 01-04', '2025-12-31 17:00', 1 * H, '2026-01-04 09:00'],
    ['2026 → 2027 skips New Year', '2026-12-31 17:00', 1 * H, '2027-01-04 09:00'],
    ['over Spring Festival incl. make-up Saturday', '2026-02-13 09:00', 24 * H, '2026-02-25 09:00'],
    ['15 working days of hours', '2026-03-02 08:30', 120 * H, '2026-03-20 17:30'],
    ['one minute', '2026-03-02 11:59', 1 * MIN, '2026-03-02 12:00'],
    ['zero inside office hours', '2026-03-02 10:00', 0, '2026-03-02 10:00'],
    ['zero inside lunch → afternoon opening', '2026-03-02 12:15', 0, '2026-03-02 13:00'],
    ['zero at closing → next opening', '2026-03-02 17:30', 0, '2026-03-03 08:30'],
    ['zero on a holiday → next opening', '2026-10-03 10:00', 0, '2026-10-08 08:30'],
  ];
  for (const [name, start, duration, expected] of cases) {
    it(`${name}: ${start} + ${duration / H} h → ${expected}`, () => {
      const due = addWorkingTime(DEFAULT_CALENDAR, bj(start), duration);
      assert.equal(show(due), expected);
      assert.equal(workingTimeBetween(DEFAULT_CALENDAR, bj(start), due), duration);
    });
  }

  it('handles a year of office time (248 working days in 2026)', () => {
    const due = addWorkingTime(DEFAULT_CALENDAR, bj('2026-01-01 00:00'), 248 * 8 * H);
    assert.equal(show(due), '2026-12-31 17:30');
  });

  it('keeps sub-minute precision', () => {
    // 0.5 s before lunch plus 0.5 s after it.
    const start = new Date(bj('2026-03-02 11:59').getTime() + 59_500);
    assert.equal(addWorkingTime(DEFAULT_CALENDAR, start, 1_000).toISOString(), '2026-03-02T05:00:00.500Z');
  });

  it('rejects negative, NaN and infinite durations, and invalid dates', () => {
    assert.throws(() => addWorkingTime(DEFAULT_CALENDAR, bj('2026-03-02 10:00'), -1), RangeError);
    assert.throws(() => addWorkingTime(DEFAULT_CALENDAR, bj('2026-03-02 10:00'), Number.NaN), RangeError);
    assert.throws(() => addWorkingTime(DEFAULT_CALENDAR, bj('2026-03-02 10:00'), Infinity), RangeError);
    assert.throws(() => addWorkingTime(DEFAULT_CALENDAR, new Date('nope'), 1), TypeError);
  });
});

describe('calendar: workingTimeBetween', () => {
  const cases: Array<[string, string, string, number]> = [
    ['a full day', '2026-03-02 08:30', '2026-03-02 17:30', 8 * H],
    ['across lunch', '2026-03-02 11:00', '2026-03-02 14:00', 2 * H],
    ['lunch only', '2026-03-02 12:00', '2026-03-02 13:00', 0],
    ['Friday → Monday', '2026-03-06 16:00', '2026-03-09 10:00', 3 * H],
    ['a normal week', '2026-03-02 00:00', '2026-03-09 00:00', 40 * H],
    ['two weeks around National Day (with make-up Saturday)', '2026-09-28 00:00', '2026-10-12 00:00', 48 * H],
    ['make-up Sunday 2026-09-20', '2026-09-20 00:00', '2026-09-21 00:00', 8 * H],
    ['2026 → 2027 boundary', '2026-12-31 12:00', '2027-01-04 12:00', 8 * H],
    ['a whole weekend', '2026-03-07 00:00', '2026-03-09 00:00', 0],
    ['reversed interval', '2026-03-03 10:00', '2026-03-02 10:00', 0],
    ['empty interval', '2026-03-02 10:00', '2026-03-02 10:00', 0],
  ];
  for (const [name, from, to, expected] of cases) {
    it(`${name} → ${expected / H} h`, () => {
      assert.equal(workingTimeBetween(DEFAULT_CALENDAR, bj(from), bj(to)), expected);
    });
  }
});

describe('calendar: nextWorkingInstant and officeMsPerDay', () => {
  it('returns office instants unchanged and moves others to the next opening', () => {
    assert.equal(show(nextWorkingInstant(DEFAULT_CALENDAR, bj('2026-03-02 10:00'))), '2026-03-02 10:00');
    assert.equal(show(nextWorkingInstant(DEFAULT_CALENDAR, bj('2026-03-02 12:30'))), '2026-03-02 13:00');
    assert.equal(show(nextWorkingInstant(DEFAULT_CALENDAR, bj('2026-02-13 18:00'))), '2026-02-14 08:30');
    assert.equal(show(nextWorkingInstant(DEFAULT_CALENDAR, bj('2026-02-14 18:00'))), '2026-02-24 08:30');
  });

  it('counts 8 office hours per default working day', () => {
    assert.equal(officeMsPerDay(DEFAULT_CALENDAR), 8 * H);
  });
});

describe('calendar: other shapes of calendar', () => {
  // A UTC office open 09:00–17:00 Sunday to Thursday, with one holiday and one make-up Friday.
  const gulf: WorkingCalendar = {
    id: 'utc-sun-thu',
    timeZoneOffsetMinutes: 0,
    officeHours: [{ start: '09:00', end: '17:00' }],
    workingWeekdays: [7, 1, 2, 3, 4],
    holidays: ['2026-03-03'],
    makeUpWorkdays: ['2026-03-06'],
  };

  it('uses its own zone, weekdays and exceptions', () => {
    // Mon 2026-03-02 16:00Z + 2 h: 1 h Monday, Tuesday is a holiday, 1 h Wednesday.
    assert.equal(
      addWorkingTime(gulf, new Date('2026-03-02T16:00Z'), 2 * H).toISOString(),
      '2026-03-04T10:00:00.000Z',
    );
    // Thu 16:00Z + 2 h: Friday 03-06 is a make-up day.
    assert.equal(
      addWorkingTime(gulf, new Date('2026-03-05T16:00Z'), 2 * H).toISOString(),
      '2026-03-06T10:00:00.000Z',
    );
    // Fri 03-13 is a normal Friday off; Saturday off; Sunday works.
    assert.equal(
      addWorkingTime(gulf, new Date('2026-03-12T16:00Z'), 2 * H).toISOString(),
      '2026-03-15T10:00:00.000Z',
    );
  });

  it('supports a round-the-clock calendar ending at 24:00', () => {
    const always: WorkingCalendar = {
      id: 'always',
      timeZoneOffsetMinutes: 480,
      officeHours: [{ start: '00:00', end: '24:00' }],
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
      holidays: [],
      makeUpWorkdays: [],
    };
    const start = bj('2026-03-07 23:00');
    assert.equal(addWorkingTime(always, start, 50 * H).getTime(), start.getTime() + 50 * H);
    assert.equal(workingTimeBetween(always, start, bj('2026-03-09 23:00')), 48 * H);
  });

  it('works before 1970 too (negative epoch days)', () => {
    const due = addWorkingTime(DEFAULT_CALENDAR, bj('1969-12-31 17:00'), 1 * H);
    assert.equal(show(due), '1970-01-01 09:00');
  });

  it('refuses an invalid calendar with the reasons', () => {
    const broken = { ...gulf, officeHours: [{ start: '18:00', end: '09:00' }] };
    assert.throws(() => addWorkingTime(broken, new Date(), 1), /officeHours\[0\]\.end/);
  });
});
