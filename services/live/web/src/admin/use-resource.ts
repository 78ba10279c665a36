import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Admin lists are small (a district's areas, units, users): fetching every page is fine. */
const MAX_PAGES = 50;

export interface Resource<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
}

/** Every item of an admin collection (GET /api/v1/admin/<name>, all pages). */
export function useResource<T>(path: string): Resource<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const all: T[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q = new URLSearchParams({ limit: '100' });
        if (cursor) q.set('cursor', cursor);
        const page: Page<T> = await api<Page<T>>('GET', `${path}?${q}`);
        all.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < MAX_PAGES);
      setItems(all);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, loading, error, reload };
}

/** The error to show for a page's collections: the first that failed to load, else null. */
export function firstError(resources: ReadonlyArray<{ error: unknown }>): unknown {
  return resources.reduce<unknown>((error, r) => error ?? r.error, null);
}
