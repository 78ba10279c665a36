import type { KpiEntry } from './kpi-entries';
import { type KpiTally, sumTallies, tallyOf } from './kpi-tally';

/**
 * The entries of one unit, category and place (the ticket's area path), tallied. Every filter and
 * drill-down of the KPI report (by unit, by category, by the area one level down) is a question
 * about these three, so a period's cells answer it as its entries would, at a fraction of the
 * size: a month of a district's dispatches folds into one cell per unit, category and grid.
 */
export interface KpiCell {
  unitId: string | null;
  category: string;
  /** The ticket's areas, most specific first. */
  areaIds: string[];
  tally: KpiTally;
}

/** The cells of some entries. Pure. */
export function cellsOf(entries: readonly KpiEntry[]): KpiCell[] {
  return [...groupBy(entries, cellKey).values()].map((list) => {
    const { unitId, category, areaIds } = list[0]!;
    return { unitId, category, areaIds: [...areaIds], tally: tallyOf(list) };
  });
}

/** Cells of several periods (days, months) merged into the cells of the whole. Pure. */
export function mergeCells(cells: readonly KpiCell[]): KpiCell[] {
  return [...groupBy(cells, cellKey).values()].map((list) =>
    list.length === 1 ? list[0]! : { ...list[0]!, tally: sumTallies(list.map((c) => c.tally)) },
  );
}

/** The tally of some cells together. */
export function tallyOfCells(cells: readonly KpiCell[]): KpiTally {
  return sumTallies(cells.map((c) => c.tally));
}

/** Groups cells (or entries) by a key; those whose key is null are left out. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K | null): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The area one level below `scopeAreaId` on the path (its drill-down child), if any. */
export function childAreaOf(item: { areaIds: readonly string[] }, scopeAreaId: string): string | null {
  const i = item.areaIds.indexOf(scopeAreaId);
  return i > 0 ? item.areaIds[i - 1]! : null;
}

function cellKey(c: Pick<KpiCell, 'unitId' | 'category' | 'areaIds'>): string {
  return JSON.stringify([c.unitId, c.category, c.areaIds]);
}
