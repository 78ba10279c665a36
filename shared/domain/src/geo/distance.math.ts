import type { LatLng } from './geo.types';

/** Mean earth radius in metres (IUGG), the value most web-map tooling uses. */
export const EARTH_RADIUS_M = 6371008.8;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;
const toDegrees = (radians: number): number => (radians * 180) / Math.PI;

/** Great-circle distance in metres between two positions (haversine formula). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const phi1 = toRadians(a.lat);
  const phi2 = toRadians(b.lat);
  const dPhi = phi2 - phi1;
  const dLambda = toRadians(b.lng - a.lng);
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) ** 2;
  // min() guards against h creeping above 1 through rounding for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** An axis-aligned latitude/longitude box in degrees. */
export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/**
 * The smallest lat/lng box that contains every point within `radiusM` metres of `point`.
 *
 * Meant as a cheap index pre-filter (`lat BETWEEN … AND lng BETWEEN …`) before the exact
 * {@link distanceMeters} check, so it errs on the side of too large: when the circle reaches a pole
 * or crosses the ±180° meridian the box widens to every longitude instead of splitting in two.
 */
export function boundingBoxAround(point: LatLng, radiusM: number): BoundingBox {
  if (!Number.isFinite(radiusM) || radiusM < 0) {
    throw new RangeError(`radiusM must be a finite, non-negative number of metres, got ${radiusM}`);
  }
  const angular = radiusM / EARTH_RADIUS_M;
  const lat = toRadians(point.lat);
  let minLat = lat - angular;
  let maxLat = lat + angular;
  let minLng: number;
  let maxLng: number;

  if (minLat > -Math.PI / 2 && maxLat < Math.PI / 2) {
    // The circle's widest longitude is at its tangent points, not at the centre's latitude.
    const dLng = Math.asin(Math.min(1, Math.sin(angular) / Math.cos(lat)));
    minLng = toRadians(point.lng) - dLng;
    maxLng = toRadians(point.lng) + dLng;
    if (minLng < -Math.PI || maxLng > Math.PI) {
      minLng = -Math.PI;
      maxLng = Math.PI;
    }
  } else {
    minLat = Math.max(minLat, -Math.PI / 2);
    maxLat = Math.min(maxLat, Math.PI / 2);
    minLng = -Math.PI;
    maxLng = Math.PI;
  }
  return {
    minLat: toDegrees(minLat),
    maxLat: toDegrees(maxLat),
    minLng: toDegrees(minLng),
    maxLng: toDegrees(maxLng),
  };
}
