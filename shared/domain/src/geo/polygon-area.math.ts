import { EARTH_RADIUS_M } from './distance.math';
import type { GeoJsonPolygon } from './geo.types';
import type { PlanarPoint } from './segment.math';

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * Area of a GeoJSON polygon on the sphere in square metres: the outer ring minus its holes.
 *
 * Uses the Chamberlain–Duquette approximation (the one Turf and OpenLayers use), which is well
 * within a percent for grid-sized polygons — plenty for choosing the smaller of overlapping grids.
 */
export function polygonAreaSqM(polygon: GeoJsonPolygon): number {
  const [outer, ...holes] = polygon.coordinates;
  if (outer === undefined) return 0;
  let area = ringAreaSqM(outer);
  for (const hole of holes) area -= ringAreaSqM(hole);
  return Math.max(0, area);
}

/** Unsigned spherical area of one ring in square metres; winding order does not matter. */
export function ringAreaSqM(ring: readonly PlanarPoint[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += toRadians(b[0]! - a[0]!) * (2 + Math.sin(toRadians(a[1]!)) + Math.sin(toRadians(b[1]!)));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}
