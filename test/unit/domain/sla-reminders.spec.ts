import assert from 'node:assert/strict';
import {
  type ClockSpec,
  computeDueAt,
  DEFAULT_CALENDAR,
  isWorkingInstant,
  reminderInstants,
} from '@grid-dispatch/domain';

const H = 3_600_000;
const D = 86_400_000;

function bj(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}

function show(at: Date): string {
  return new Date(at.getTime() + 8 * H).toISOString().slice(0, 16).replace('T', ' ');
}

function reminders(spec: ClockSpec, start: string, fractions: number[]): string[] {
  const due = computeDueAt(spec, bj(start), DEFAULT_CALENDAR);
  return reminderInstants(spec, bj(start), due, fractions, DEFAULT_CALENDAR).map((r) => show(r.at));
}

describe('sla: reminderInstants', () => {
  it('splits a calendar clock in calendar time', () => {
    const spec: ClockSpec = { kind: 'calendar', durationMs: 4 * H };
    assert.deepEqual(reminders(spec, '2026-10-01 22:00', [0.5, 0.8, 1]), [
      '2026-10-02 00:00',
      '2026-10-02 01:12',
      '2026-10-02 02:00',
    ]);
  });

  it('puts the 50 % reminder of a P3 sign limit inside office hours', () => {
    const spec: ClockSpec = { kind: 'working', durationMs: 4 * H };
    const start = bj('2026-03-06 16:00'); // Friday: 1.5 h today, 2.5 h on Monday
    const due = computeDueAt(spec, start, DEFAULT_CALENDAR);
    const [half, late] = reminderInstants(spec, start, due, [0.5, 0.8], DEFAULT_CALENDAR);
    assert.equal(show(half?.at as Date), '2026-03-09 09:00');
    assert.equal(show(late?.at as Date), '2026-03-09 10:12');
    assert.ok(isWorkingInstant(DEFAULT_CALENDAR, half?.at as Date));
  });

  it('splits working days by office time, skipping the weekend', () => {
    const spec: ClockSpec = { kind: 'working', durationMs: 5 * D, workingDays: 5 };
    // 40 office hours from Thu 10:00 to the next Thu 10:00; 50 % = 20 h = 6.5 h Thu + 8 h Fri + 5.5 h Mon.
    assert.deepEqual(reminders(spec, '2026-03-05 10:00', [0.5, 1]), ['2026-03-09 15:00', '2026-03-12 10:00']);
  });

  it('returns dueAt itself for fraction 1 even when dueAt is an opening', () => {
    const spec: ClockSpec = { kind: 'working', durationMs: D, workingDays: 1 };
    assert.deepEqual(reminders(spec, '2026-03-06 08:30', [1]), ['2026-03-09 08:30']);
  });

  it('keeps the order of the fractions given and echoes them', () => {
    const spec: ClockSpec = { kind: 'calendar', durationMs: 10 * H };
    const due = computeDueAt(spec, bj('2026-03-02 00:00'), DEFAULT_CALENDAR);
    const result = reminderInstants(spec, bj('2026-03-02 00:00'), due, [0.8, 0.5], DEFAULT_CALENDAR);
    assert.deepEqual(
      result.map((r) => [r.fraction, show(r.at)]),
      [
        [0.8, '2026-03-02 08:00'],
        [0.5, '2026-03-02 05:00'],
      ],
    );
  });

  it('rejects fractions outside [0, 1]', () => {
    const spec: ClockSpec = { kind: 'calendar', durationMs: H };
    const start = bj('2026-03-02 10:00');
    assert.throws(() => reminderInstants(spec, start, start, [1.5], DEFAULT_CALENDAR), RangeError);
    assert.throws(() => reminderInstants(spec, start, start, [Number.NaN], DEFAULT_CALENDAR), RangeError);
  });
});
