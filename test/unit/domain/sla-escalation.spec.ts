import assert from 'node:assert/strict';
import { ESCALATION_LEVELS, escalationSchedule, nextEscalationLevel } from '@grid-dispatch/domain';

const H = 3_600_000;
const due = new Date('2026-03-09T02:00:00.000Z');

describe('sla: escalation ladder', () => {
  it('climbs unit → community → subdistrict → district', () => {
    assert.deepEqual([...ESCALATION_LEVELS], ['unit', 'community', 'subdistrict', 'district']);
  });

  const next: Array<[number, number]> = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 3],
  ];
  for (const [level, expected] of next) {
    it(`nextEscalationLevel(${level}) → ${expected}`, () =>
      assert.equal(nextEscalationLevel(level), expected));
  }

  it('rejects levels outside the ladder', () => {
    for (const bad of [-1, 4, 1.5, Number.NaN]) {
      assert.throws(() => nextEscalationLevel(bad), RangeError, String(bad));
    }
  });

  const schedules: Array<[number, Array<[number, string, number]>]> = [
    [
      0,
      [
        [1, 'community', 0],
        [2, 'subdistrict', 1],
        [3, 'district', 2],
      ],
    ],
    [
      1,
      [
        [2, 'subdistrict', 0],
        [3, 'district', 1],
      ],
    ],
    [2, [[3, 'district', 0]]],
    [3, []],
  ];
  for (const [level, expected] of schedules) {
    it(`escalationSchedule from level ${level}`, () => {
      const steps = escalationSchedule(due, 4 * H, level);
      assert.deepEqual(
        steps.map((s) => [s.level, s.name, s.at.toISOString()]),
        expected.map(([l, name, lapses]) => [
          l,
          name,
          new Date(due.getTime() + lapses * 4 * H).toISOString(),
        ]),
      );
    });
  }

  it('rejects a non-positive interval', () => {
    assert.throws(() => escalationSchedule(due, 0, 0), RangeError);
    assert.throws(() => escalationSchedule(due, -H, 0), RangeError);
  });
});
