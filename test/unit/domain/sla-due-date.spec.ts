import assert from 'node:assert/strict';
import { type ClockSpec, computeDueAt, DEFAULT_CALENDAR } from '@grid-dispatch/domain';

const MIN = 60_000;
const H = 3_600_000;
const D = 86_400_000;

function bj(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}

function show(at: Date): string {
  return new Date(at.getTime() + 8 * H).toISOString().slice(0, 16).replace('T', ' ');
}

describe('sla: computeDueAt', () => {
  const cases: Array<[string, ClockSpec, string, string]> = [
    [
      'P1 sign, 15 min calendar',
      { kind: 'calendar', durationMs: 15 * MIN },
      '2026-10-01 23:50',
      '2026-10-02 00:05',
    ],
    [
      'P1 fix, 4 h calendar over a holiday night',
      { kind: 'calendar', durationMs: 4 * H },
      '2026-10-01 22:00',
      '2026-10-02 02:00',
    ],
    [
      'P2 fix, 24 h calendar over a weekend',
      { kind: 'calendar', durationMs: 24 * H },
      '2026-03-07 10:00',
      '2026-03-08 10:00',
    ],
    [
      'P3 sign, 4 working h from Friday afternoon',
      { kind: 'working', durationMs: 4 * H },
      '2026-03-06 15:00',
      '2026-03-09 10:00',
    ],
    [
      'P3 sign, 4 working h from Saturday night',
      { kind: 'working', durationMs: 4 * H },
      '2026-03-07 22:00',
      '2026-03-09 13:30',
    ],
    [
      'P3 fix, 5 working days',
      { kind: 'working', durationMs: 5 * D, workingDays: 5 },
      '2026-03-02 15:00',
      '2026-03-09 15:00',
    ],
    [
      'P4 sign, 1 working day before National Day',
      { kind: 'working', durationMs: D, workingDays: 1 },
      '2026-09-30 11:00',
      '2026-10-08 11:00',
    ],
    [
      'P4 fix, 15 working days over Spring Festival',
      { kind: 'working', durationMs: 15 * D, workingDays: 15 },
      '2026-02-10 10:00',
      '2026-03-09 10:00',
    ],
    [
      'workingDays is ignored on a calendar clock',
      { kind: 'calendar', durationMs: D, workingDays: 1 },
      '2026-03-06 10:00',
      '2026-03-07 10:00',
    ],
  ];
  for (const [name, spec, start, expected] of cases) {
    it(`${name}: ${start} → ${expected}`, () => {
      assert.equal(show(computeDueAt(spec, bj(start), DEFAULT_CALENDAR)), expected);
    });
  }

  it('rejects a negative duration on either clock', () => {
    assert.throws(
      () => computeDueAt({ kind: 'calendar', durationMs: -1 }, bj('2026-03-02 10:00'), DEFAULT_CALENDAR),
      RangeError,
    );
    assert.throws(
      () => computeDueAt({ kind: 'working', durationMs: -1 }, bj('2026-03-02 10:00'), DEFAULT_CALENDAR),
      RangeError,
    );
  });
});
