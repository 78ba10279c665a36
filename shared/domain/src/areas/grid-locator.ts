import type { LatLng } from '../geo/geo.types';
import { pointInPolygon } from '../geo/point-in-polygon.math';
import { polygonAreaSqM } from '../geo/polygon-area.math';
import type { AreaNode } from './area.types';

/**
 * The grid whose boundary contains `point`, or `undefined` when the point is outside every grid.
 *
 * Grids ought to tile without overlap, but hand-drawn boundaries do overlap at the edges (and a
 * point on a shared edge is inside both). The smallest containing polygon wins because it is the
 * most specific claim; equal areas fall back to the lower id so the answer never depends on order.
 */
export function findGridAt(areas: readonly AreaNode[], point: LatLng): AreaNode | undefined {
  let best: { area: AreaNode; sizeSqM: number } | undefined;
  for (const area of areas) {
    if (area.level !== 'grid' || area.boundary === undefined) continue;
    if (!pointInPolygon(point, area.boundary)) continue;
    const sizeSqM = polygonAreaSqM(area.boundary);
    if (
      best === undefined ||
      sizeSqM < best.sizeSqM ||
      (sizeSqM === best.sizeSqM && area.id < best.area.id)
    ) {
      best = { area, sizeSqM };
    }
  }
  return best?.area;
}
