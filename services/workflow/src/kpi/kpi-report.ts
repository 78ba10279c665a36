import type { LocalizedName } from '@grid-dispatch/db';
import {
  childAreaOf,
  computeKpis,
  groupBy,
  type KpiEntry,
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
 * The answer of GET /api/v1/kpis from a scope's entries: the headline figures, the units ranked,
 * and the drill-downs by category and by the areas one level below. Pure.
 */
export function buildKpiReport(
  scope: KpiScope,
  allEntries: readonly KpiEntry[],
  unitNames: ReadonlyMap<string, LocalizedName>,
): KpiReport {
  const entries = allEntries.filter(
    (e) =>
      (scope.unitId === null || e.unitId === scope.unitId) &&
      (scope.areaId === null || e.areaIds.includes(scope.areaId)),
  );
  const byArea =
    scope.areaId === null
      ? []
      : [...groupBy(entries, (e) => childAreaOf(e, scope.areaId!))].map(([areaId, list]) => ({
          areaId,
          ...computeKpis(list),
        }));
  return {
    areaId: scope.areaId,
    unitId: scope.unitId,
    from: scope.from,
    to: scope.to,
    ...computeKpis(entries),
    units: rankUnits(entries).map((u) => ({ ...u, name: unitNames.get(u.unitId) ?? null })),
    byCategory: [...groupBy(entries, (e) => e.category)]
      .map(([category, list]) => ({ category, ...computeKpis(list) }))
      .sort((a, b) => a.category.localeCompare(b.category)),
    byArea: byArea.sort((a, b) => a.areaId.localeCompare(b.areaId)),
  };
}
