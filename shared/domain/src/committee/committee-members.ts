import type { AreaNode } from '../areas/area.types';
import { ancestorPath, isWithinArea } from '../areas/area-tree';

/**
 * A joint committee's member units: the active units serving its community, an area above it (a
 * sub-district's or the district's services) or one below it. A unit made inactive has left.
 * In id order.
 */
export function committeeMemberIds(
  units: ReadonlyArray<{ id: string; areaIds: readonly string[]; active?: boolean }>,
  areas: readonly AreaNode[],
  communityId: string,
): string[] {
  const path = new Set(ancestorPath(areas, communityId));
  return units
    .filter(
      (u) =>
        u.active !== false && u.areaIds.some((id) => path.has(id) || isWithinArea(areas, id, communityId)),
    )
    .map((u) => u.id)
    .sort((a, b) => a.localeCompare(b));
}
