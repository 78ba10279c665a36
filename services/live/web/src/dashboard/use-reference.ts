import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';
import type { Area } from '../lib/areas';

export interface Category {
  code: string;
  name: { zh: string; en: string };
  priority: string;
}

export interface UnitRef {
  id: string;
  name: { zh: string; en: string } | null;
}

export interface Reference {
  areas: Area[];
  categories: Category[];
  /** Units a secretary can pick (see loadUnits). */
  units: UnitRef[];
  /** The lists have come (or failed to): until then names are not known yet, rather than unknown. */
  loaded: boolean;
  error: unknown;
}

/**
 * Staff may not list units: /api/v1/admin/units is for administrators. A public-to-staff
 * GET /api/v1/units is asked for; until it exists the page falls back to the units the KPI
 * ranking names (every unit with work in the area), and the pickers also take a typed id.
 */
async function loadUnits(): Promise<UnitRef[]> {
  try {
    const list = await api<Array<{ id: string; name: { zh: string; en: string } }> | { items: UnitRef[] }>(
      'GET',
      '/api/v1/units',
    );
    const items = Array.isArray(list) ? list : list.items;
    return items.map((u) => ({ id: u.id, name: u.name }));
  } catch {
    return [];
  }
}

/** Areas (for the map and names), categories (names) and units (pickers), loaded once. */
export function useReference(): Reference {
  const [ref, setRef] = useState<Reference>({
    areas: [],
    categories: [],
    units: [],
    loaded: false,
    error: null,
  });
  useEffect(() => {
    let alive = true;
    Promise.all([
      api<Area[]>('GET', '/api/v1/areas'),
      api<Category[]>('GET', '/api/v1/categories'),
      loadUnits(),
    ]).then(
      ([areas, categories, units]) =>
        alive && setRef({ areas, categories, units, loaded: true, error: null }),
      (error) => alive && setRef((r) => ({ ...r, loaded: true, error })),
    );
    return () => {
      alive = false;
    };
  }, []);
  return ref;
}

/** Every unit known to the page: the reference list, then those the KPI ranking and tickets name. */
export function knownUnits(
  reference: UnitRef[],
  kpiUnits: Array<{ unitId: string; name?: { zh: string; en: string } }> | undefined,
  ticketUnitIds: Iterable<string | null>,
): UnitRef[] {
  const byId = new Map<string, UnitRef>();
  for (const u of reference) byId.set(u.id, u);
  for (const u of kpiUnits ?? [])
    if (!byId.has(u.unitId)) byId.set(u.unitId, { id: u.unitId, name: u.name ?? null });
  for (const id of ticketUnitIds) if (id && !byId.has(id)) byId.set(id, { id, name: null });
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
