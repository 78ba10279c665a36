import assert from 'node:assert/strict';
import { DEFAULT_CALENDAR, validateCalendar } from '@grid-dispatch/domain';

function valid(): Record<string, unknown> {
  return {
    id: 'test',
    timeZoneOffsetMinutes: 480,
    officeHours: [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ],
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: ['2026-10-01'],
    makeUpWorkdays: ['2026-10-10'],
  };
}

function paths(value: unknown): string[] {
  const result = validateCalendar(value);
  return result.ok ? [] : result.errors.map((e) => e.path);
}

describe('calendar: validateCalendar', () => {
  it('accepts a valid calendar and returns a copy', () => {
    const input = valid();
    const result = validateCalendar(input);
    assert.ok(result.ok);
    assert.deepEqual(result.calendar, input);
    assert.notEqual(result.calendar.holidays, input.holidays);
  });

  it('accepts the default calendar', () => {
    assert.ok(validateCalendar(DEFAULT_CALENDAR).ok);
  });

  it('accepts touching periods and a 24:00 end', () => {
    const input = {
      ...valid(),
      officeHours: [
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '24:00' },
      ],
    };
    assert.ok(validateCalendar(input).ok);
  });

  const invalid: Array<[string, Record<string, unknown>, string[]]> = [
    ['missing id', { id: ' ' }, ['id']],
    ['fractional offset', { timeZoneOffsetMinutes: 480.5 }, ['timeZoneOffsetMinutes']],
    ['offset out of range', { timeZoneOffsetMinutes: 900 }, ['timeZoneOffsetMinutes']],
    ['no office hours', { officeHours: [] }, ['officeHours']],
    [
      'bad HH:MM',
      { officeHours: [{ start: '8:30', end: '12:60' }] },
      ['officeHours[0].start', 'officeHours[0].end'],
    ],
    ['24:00 as a start', { officeHours: [{ start: '24:00', end: '24:00' }] }, ['officeHours[0].start']],
    ['end before start', { officeHours: [{ start: '12:00', end: '08:30' }] }, ['officeHours[0].end']],
    [
      'overlapping periods',
      {
        officeHours: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
      },
      ['officeHours[1].start'],
    ],
    [
      'periods out of order',
      {
        officeHours: [
          { start: '13:00', end: '17:30' },
          { start: '08:30', end: '12:00' },
        ],
      },
      ['officeHours[1].start'],
    ],
    ['period not an object', { officeHours: ['08:30-12:00'] }, ['officeHours[0]']],
    ['weekday 0', { workingWeekdays: [0, 1] }, ['workingWeekdays[0]']],
    ['duplicate weekday', { workingWeekdays: [1, 1] }, ['workingWeekdays[1]']],
    ['no working weekday', { workingWeekdays: [] }, ['workingWeekdays']],
    ['impossible date', { holidays: ['2026-02-30'] }, ['holidays[0]']],
    ['malformed date', { holidays: ['2026/10/01'] }, ['holidays[0]']],
    ['duplicate holiday', { holidays: ['2026-10-01', '2026-10-01'] }, ['holidays[1]']],
    ['holidays not an array', { holidays: '2026-10-01' }, ['holidays']],
    [
      'both holiday and make-up',
      { holidays: ['2026-10-01', '2026-10-10'], makeUpWorkdays: ['2026-10-10'] },
      ['makeUpWorkdays[0]'],
    ],
    [
      'make-up day on a working weekday',
      { makeUpWorkdays: ['2026-10-10', '2026-10-12'] },
      ['makeUpWorkdays[1]'],
    ],
  ];
  for (const [name, patch, expected] of invalid) {
    it(`rejects ${name}`, () => assert.deepEqual(paths({ ...valid(), ...patch }), expected));
  }

  it('rejects non-objects', () => {
    assert.deepEqual(paths(null), ['']);
    assert.deepEqual(paths([]), ['']);
  });

  it('explains each error in words', () => {
    const result = validateCalendar({ ...valid(), holidays: ['2026-10-10'], makeUpWorkdays: ['2026-10-10'] });
    assert.ok(!result.ok);
    assert.match(result.errors[0]?.message ?? '', /also listed as a holiday/);
  });
});
