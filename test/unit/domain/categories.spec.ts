import assert from 'node:assert/strict';
import {
  DEFAULT_LIMITS,
  defaultClockFor,
  formatIsoDuration,
  isIsoDuration,
  PRIORITIES,
  parseIsoDuration,
  parseIsoDurationParts,
} from '@grid-dispatch/domain';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('domain/categories ISO-8601 durations', () => {
  const good: Array<[string, number]> = [
    ['PT15M', 15 * M],
    ['PT4H', 4 * H],
    ['PT24H', 24 * H],
    ['P5D', 5 * D],
    ['P15D', 15 * D],
    ['P1D', D],
    ['PT3S', 3 * S],
    ['PT0S', 0],
    ['PT0.5S', 500],
    ['PT1,5S', 1500],
    ['PT1.5H', 1.5 * H],
    ['P1DT2H30M', D + 2 * H + 30 * M],
    ['P1DT0.25S', D + 250],
    ['PT1H0M1S', H + S],
    ['P2W', 14 * D],
    ['P0.5W', 3.5 * D],
    ['P1.5D', 36 * H],
    ['PT0.0004S', 0],
  ];
  for (const [text, ms] of good) {
    it(`parses ${text} as ${ms} ms`, () => {
      assert.equal(parseIsoDuration(text), ms);
      assert.equal(isIsoDuration(text), true);
    });
  }

  const bad: Array<[string, RegExp]> = [
    ['', /must start with 'P'/],
    ['15M', /must start with 'P'/],
    ['pt15m', /must start with 'P'/],
    ['P', /no components/],
    ['PT', /'T' must be followed/],
    ['P1DT', /'T' must be followed/],
    ['P1Y', /years and months/],
    ['P1M', /years and months/],
    ['P1Y2M3DT4H', /years and months/],
    ['-PT1H', /negative/],
    ['PT-1H', /negative/],
    ['P1W2D', /weeks cannot be combined/],
    ['P1.5DT2H', /only the smallest component/],
    ['PT1.5H30M', /only the smallest component/],
    ['PT1H2H', /expected the form/],
    ['PT1S1M', /expected the form/],
    ['P1H', /expected the form/],
    ['PTxH', /not a non-negative number/],
    ['PT1e3S', /not a non-negative number/],
    ['PT.5S', /not a non-negative number/],
    ['P99999999999999999D', /too long/],
    [' PT1H', /must start with 'P'/],
  ];
  for (const [text, why] of bad) {
    it(`rejects ${JSON.stringify(text)} saying ${why.source}`, () => {
      assert.throws(() => parseIsoDuration(text), why);
      assert.equal(isIsoDuration(text), false);
    });
  }

  it('isIsoDuration never throws on non-strings', () => {
    for (const value of [undefined, null, 15, {}, ['PT1H']]) assert.equal(isIsoDuration(value), false);
  });

  it('keeps days apart from hours in the parts', () => {
    assert.deepEqual(parseIsoDurationParts('P5D'), { weeks: 0, days: 5, hours: 0, minutes: 0, seconds: 0 });
    assert.deepEqual(parseIsoDurationParts('PT120H'), {
      weeks: 0,
      days: 0,
      hours: 120,
      minutes: 0,
      seconds: 0,
    });
    assert.deepEqual(parseIsoDurationParts('P3W'), { weeks: 3, days: 0, hours: 0, minutes: 0, seconds: 0 });
  });

  const formats: Array<[number, string]> = [
    [0, 'PT0S'],
    [15 * M, 'PT15M'],
    [H + 30 * M, 'PT1H30M'],
    [5 * D, 'P5D'],
    [D + 2 * H + 3 * M + 4 * S, 'P1DT2H3M4S'],
    [1500, 'PT1.5S'],
    [1, 'PT0.001S'],
    [24 * H, 'P1D'],
  ];
  for (const [ms, text] of formats) {
    it(`formats ${ms} ms as ${text} and round-trips`, () => {
      assert.equal(formatIsoDuration(ms), text);
      assert.equal(parseIsoDuration(text), ms);
    });
  }

  it('refuses to format negative or non-finite durations', () => {
    assert.throws(() => formatIsoDuration(-1), RangeError);
    assert.throws(() => formatIsoDuration(Number.NaN), RangeError);
    assert.throws(() => formatIsoDuration(Number.POSITIVE_INFINITY), RangeError);
  });
});

describe('domain/categories defaults', () => {
  it('runs P1 and P2 on calendar time and P3, P4 on working time', () => {
    assert.deepEqual(
      PRIORITIES.map((p) => defaultClockFor(p)),
      ['calendar', 'calendar', 'working', 'working'],
    );
  });

  it('has the product brief limits, all parseable', () => {
    assert.deepEqual(DEFAULT_LIMITS, {
      P1: { ackWithin: 'PT15M', resolveWithin: 'PT4H' },
      P2: { ackWithin: 'PT1H', resolveWithin: 'PT24H' },
      P3: { ackWithin: 'PT4H', resolveWithin: 'P5D' },
      P4: { ackWithin: 'P1D', resolveWithin: 'P15D' },
    });
    for (const limits of Object.values(DEFAULT_LIMITS)) {
      assert.ok(parseIsoDuration(limits.ackWithin) < parseIsoDuration(limits.resolveWithin));
    }
  });
});
