import assert from 'node:assert/strict';
import {
  addWorkingDays,
  addWorkingTime,
  DEFAULT_CALENDAR,
  isWorkingDay,
  officeMsPerDay,
  workingTimeBetween,
} from '@grid-dispatch/domain';

const H = 3_600_000;

function bj(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}

function show(at: Date): string {
  return new Date(at.getTime() + 8 * H).toISOString().slice(0, 16).replace('T', ' ');
}

describe('calendar: addWorkingDays', () => {
  const cases: Array<[string, string, number, string]> = [
    ['next day', '2026-03-02 10:00', 1, '2026-03-03 10:00'],
    ['Friday → Monday', '2026-03-06 10:00', 1, '2026-03-09 10:00'],
    ['P3: 5 working days', '2026-03-02 15:00', 5, '2026-03-09 15:00'],
    ['after closing counts from the next opening', '2026-03-06 18:00', 1, '2026-03-10 08:30'],
    ['from a Saturday', '2026-03-07 10:00', 1, '2026-03-10 08:30'],
    ['from lunch keeps the afternoon opening', '2026-03-02 12:15', 1, '2026-03-03 13:00'],
    ['from an opening', '2026-03-02 08:30', 1, '2026-03-03 08:30'],
    ['over National Day', '2026-09-30 10:00', 1, '2026-10-08 10:00'],
    ['onto make-up Saturday 2026-10-10', '2026-09-30 10:00', 3, '2026-10-10 10:00'],
    ['P4: 15 working days over Spring Festival', '2026-02-10 10:00', 15, '2026-03-09 10:00'],
    ['2026 → 2027', '2026-12-31 10:00', 1, '2027-01-04 10:00'],
    ['2027 Spring Festival (reconstructed data)', '2027-02-04 10:00', 1, '2027-02-15 10:00'],
    ['zero days from office time', '2026-03-02 10:00', 0, '2026-03-02 10:00'],
    ['zero days from a holiday', '2026-10-02 10:00', 0, '2026-10-08 08:30'],
    ['a whole year (248 working days in 2026)', '2025-12-31 10:00', 248, '2026-12-31 10:00'],
  ];
  for (const [name, start, days, expected] of cases) {
    it(`${name}: ${start} + ${days} d → ${expected}`, () => {
      const due = addWorkingDays(DEFAULT_CALENDAR, bj(start), days);
      assert.equal(show(due), expected);
      // Whole working days are always exactly days × one office day of office time.
      assert.equal(
        workingTimeBetween(DEFAULT_CALENDAR, bj(start), due),
        days * officeMsPerDay(DEFAULT_CALENDAR),
      );
    });
  }

  it('differs from addWorkingTime only by a stretch without office time', () => {
    const start = bj('2026-03-02 08:30');
    const byDays = addWorkingDays(DEFAULT_CALENDAR, start, 1);
    const byHours = addWorkingTime(DEFAULT_CALENDAR, start, 8 * H);
    assert.equal(show(byDays), '2026-03-03 08:30');
    assert.equal(show(byHours), '2026-03-02 17:30');
    assert.equal(workingTimeBetween(DEFAULT_CALENDAR, byHours, byDays), 0);
  });

  it('rejects negative and fractional day counts', () => {
    assert.throws(() => addWorkingDays(DEFAULT_CALENDAR, bj('2026-03-02 10:00'), -1), RangeError);
    assert.throws(() => addWorkingDays(DEFAULT_CALENDAR, bj('2026-03-02 10:00'), 1.5), RangeError);
  });
});

describe('calendar: isWorkingDay', () => {
  const cases: Array<[string, boolean]> = [
    ['2026-03-02', true],
    ['2026-03-07', false],
    ['2026-01-01', false],
    ['2026-01-04', true],
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-10-07', false],
    ['2026-10-10', true],
    ['2027-01-01', false],
  ];
  for (const [date, expected] of cases) {
    it(`${date} → ${expected}`, () => assert.equal(isWorkingDay(DEFAULT_CALENDAR, date), expected));
  }

  it('rejects a malformed date', () => {
    assert.throws(() => isWorkingDay(DEFAULT_CALENDAR, '2026-02-30'), RangeError);
  });
});
