import type { KpiRates, Kpis } from './kpi.types';
import type { BoardFilter } from './ticket-board';

/**
 * The figures shown on the tiles for the current drill-down. The API filters by area and unit
 * itself; a category is picked out of `byCategory`, which has the same rates and times.
 */
export function tileRates(kpis: Kpis | null, filter: BoardFilter): KpiRates | null {
  if (!kpis) return null;
  if (!filter.category) return kpis;
  return kpis.byCategory?.find((c) => c.category === filter.category) ?? null;
}

/** Units by rank (the server's), falling back to score, then name, so ties stay stable. */
export function rankedUnits(kpis: Kpis | null) {
  const units = [...(kpis?.units ?? [])];
  return units.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      a.unitId.localeCompare(b.unitId),
  );
}
