import type { KpiStore } from '@grid-dispatch/db';
import type { Logger } from '@grid-dispatch/logger';

/**
 * Rebuilds the KPI summaries that events made stale, every few seconds, on the instance that
 * projects them: a secretary asking for a year then reads current month summaries instead of
 * waiting for them to be rebuilt from ticket records. Readers may serve a stale summary for a
 * few seconds after it was built (see `CellsOptions.staleForMs`), so `rebuilt` hears which
 * scopes' figures are now current, for dashboards to ask again.
 */
export function startKpiRefresher(
  kpis: Pick<KpiStore, 'refreshStale'>,
  logger: Logger,
  everyMs: number,
  rebuilt: (scopes: string[]) => void = () => undefined,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const scopes = await kpis.refreshStale();
      if (scopes.length > 0) {
        logger.debug({ scopes: scopes.length }, 'KPI summaries rebuilt');
        rebuilt(scopes);
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'KPI summaries not rebuilt; readers will rebuild them');
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
