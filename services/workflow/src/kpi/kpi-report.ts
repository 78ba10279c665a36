import type { LocalizedName } from '@grid-dispatch/db';
import {
  childAreaOf,
  figuresOfCells,
  groupBy,
  type KpiCell,
  type KpiFigures,
  type RankedUnit,
  rankUnits,
} from '@grid-dispatch/domain';
import type { KpiScope } from './kpi-query';

export interface KpiReport extends KpiFigures {
  areaId: string | null;
  unitId: string | null;
  from: string;
  to: string;
  units: Array<RankedUnit & { name: LocalizedName | null }>;
  byCategory: Array<KpiFigures & { category: string }>;
  byArea: Array<KpiFigures & { areaId: string }>;
}

/**
 * The answer of GET /api/v1/kpis from a scope's cells over the period: the headline figures, the
 * units ranked, and the drill-downs by category and by the areas one level below. Pure.
 */
export function buildKpiReport(
  scope: KpiScope,
  allCells: readonly KpiCell[],
  unitNames: ReadonlyMap<string, LocalizedName>,
): KpiReport {
  const cells = allCells.filter(
    (c) =>
      (scope.unitId === null || c.unitId === scope.unitId) &&
      (scope.areaId === null || c.areaIds.includes(scope.areaId)),
  );
  const byArea =
    scope.areaId === null
      ? []
      : [...groupBy(cells, (c) => childAreaOf(c, scope.areaId!))].map(([areaId, list]) => ({
          areaId,
          ...figuresOfCells(list),
        }));
  return {
    areaId: scope.areaId,
    unitId: scope.unitId,
    from: scope.from,
    to: scope.to,
    ...figuresOfCells(cells),
    units: rankUnits(cells).map((u) => ({ ...u, name: unitNames.get(u.unitId) ?? null })),
    byCategory: [...groupBy(cells, (c) => c.category)]
      .map(([category, list]) => ({ category, ...figuresOfCells(list) }))
      .sort((a, b) => a.category.localeCompare(b.category)),
    byArea: byArea.sort((a, b) => a.areaId.localeCompare(b.areaId)),
  };
}
