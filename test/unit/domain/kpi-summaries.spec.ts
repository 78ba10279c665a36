import assert from 'node:assert/strict';
import {
  cellsOf,
  computeKpis,
  figuresOf,
  figuresOfCells,
  type KpiEntry,
  mergeCells,
  percentile,
  percentilesOfSum,
  periodPieces,
  rankUnits,
  type SecondsMultiset,
  sumTallies,
  tallyOf,
  tallyOfCells,
} from '@grid-dispatch/domain';
import { seededRandom } from '../../support/seeded-random';

/** Entries of every kind over a few units, categories and grids, with repeated durations. */
function someEntries(seed: number, count: number): KpiEntry[] {
  const r = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const units = ['water', 'gas', null];
  const categories = ['gas_leak', 'road_collapse'];
  const paths = [
    ['g1', 'c1', 's1', 'd'],
    ['g2', 'c1', 's1', 'd'],
    ['g3', 'c2', 's2', 'd'],
  ];
  return Array.from({ length: count }, (_, i): KpiEntry => {
    const base = {
      key: `t${i}`,
      day: `2026-11-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      unitId: pick(units),
      category: pick(categories),
      areaIds: pick(paths),
    };
    const kind = r();
    if (kind < 0.6) {
      const signed = r() < 0.8;
      const fixed = signed && r() < 0.7;
      return {
        ...base,
        kind: 'dispatch',
        signed,
        signedOnTime: signed && r() < 0.7,
        // Few distinct values, so merged multisets must add up counts of equal seconds.
        ackSeconds: signed ? Math.floor(r() * 20) * 30 : null,
        due: fixed || r() < 0.2,
        fixedOnTime: fixed && r() < 0.6,
        resolveSeconds: fixed ? Math.floor(r() * 50) * 60 : null,
        fixed,
        returned: r() < 0.1,
        extensionRequested: r() < 0.1,
        reworks: r() < 0.1 ? 1 : 0,
      };
    }
    if (kind < 0.8) return { ...base, kind: 'closure', standing: r() < 0.8 };
    return {
      ...base,
      kind: 'rating',
      rating: pick(['satisfied', 'basically_satisfied', 'dissatisfied'] as const),
    };
  });
}

describe('kpi: day and month summaries add up to the figures of their entries', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`sums of tallies and of cells give the entries' own figures (seed ${seed})`, () => {
      const entries = someEntries(seed, 400);
      const expected = computeKpis(entries);
      // Split the entries by day, tally each day, and add the days up: as a month summary is built.
      const byDay = new Map<string, KpiEntry[]>();
      for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
      const days = [...byDay.values()];
      assert.deepEqual(figuresOf(sumTallies(days.map(tallyOf))), expected);
      const monthCells = mergeCells(days.flatMap(cellsOf));
      assert.deepEqual(figuresOf(tallyOfCells(monthCells)), expected);
      // Side by side without merging (as a year of month summaries is read) gives the same.
      assert.deepEqual(figuresOf(tallyOfCells(days.flatMap(cellsOf))), expected);
      // And so do cells read without summing their tallies first (as a report groups them).
      assert.deepEqual(figuresOfCells(days.flatMap(cellsOf)), expected);
    });
  }

  it('ranks units the same from cells of days as from cells of all entries at once', () => {
    const entries = someEntries(9, 300);
    const byHalf = [entries.slice(0, 150), entries.slice(150)];
    assert.deepEqual(rankUnits(byHalf.flatMap(cellsOf)), rankUnits(cellsOf(entries)));
  });

  it('keeps every time to sign exactly: percentiles equal those of the values one by one', () => {
    const entries = someEntries(11, 500);
    const ack = entries.flatMap((e) =>
      e.kind === 'dispatch' && e.ackSeconds !== null ? [e.ackSeconds] : [],
    );
    const tally = sumTallies(entries.map((e) => tallyOf([e])));
    const values = tally.ackSeconds.seconds.flatMap((s, i) => Array(tally.ackSeconds.counts[i]).fill(s));
    assert.deepEqual(
      values,
      [...ack].sort((a, b) => a - b),
    );
    assert.equal(tally.ackSeconds.seconds.length, new Set(ack).size);
    for (const p of [0.5, 0.9]) assert.equal(percentile(values, p), percentile(ack, p));
  });

  it('finds percentiles of several multisets together as of their values one by one', () => {
    const r = seededRandom(17);
    const multisetOf = (values: number[]): SecondsMultiset => {
      const seconds = [...new Set(values)].sort((a, b) => a - b);
      return { seconds, counts: seconds.map((s) => values.filter((v) => v === s).length) };
    };
    // Narrow and wide spreads, values shared between lists, negative times (clock skew), empties.
    const spreads = [1, 10, 600, 86_400, 40_000_000];
    for (let round = 0; round < 200; round++) {
      const spread = spreads[round % spreads.length]!;
      const offset = round % 7 === 0 ? -spread / 2 : 0;
      const lists = Array.from({ length: 1 + Math.floor(r() * 12) }, () =>
        Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(offset + r() * spread)),
      );
      const all = lists.flat();
      const ps = [0, 0.01, 0.5, 0.9, 0.99, 1];
      assert.deepEqual(
        percentilesOfSum(lists.map(multisetOf), ps),
        ps.map((p) => percentile(all, p)),
        `round ${round}: ${JSON.stringify(lists)}`,
      );
    }
  });

  it('has nothing to count in no entries', () => {
    const empty = figuresOf(sumTallies([]));
    assert.equal(empty.ackP50, null);
    assert.equal(empty.responseRate, null);
    assert.deepEqual(mergeCells([]), []);
    assert.deepEqual(figuresOfCells([]), empty);
    assert.deepEqual(percentilesOfSum([{ seconds: [], counts: [] }], [0.5]), [undefined]);
  });
});

describe('kpi: a period read as months and days', () => {
  it('reads whole months that have ended as months, and the rest as days', () => {
    assert.deepEqual(periodPieces('2025-12-15', '2026-03-02', '2026-11-30'), {
      months: ['2026-01', '2026-02'],
      days: [
        ...Array.from({ length: 17 }, (_, i) => `2025-12-${String(15 + i)}`),
        '2026-03-01',
        '2026-03-02',
      ],
    });
  });

  it('reads the month still running by its days, so a change today rebuilds only today', () => {
    const pieces = periodPieces('2026-10-01', '2026-11-30', '2026-11-30');
    assert.deepEqual(pieces.months, ['2026-10']);
    assert.equal(pieces.days.length, 30);
    assert.deepEqual(periodPieces('2026-11-01', '2026-11-30', '2026-12-01').months, ['2026-11']);
  });

  it('leaves out the days to come', () => {
    assert.deepEqual(periodPieces('2026-12-01', '2026-12-31', '2026-12-02'), {
      months: [],
      days: ['2026-12-01', '2026-12-02'],
    });
    assert.deepEqual(periodPieces('2027-01-01', '2027-01-31', '2026-12-02'), { months: [], days: [] });
  });

  it('covers every day of a year once', () => {
    const { months, days } = periodPieces('2025-12-01', '2026-11-30', '2026-11-30');
    assert.equal(months.length, 11);
    assert.equal(days.length, 30);
  });
});
