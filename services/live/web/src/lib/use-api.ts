import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, isPreparing } from './api';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetches again; a slower earlier answer never overwrites a newer one. */
  reload: () => Promise<void>;
}

/**
 * GET `path` on mount (and when it changes); null skips the call. `load` reads it another way
 * (every page of a list: `allPages`).
 */
export function useApi<T>(
  path: string | null,
  load: (path: string) => Promise<T> = (p) => api<T>('GET', p),
): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const seq = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reload = useCallback(async () => {
    if (path === null) return;
    const mine = ++seq.current;
    clearTimeout(retry.current);
    setLoading(true);
    try {
      const result = await load(path);
      if (mine !== seq.current) return;
      setData(result);
      setError(null);
    } catch (err) {
      if (mine !== seq.current) return;
      setError(err);
      // Figures being summarised on the server come by themselves: ask again when it says.
      if (isPreparing(err)) retry.current = setTimeout(() => void reload(), err.retryAfterSeconds * 1000);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void reload();
    return () => clearTimeout(retry.current);
  }, [reload]);
  return { data, error, loading, reload };
}
