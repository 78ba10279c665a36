import type { GeoJsonPolygon } from '../geo/geo.types';

/** The four tiers of the area hierarchy: district (区) → sub-district (街道) → community (社区) → grid (网格). */
export type AreaLevel = 'district' | 'subdistrict' | 'community' | 'grid';

/** Area levels from the widest (district) to the narrowest (grid). */
export const AREA_LEVELS: readonly AreaLevel[] = ['district', 'subdistrict', 'community', 'grid'];

/** The fields of an area that the hierarchy and routing rules need. */
export interface AreaNode {
  id: string;
  level: AreaLevel;
  /** `null` only for districts, the roots of the hierarchy. */
  parentId: string | null;
  /** GeoJSON boundary; every grid has one, higher levels may. */
  boundary?: GeoJsonPolygon;
  /**
   * Districts only: the unit on duty (值班台) that takes every report the responsibility list does
   * not cover, until a secretary hands it on. Set by the administrator.
   */
  dutyUnitId?: string | null;
}

/** Type guard for {@link AreaLevel}, for untrusted input. */
export function isAreaLevel(value: unknown): value is AreaLevel {
  return typeof value === 'string' && (AREA_LEVELS as readonly string[]).includes(value);
}

/**
 * May an area of `level` hang under a parent of `parentLevel`?
 *
 * Each level sits directly under the one above it — no skipping — so that an area path is always
 * exactly grid → community → sub-district → district and routing's "most specific wins" is well
 * defined. Districts, and only districts, have no parent.
 */
export function validParentLevel(level: AreaLevel, parentLevel: AreaLevel | null): boolean {
  const index = AREA_LEVELS.indexOf(level);
  if (index === 0) return parentLevel === null;
  return parentLevel === AREA_LEVELS[index - 1];
}
