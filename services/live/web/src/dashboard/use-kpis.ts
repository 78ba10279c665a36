import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, isPreparing } from '../lib/api';
import type { Kpis } from './kpi.types';
import { kpiPath, type Period } from './period';
import type { BoardFilter } from './ticket-board';

export interface KpiState {
  kpis: Kpis | null;
  loading: boolean;
  /** The period is being summarised on the server: seconds until the next try, until the figures come. */
  preparing: number | null;
  /** The KPI API answered 404 (not deployed, or nothing visible there): tiles show "—", `error` says why. */
  missing: boolean;
  error: unknown;
  /** Ask for fresh figures soon; many calls within a second make one request. */
  refreshSoon(): void;
}

/** `kpi.updated` comes once per ticket event; a storm must not become a storm of KPI requests. */
const DEBOUNCE_MS = 1000;

/** GET /api/v1/kpis for the area/unit filter and period, refetched (debounced) on live updates. */
export function useKpis(filter: BoardFilter, period: Period, enabled: boolean): KpiState {
  const [kpis, setKpis] = useState<Kpis | null>(null);
  const [loading, setLoading] = useState(false);
  const [missing, setMissing] = useState(false);
  const [preparing, setPreparing] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const path = kpiPath({ areaId: filter.areaId, unitId: filter.unitId }, period);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const data = await api<Kpis>('GET', path);
      // An older request answering late must not overwrite the figures for the new period.
      if (mine !== seq.current) return;
      setKpis(data);
      setMissing(false);
      setPreparing(null);
      setError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      // A 404 is "no figures for this" (an area out of scope, or no KPI API deployed): the tiles
      // show "—" and the server's message is shown as a note rather than as a failure.
      if (isPreparing(e)) {
        // Not a failure: the server is summarising the period and said when to ask again.
        setPreparing(e.retryAfterSeconds);
        setError(null);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void load(), e.retryAfterSeconds * 1000);
        return;
      }
      setPreparing(null);
      if (e instanceof ApiError && e.status === 404) {
        setMissing(true);
        setKpis(null);
        setError(e);
      } else {
        setMissing(false);
        setError(e);
      }
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    if (enabled) void load();
  }, [load, enabled]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const refreshSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), DEBOUNCE_MS);
  }, [load]);

  return { kpis, loading, missing, preparing, error, refreshSoon };
}
