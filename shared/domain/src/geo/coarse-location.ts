import type { LatLng } from './geo.types';

/** How finely a public answer may place another resident's report. */
export const PUBLIC_DISTANCE_STEP_M = 50;
/** The side of the cells a public lookup's own position is snapped to, in metres. */
export const PUBLIC_POSITION_CELL_M = 100;

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * A distance as the public sees it: rounded up to the next 50 m, at least 50. Exact distances
 * from a few chosen points would place a report (and perhaps a resident's home) to the metre.
 */
export function coarseDistanceM(metres: number): number {
  return Math.max(
    PUBLIC_DISTANCE_STEP_M,
    Math.ceil(metres / PUBLIC_DISTANCE_STEP_M) * PUBLIC_DISTANCE_STEP_M,
  );
}

/**
 * The centre of the ~100 m cell a position falls in. A public lookup is measured from there, so
 * moving the asking point by a few metres teaches nothing: together with coarse distances, no
 * set of lookups places a report closer than tens of metres.
 */
export function snappedPosition(at: LatLng): LatLng {
  const latStep = PUBLIC_POSITION_CELL_M / METRES_PER_DEGREE_LAT;
  const lat = (Math.floor(at.lat / latStep) + 0.5) * latStep;
  const lngStep = latStep / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const lng = (Math.floor(at.lng / lngStep) + 0.5) * lngStep;
  return { lat: round6(lat), lng: round6(lng) };
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
