import { groupBy, type KpiCell } from './kpi-cells';
import { figuresOfCells, type KpiFigures } from './kpi-figures';

export interface RankedUnit extends KpiFigures {
  unitId: string;
  /** The mean of the unit's four headline rates that have something to count (0..1). */
  score: number | null;
  rank: number;
}

/**
 * Ranks the units found in the cells by their score (mean of response, on-time, resolution and
 * satisfaction rates), then by the number of dispatches (more work first), then by id, so the
 * order is stable. Units with equal score and work share a rank.
 */
export function rankUnits(cells: readonly KpiCell[]): RankedUnit[] {
  const byUnit = groupBy(cells, (c) => c.unitId);
  const units = [...byUnit.entries()].map(([unitId, list]) => {
    const figures = figuresOfCells(list);
    return { unitId, ...figures, score: scoreOf(figures) };
  });
  units.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      b.counts.dispatched - a.counts.dispatched ||
      a.unitId.localeCompare(b.unitId),
  );
  let rank = 0;
  return units.map((u, i) => {
    const previous = units[i - 1];
    if (!previous || previous.score !== u.score || previous.counts.dispatched !== u.counts.dispatched)
      rank = i + 1;
    return { ...u, rank };
  });
}

export function scoreOf(f: KpiFigures): number | null {
  const rates = [f.responseRate, f.onTimeRate, f.resolutionRate, f.satisfactionRate].filter(
    (r): r is number => r !== null,
  );
  if (rates.length === 0) return null;
  return Math.round((rates.reduce((s, r) => s + r, 0) / rates.length) * 10_000) / 10_000;
}
