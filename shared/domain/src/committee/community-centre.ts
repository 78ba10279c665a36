import type { GeoJsonPolygon, LatLng } from '../geo/geo.types';

/**
 * A point to measure distances to a community from: the middle of the box around its boundary
 * (or its grids' boundaries when the community has none of its own). Null without any boundary.
 * The box's middle, not the centroid: distances to resources only need to be comparable.
 */
export function communityCentre(boundaries: readonly GeoJsonPolygon[]): LatLng | null {
  const positions = boundaries.flatMap((b) => b.coordinates[0] ?? []);
  if (positions.length === 0) return null;
  const lngs = positions.map((p) => p[0] ?? 0);
  const lats = positions.map((p) => p[1] ?? 0);
  return {
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
  };
}
