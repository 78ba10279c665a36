import type { KpiStore } from '@grid-dispatch/db';
import type { Logger } from '@grid-dispatch/logger';

/**
 * Rebuilds the KPI summaries that events made stale, every few seconds, on the instance that
 * projects them: a secretary asking for a year then reads current month summaries instead of
 * waiting for them to be rebuilt from ticket records. Only speed depends on it; a summary it
 * has not reached yet is rebuilt by the reader (stamps decide what is current, not this loop).
 */
export function startKpiRefresher(
  kpis: Pick<KpiStore, 'refreshStale'>,
  logger: Logger,
  everyMs: number,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const months = await kpis.refreshStale();
      if (months > 0) logger.debug({ months }, 'KPI summaries rebuilt');
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'KPI summaries not rebuilt; readers will rebuild them');
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
