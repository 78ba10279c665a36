/** A WGS-84 position in degrees, as residents' phones and the public API send it. */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * A GeoJSON (RFC 7946) Polygon.
 *
 * Positions are `[lng, lat]` — longitude first, unlike {@link LatLng} — because that is what GeoJSON
 * and MongoDB's 2dsphere index expect. The first ring is the outer boundary; any further rings are
 * holes. Rings are closed: the last position repeats the first.
 */
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

/** True when `lat` is a finite number of degrees within [-90, 90]. */
export function isValidLatitude(lat: unknown): lat is number {
  return typeof lat === 'number' && Number.isFinite(lat) && lat >= -90 && lat <= 90;
}

/** True when `lng` is a finite number of degrees within [-180, 180]. */
export function isValidLongitude(lng: unknown): lng is number {
  return typeof lng === 'number' && Number.isFinite(lng) && lng >= -180 && lng <= 180;
}

/**
 * Type guard for a usable map pin: an object with finite `lat` in [-90, 90] and `lng` in [-180, 180].
 * Extra properties are tolerated so a whole request body fragment can be passed in.
 */
export function isValidLatLng(value: unknown): value is LatLng {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { lat?: unknown; lng?: unknown };
  return isValidLatitude(candidate.lat) && isValidLongitude(candidate.lng);
}
