import type { KpiStore } from '@grid-dispatch/db';
import type { Logger } from '@grid-dispatch/logger';

export interface KpiRefresherTiming {
  /** The shortest pause between two passes. */
  everyMs: number;
  /**
   * The most of its time the refresher spends rebuilding (0 < share ≤ 1): after a pass of
   * `d` ms it rests at least `d × (1 / share − 1)`.
   */
  busyShare: number;
}

/** How long to rest after a pass that took `passMs`: at least `everyMs`, longer after a long pass. */
export function restAfterPass(passMs: number, timing: KpiRefresherTiming): number {
  return Math.max(timing.everyMs, Math.ceil(passMs * (1 / timing.busyShare - 1)));
}

/**
 * Rebuilds the KPI summaries that events made stale, every few seconds, on the instance that
 * projects them: a secretary asking for a year then reads current month summaries instead of
 * waiting for them to be rebuilt from ticket records. Readers may serve a stale summary for a
 * few seconds after it was built (see `CellsOptions.staleForMs`), so `rebuilt` hears which
 * scopes' figures are now current, for dashboards to ask again.
 *
 * Rebuilding today reads every ticket record of today's buckets, so a pass grows with the day's
 * reports. During a storm the refresher therefore rests in proportion to its last pass
 * (`busyShare`): the figures lag further behind, but the rebuilds never take more than that
 * share of the machine from the reports themselves.
 */
export function startKpiRefresher(
  kpis: Pick<KpiStore, 'refreshStale'>,
  logger: Logger,
  timing: KpiRefresherTiming,
  rebuilt: (scopes: string[]) => void = () => undefined,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (restMs: number) => {
    if (stopped) return;
    timer = setTimeout(pass, restMs);
    timer.unref();
  };
  const pass = async () => {
    const started = Date.now();
    try {
      const scopes = await kpis.refreshStale();
      if (scopes.length > 0) {
        logger.debug({ scopes: scopes.length, ms: Date.now() - started }, 'KPI summaries rebuilt');
        rebuilt(scopes);
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'KPI summaries not rebuilt; readers will rebuild them');
    }
    schedule(restAfterPass(Date.now() - started, timing));
  };
  schedule(timing.everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
