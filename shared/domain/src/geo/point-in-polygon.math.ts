import type { GeoJsonPolygon, LatLng } from './geo.types';
import { isPointOnSegment, type PlanarPoint } from './segment.math';

/**
 * Does `point` fall in `polygon`?
 *
 * Ray casting on the outer ring, minus any hole that contains the point. Points on any boundary —
 * the outer ring or a hole's edge — count as inside: a pin exactly on the line between two grids
 * must land in some grid rather than in none (callers break ties by area, see `findGridAt`).
 */
export function pointInPolygon(point: LatLng, polygon: GeoJsonPolygon): boolean {
  const rings = polygon.coordinates;
  const outer = rings[0];
  if (outer === undefined || outer.length < 3) return false;
  const p: PlanarPoint = [point.lng, point.lat];

  for (const ring of rings) {
    if (isOnRingBoundary(p, ring)) return true;
  }
  if (!isInsideRing(p, outer)) return false;
  for (let i = 1; i < rings.length; i++) {
    if (isInsideRing(p, rings[i]!)) return false;
  }
  return true;
}

/** True when `p` lies on an edge of `ring` (within a sub-millimetre tolerance). */
export function isOnRingBoundary(p: PlanarPoint, ring: readonly PlanarPoint[]): boolean {
  for (let i = 0; i < ring.length; i++) {
    // Wrapping to index 0 also covers rings that a careless client left unclosed.
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    if (isPointOnSegment(p, a, b)) return true;
  }
  return false;
}

/**
 * Even-odd ray cast towards +x. Strict interior only: boundary handling is done separately because
 * the crossing count is unreliable for points on an edge.
 */
function isInsideRing(p: PlanarPoint, ring: readonly PlanarPoint[]): boolean {
  const x = p[0]!;
  const y = p[1]!;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    // The half-open test (yi > y) !== (yj > y) counts a vertex exactly at the ray's height once.
    if (yi > y !== yj > y) {
      const crossX = xi + ((y - yi) * (xj - xi)) / (yj - yi);
      if (x < crossX) inside = !inside;
    }
  }
  return inside;
}
