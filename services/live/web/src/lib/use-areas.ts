import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { Area } from './areas';

let cache: Promise<Area[]> | null = null;

/** The areas with their boundaries, fetched once per page (empty until they arrive). */
export function useAreas(): Area[] {
  const [areas, setAreas] = useState<Area[]>([]);
  useEffect(() => {
    cache ??= api<Area[]>('GET', '/api/v1/areas').catch((err) => {
      cache = null;
      throw err;
    });
    cache.then(setAreas, () => undefined);
  }, []);
  return areas;
}
