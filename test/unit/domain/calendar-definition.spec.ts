import assert from 'node:assert/strict';
import {
  addWorkingTime,
  DEFAULT_CALENDAR,
  defaultCalendarDefinition,
  fixedOffsetMinutes,
  isWorkingDay,
  toWorkingCalendar,
  validateCalendarDefinition,
} from '@grid-dispatch/domain';

const H = 3_600_000;

function valid(): Record<string, unknown> {
  return {
    id: 'test-cal',
    name: { zh: '测试', en: 'Test' },
    timezone: 'Asia/Shanghai',
    officeHours: [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ],
    workingWeekdays: [1, 2, 3, 4, 5],
    years: [
      {
        year: 2026,
        status: 'official',
        source: 'test',
        holidays: [
          { date: '2026-10-02', name: '国庆节' },
          { date: '2026-10-01', name: '国庆节' },
        ],
        makeUpWorkdays: [{ date: '2026-10-10', name: '国庆节调休上班' }],
      },
    ],
  };
}

function paths(change: Record<string, unknown>): string[] {
  const result = validateCalendarDefinition({ ...valid(), ...change });
  return result.ok ? [] : result.errors.map((e) => e.path).sort();
}

function year(holidays: string[], makeUps: string[] = [], y = 2026) {
  return {
    year: y,
    holidays: holidays.map((date) => ({ date, name: 'h' })),
    makeUpWorkdays: makeUps.map((date) => ({ date, name: 'm' })),
  };
}

