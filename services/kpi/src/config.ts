import { commonConfigSchema, loadConfig, positiveMs, type z } from '@grid-dispatch/config';

export const kpiConfigSchema = commonConfigSchema.extend({
  /** How often the KPI summaries that events made stale are rebuilt ahead of readers. */
  KPI_REFRESH_EVERY_MS: positiveMs(2000),
});

export type KpiConfig = z.infer<typeof kpiConfigSchema>;

export function loadKpiConfig(env: NodeJS.ProcessEnv = process.env): KpiConfig {
  return loadConfig(kpiConfigSchema, env);
}
