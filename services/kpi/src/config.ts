import { commonConfigSchema, loadConfig, positiveMs, z } from '@grid-dispatch/config';

export const kpiConfigSchema = commonConfigSchema.extend({
  /** How often the KPI summaries that events made stale are rebuilt ahead of readers. */
  KPI_REFRESH_EVERY_MS: positiveMs(2000),
  /**
   * The most of its time the refresher spends rebuilding: after a pass that took long (a storm
   * day has many ticket records to read) it rests in proportion, so figures lag instead of the
   * rebuilds taking the machine from the reports.
   */
  KPI_REFRESH_BUSY_SHARE: z.coerce.number().gt(0, 'must be above 0').max(1, 'must be at most 1').default(0.2),
});

export type KpiConfig = z.infer<typeof kpiConfigSchema>;

export function loadKpiConfig(env: NodeJS.ProcessEnv = process.env): KpiConfig {
  return loadConfig(kpiConfigSchema, env);
}
