import type { GeoPolygon } from './area-tree';

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * The clicked points as a GeoJSON Polygon: [lng, lat] order, ring closed by repeating the first
 * point (GeoJSON requires it). Null until there are three points, the fewest that enclose anything.
 */
export function pointsToPolygon(points: readonly LatLng[]): GeoPolygon | null {
  if (points.length < 3) return null;
  const ring = points.map((p) => [round(p.lng), round(p.lat)]);
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** The outer ring of a polygon as points to edit, without the closing repeat. */
export function polygonToPoints(polygon: GeoPolygon | undefined | null): LatLng[] {
  const ring = polygon?.coordinates?.[0] ?? [];
  const points = ring.map(([lng, lat]) => ({ lat: lat!, lng: lng! }));
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length > 1 && first.lat === last.lat && first.lng === last.lng) points.pop();
  return points;
}

/** Seven decimals is about a centimetre; more is noise from the click position. */
function round(n: number): number {
  return Math.round(n * 1e7) / 1e7;
}

export type Parsed = { ok: true; polygon: GeoPolygon } | { ok: false; message: string };

/**
 * Pasted GeoJSON: a Polygon, a Feature holding one, or a FeatureCollection whose first feature is
 * one. Only the shape is checked here (JSON, a polygon, numeric positions); the server checks the
 * geometry and answers field errors pointing at the exact position.
 */
export function parseGeoJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `JSON: ${(error as Error).message}` };
  }
  const geometry = unwrap(value);
  if (!geometry || typeof geometry !== 'object') return { ok: false, message: 'not a GeoJSON object' };
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon') return { ok: false, message: `expected a Polygon, got ${String(g.type)}` };
  const rings = g.coordinates;
  if (
    !Array.isArray(rings) ||
    rings.length === 0 ||
    !rings.every(
      (r) =>
        Array.isArray(r) &&
        r.every((p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number')),
    )
  ) {
    return { ok: false, message: 'coordinates must be rings of [lng, lat] positions' };
  }
  return { ok: true, polygon: { type: 'Polygon', coordinates: rings as number[][][] } };
}

function unwrap(value: unknown): unknown {
  const v = value as { type?: string; geometry?: unknown; features?: Array<{ geometry?: unknown }> };
  if (v?.type === 'Feature') return v.geometry;
  if (v?.type === 'FeatureCollection') return v.features?.[0]?.geometry;
  return value;
}
