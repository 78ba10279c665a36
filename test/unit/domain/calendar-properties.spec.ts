import assert from 'node:assert/strict';
import {
  addWorkingTime,
  DEFAULT_CALENDAR,
  isWorkingInstant,
  workingTimeBetween,
} from '@grid-dispatch/domain';
import { seededRandom } from '../../support/seeded-random';

const H = 3_600_000;
const DAY = 86_400_000;
const BJ = 8 * H;

/** Straightforward day-by-day office time in [from, to), written independently of the package. */
function referenceBetween(from: number, to: number): number {
  const holidays = new Set(DEFAULT_CALENDAR.holidays);
  const makeUps = new Set(DEFAULT_CALENDAR.makeUpWorkdays);
  const periods = [
    [8.5 * H, 12 * H],
    [13 * H, 17.5 * H],
  ] as const;
  let total = 0;
  for (let day = Math.floor((from + BJ) / DAY); day * DAY - BJ < to; day += 1) {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    const weekday = new Date(day * DAY).getUTCDay();
    const working = makeUps.has(date) || (!holidays.has(date) && weekday >= 1 && weekday <= 5);
    if (!working) continue;
    for (const [open, close] of periods) {
      const a = Math.max(from, day * DAY - BJ + open);
      const b = Math.min(to, day * DAY - BJ + close);
      if (b > a) total += b - a;
    }
  }
  return total;
}

// Mid-2025 to mid-2028: inside the holiday data and on both sides of it.
const RANGE_START = Date.parse('2025-06-01T00:00:00+08:00');
const RANGE_MS = 3 * 365 * DAY;

describe('calendar: properties over random instants', () => {
  it('workingTimeBetween agrees with a day-by-day reference (2,000 random intervals)', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 2_000; i += 1) {
      const from = RANGE_START + Math.floor(random() * RANGE_MS);
      const to = from + Math.floor(random() * 60 * DAY);
      assert.equal(
        workingTimeBetween(DEFAULT_CALENDAR, new Date(from), new Date(to)),
        referenceBetween(from, to),
        `${new Date(from).toISOString()} → ${new Date(to).toISOString()}`,
      );
    }
  });

  it('10,000 random addWorkingTime calls finish fast and invert with workingTimeBetween', () => {
    const random = seededRandom(7);
    const starts: Date[] = [];
    const durations: number[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      starts.push(new Date(RANGE_START + Math.floor(random() * RANGE_MS)));
      // Up to 40 working days of office time, often a whole number of minutes as real limits are.
      const duration = Math.floor(random() * 40 * 8 * H);
      durations.push(i % 2 === 0 ? duration - (duration % 60_000) : duration);
    }
    const began = process.hrtime.bigint();
    const results = starts.map((start, i) => addWorkingTime(DEFAULT_CALENDAR, start, durations[i] as number));
    const elapsedMs = Number(process.hrtime.bigint() - began) / 1e6;
    // Typically a few ms; the bound only catches an accidental minute-by-minute walk.
    assert.ok(elapsedMs < 500, `10,000 calls took ${elapsedMs.toFixed(1)} ms`);

    results.forEach((due, i) => {
      const start = starts[i] as Date;
      const duration = durations[i] as number;
      assert.equal(
        workingTimeBetween(DEFAULT_CALENDAR, start, due),
        duration,
        `#${i} from ${start.toISOString()}`,
      );
      assert.ok(due.getTime() >= start.getTime());
      if (duration > 0) {
        // Never in a gap: the last millisecond counted is office time.
        assert.ok(isWorkingInstant(DEFAULT_CALENDAR, new Date(due.getTime() - 1)), `#${i} ends in a gap`);
      } else {
        assert.ok(isWorkingInstant(DEFAULT_CALENDAR, due));
      }
    });
  });
});
