import { type CellsOptions, InFlight, type KpiStore, type LocalizedName } from '@grid-dispatch/db';
import type { KpiScope } from './kpi-query';
import { buildKpiReport, type KpiReport } from './kpi-report';

/** How many built reports are kept (a district's dashboards ask for a handful of periods each). */
const KEPT_REPORTS = 200;

/**
 * KPI reports built once per build of the summaries they are read from. Dashboards ask for the
 * same periods again and again, and on a busy day a reader takes today's summary as the
 * refresher last built it (see `CellsOptions.staleForMs`), so most requests find their report
 * built already and pay for reading stamps only. Requests for one report at one moment (six
 * secretaries opening the yearly review together) share one build.
 */
export class KpiReports {
  private readonly built = new Map<string, { version: string; unitNames: unknown; report: KpiReport }>();
  private readonly building = new InFlight<KpiReport>();

  constructor(
    private readonly kpis: Pick<KpiStore, 'period'>,
    private readonly options: CellsOptions,
  ) {}

  /** The report of a scope; `unitNames` is kept as given (a new map is a change of names). */
  get(scope: KpiScope, unitNames: ReadonlyMap<string, LocalizedName>): Promise<KpiReport> {
    const key = JSON.stringify([scope.scope, scope.areaId, scope.unitId, scope.from, scope.to]);
    return this.building.run(key, () => this.build(key, scope, unitNames));
  }

  private async build(
    key: string,
    scope: KpiScope,
    unitNames: ReadonlyMap<string, LocalizedName>,
  ): Promise<KpiReport> {
    const { cells, version } = await this.kpis.period(scope.scope, scope.from, scope.to, this.options);
    const known = this.built.get(key);
    if (known && known.version === version && known.unitNames === unitNames) return known.report;
    const report = buildKpiReport(scope, cells, unitNames);
    this.built.delete(key);
    this.built.set(key, { version, unitNames, report });
    if (this.built.size > KEPT_REPORTS) this.built.delete(this.built.keys().next().value!);
    return report;
  }
}
