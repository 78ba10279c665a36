/**
 * Applying pushed updates by ticket version. Kept free of DOM and imports so it is unit-tested alone.
 */
export interface Versioned {
  id: string;
  version: number;
}

/**
 * Returns a new map with `update` merged into the stored entry, or the same map when the update is
 * not newer: a late or duplicated push never takes a ticket back to an older state.
 */
export function applyByVersion<T extends Versioned>(
  map: Map<string, T>,
  update: T | (Partial<T> & Versioned),
): Map<string, T> {
  const known = map.get(update.id);
  if (known && known.version >= update.version) return map;
  const next = new Map(map);
  next.set(update.id, { ...(known ?? {}), ...update } as T);
  return next;
}

/**
 * Replaces the whole view after a (re)fetch, but keeps entries that a push already made newer.
 * `keep(id)` keeps an entry the fetched list lacks: one pushed after the fetch began, which the
 * server's answer could not contain yet.
 */
export function mergeFetched<T extends Versioned>(
  map: Map<string, T>,
  fetched: T[],
  keep: (id: string) => boolean = () => false,
): Map<string, T> {
  const next = new Map<string, T>();
  for (const item of fetched) {
    const known = map.get(item.id);
    next.set(item.id, known && known.version > item.version ? { ...item, ...known } : item);
  }
  for (const [id, item] of map) if (!next.has(id) && keep(id)) next.set(id, item);
  return next;
}
