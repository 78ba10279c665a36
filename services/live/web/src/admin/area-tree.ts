/** The area hierarchy as the admin pages show it: district → sub-district → community → grid. */

export type AreaLevel = 'district' | 'subdistrict' | 'community' | 'grid';
export const AREA_LEVELS: readonly AreaLevel[] = ['district', 'subdistrict', 'community', 'grid'];

export interface GeoPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface Area {
  id: string;
  name: { zh: string; en: string };
  level: AreaLevel;
  parentId: string | null;
  boundary?: GeoPolygon;
  /** Districts: the duty desk unit. */
  dutyUnitId?: string | null;
}

export interface AreaNode {
  area: Area;
  depth: number;
}

/**
 * Depth-first order with each area under its parent, siblings by id. Areas whose parent is
 * missing (deleted, or not loaded) are shown as roots rather than hidden: the admin must see them.
 */
export function flattenTree(areas: readonly Area[]): AreaNode[] {
  const ids = new Set(areas.map((a) => a.id));
  const children = new Map<string | null, Area[]>();
  for (const a of areas) {
    const key = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    children.set(key, [...(children.get(key) ?? []), a]);
  }
  const out: AreaNode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    for (const area of list) {
      if (seen.has(area.id)) continue; // a cycle in bad data must not hang the page
      seen.add(area.id);
      out.push({ area, depth });
      walk(area.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The level an area of `level` hangs under; null for a district. */
export function parentLevel(level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) - 1] ?? null;
}

/** Areas that may be the parent of a new or edited area of `level` (never itself). */
export function parentChoices(areas: readonly Area[], level: AreaLevel, selfId?: string): Area[] {
  const want = parentLevel(level);
  return areas.filter((a) => a.level === want && a.id !== selfId);
}

/** The area's name followed by its ancestors', for pickers: "春海社区 · 老虎滩街道". */
export function areaPath(areas: readonly Area[], id: string, lang: 'zh' | 'en'): string {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const names: string[] = [];
  let current = byId.get(id);
  while (current && names.length < 5) {
    names.push(current.name[lang]);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.length > 0 ? names.join(' · ') : id;
}

/** Select options for areas, each labelled with its whole path ("城区 / 春海街道 / 网格一"). */
export function areaOptions(
  areas: readonly Area[],
  lang: 'zh' | 'en',
  shown: readonly Area[] = areas,
): Array<[string, string]> {
  return shown.map((a) => [a.id, areaPath(areas, a.id, lang)]);
}
