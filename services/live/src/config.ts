import { booleanFlag, commonConfigSchema, loadConfig, port, positiveMs, z } from '@grid-dispatch/config';

export const liveConfigSchema = commonConfigSchema.extend({
  LIVE_PORT: port(8083),
  LIVE_HOST: z.string().default('127.0.0.1'),
  /**
   * Whether this instance also projects KPIs (consumer group `kpi`). Off on push-only replicas:
   * the projection costs database writes per event, and one projecting replica is enough.
   */
  LIVE_KPI_PROJECTION: booleanFlag(true),
  /** How often the KPI summaries that events made stale are rebuilt ahead of readers. */
  KPI_REFRESH_EVERY_MS: positiveMs(2000),
  /** How often open staff sockets are checked for an ended session (an account change). */
  SESSION_CHECK_EVERY_MS: positiveMs(5000),
  /** Residents' sockets (by tracking code) one client address may open per minute (0 = unlimited). */
  TRACKING_SOCKETS_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(120),
});

export type LiveConfig = z.infer<typeof liveConfigSchema>;

export function loadLiveConfig(env: NodeJS.ProcessEnv = process.env): LiveConfig {
  return loadConfig(liveConfigSchema, env);
}