describe('calendar: validateCalendarDefinition (the admin API and the stored form)', () => {
  it('accepts a valid definition, sorts its dates and flattens it for the arithmetic', () => {
    const result = validateCalendarDefinition(valid());
    assert.ok(result.ok);
    assert.deepEqual(
      result.definition.years[0]?.holidays.map((d) => d.date),
      ['2026-10-01', '2026-10-02'],
    );
    assert.equal(result.calendar.timeZoneOffsetMinutes, 480);
    assert.deepEqual(result.calendar.holidays, ['2026-10-01', '2026-10-02']);
    assert.deepEqual(result.calendar.makeUpWorkdays, ['2026-10-10']);
    assert.ok(Object.isFrozen(result.calendar));
    assert.equal(isWorkingDay(result.calendar, '2026-10-10'), true, 'a make-up Saturday is worked');
    assert.equal(isWorkingDay(result.calendar, '2026-10-01'), false);
  });

  it('defaults the working week to Monday–Friday and a year to official', () => {
    const { workingWeekdays: _w, ...rest } = valid();
    const result = validateCalendarDefinition({ ...rest, years: [year(['2026-10-01'])] });
    assert.ok(result.ok);
    assert.deepEqual(result.definition.workingWeekdays, [1, 2, 3, 4, 5]);
    assert.equal(result.definition.years[0]?.status, 'official');
  });

  const cases: [string, Record<string, unknown>, string[]][] = [
    ['a bad id', { id: 'Not An Id' }, ['id']],
    ['a missing name', { name: { zh: '测试' } }, ['name.en']],
    ['an unknown zone', { timezone: 'Mars/Olympus' }, ['timezone']],
    ['a zone with daylight-saving time', { timezone: 'Europe/Berlin' }, ['timezone']],
    ['no office hours', { officeHours: [] }, ['officeHours']],
    [
      'a time that is not HH:MM',
      { officeHours: [{ start: '8:30', end: '12:00' }] },
      ['officeHours[0].start'],
    ],
    ['an hour 25', { officeHours: [{ start: '08:30', end: '25:00' }] }, ['officeHours[0].end']],
    ['an end before its start', { officeHours: [{ start: '12:00', end: '08:30' }] }, ['officeHours[0].end']],
    [
      'overlapping periods',
      {
        officeHours: [
          { start: '08:30', end: '12:00' },
          { start: '11:30', end: '17:30' },
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
    ['a weekday 8', { workingWeekdays: [1, 8] }, ['workingWeekdays[1]']],
    ['a date that does not exist', { years: [year(['2026-02-30'])] }, ['years[0].holidays[0].date']],
    ['a date in another year', { years: [year(['2027-01-01'])] }, ['years[0].holidays[0].date']],
    ['a date given twice', { years: [year(['2026-10-01', '2026-10-01'])] }, ['years[0].holidays[1].date']],
    [
      'a day both holiday and make-up day',
      { years: [year(['2026-10-10'], ['2026-10-10'])] },
      ['years[0].makeUpWorkdays[0].date'],
    ],
    [
      'a make-up day on a working weekday (Thursday)',
      { years: [year([], ['2026-10-08'])] },
      ['years[0].makeUpWorkdays[0].date'],
    ],
    ['a year listed twice', { years: [year([]), year([])] }, ['years[1].year']],
    ['a year that is not a year', { years: [{ ...year([]), year: 20261 }] }, ['years[0].year']],
    ['an unknown status', { years: [{ ...year([]), status: 'rumoured' }] }, ['years[0].status']],
    [
      'a day without a name',
      { years: [{ ...year([]), holidays: [{ date: '2026-10-01' }] }] },
      ['years[0].holidays[0].name'],
    ],
  ];
  for (const [what, change, expected] of cases) {
    it(`refuses ${what}: ${expected.join(', ')}`, () => assert.deepEqual(paths(change), expected));
  }

  it('reports every problem at once', () => {
    assert.deepEqual(
      paths({
        timezone: 'Nope/Nope',
        officeHours: [{ start: '09:00', end: '08:00' }],
        years: [year(['2026-13-01'], ['2026-10-08'])],
      }),
      ['officeHours[0].end', 'timezone', 'years[0].holidays[0].date', 'years[0].makeUpWorkdays[0].date'],
    );
  });

  it('refuses what is not an object', () => {
    assert.equal(validateCalendarDefinition(null).ok, false);
    assert.equal(validateCalendarDefinition([]).ok, false);
    assert.throws(() => toWorkingCalendar({}), RangeError);
  });
});

describe('calendar: the shipped definition (seeded as cn-default)', () => {
  it('is exactly DEFAULT_CALENDAR once flattened', () => {
    assert.deepEqual(toWorkingCalendar(defaultCalendarDefinition()), DEFAULT_CALENDAR);
  });

  it('names every day and keeps 2027 marked as reconstructed', () => {
    const def = defaultCalendarDefinition();
    assert.deepEqual(
      def.years.map((y) => [y.year, y.status]),
      [
        [2026, 'official'],
        [2027, 'reconstructed'],
      ],
    );
    const national = def.years[0]?.holidays.filter((d) => d.name === '国庆节').map((d) => d.date);
    assert.deepEqual(national, [
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    assert.ok(def.years.every((y) => y.makeUpWorkdays.every((d) => d.name.endsWith('调休上班'))));
  });

  it('changes deadlines when the data changes (a pure function of the calendar given)', () => {
    const start = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 Beijing
    const shipped = toWorkingCalendar(defaultCalendarDefinition());
    assert.equal(addWorkingTime(shipped, start, 4 * H).toISOString(), '2026-03-02T07:00:00.000Z'); // 15:00
    const holiday = toWorkingCalendar({
      ...defaultCalendarDefinition(),
      years: [year(['2026-03-02'])],
    });
    assert.equal(addWorkingTime(holiday, start, 4 * H).toISOString(), '2026-03-03T05:30:00.000Z'); // Tue 13:30
  });
});

describe('calendar: fixedOffsetMinutes', () => {
  it('reads fixed offsets and refuses daylight-saving zones', () => {
    assert.equal(fixedOffsetMinutes('Asia/Shanghai'), 480);
    assert.equal(fixedOffsetMinutes('UTC'), 0);
    assert.equal(fixedOffsetMinutes('Asia/Kolkata'), 330);
    assert.equal(fixedOffsetMinutes('America/Bogota'), -300);
    assert.match(String(fixedOffsetMinutes('America/New_York')), /daylight-saving/);
    assert.match(String(fixedOffsetMinutes('Nope/Nope')), /unknown time zone/);
  });
});
