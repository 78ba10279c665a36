import { type FieldError, fieldError } from '../validation/field-error';
import type { GeoJsonPolygon } from './geo.types';
import { isCollinearOnSegment, type PlanarPoint, segmentsIntersect } from './segment.math';

/** Most positions accepted in one ring; bounds the O(n²) self-intersection check. */
export const MAX_RING_POSITIONS = 1000;
/** Most rings (outer plus holes) accepted in one polygon. */
export const MAX_RINGS = 100;
/** Error lists stop growing here so a garbage upload cannot produce a megabyte of errors. */
export const MAX_REPORTED_ERRORS = 50;

/** Outcome of {@link validatePolygon}. */
export type PolygonValidation = { ok: true; polygon: GeoJsonPolygon } | { ok: false; errors: FieldError[] };

/**
 * Checks that `value` is a GeoJSON Polygon usable as a grid boundary.
 *
 * Rules: `type` is `'Polygon'`; `coordinates` is a non-empty array of rings; each ring has 4 to
 * {@link MAX_RING_POSITIONS} positions and is closed; each position is exactly two finite numbers,
 * `[lng, lat]`, in range; and no ring crosses or touches itself (segments meeting at their shared
 * vertex are fine). Consecutive duplicate positions are tolerated, as many drawing tools emit them.
 *
 * @param pathPrefix - prefix for error paths, so errors point into the caller's request body
 *   (default `boundary`, giving paths like `boundary.coordinates[0][3]`).
 * @returns the polygon (a fresh copy holding only `type` and `coordinates`) or every problem found.
 */
export function validatePolygon(value: unknown, pathPrefix = 'boundary'): PolygonValidation {
  const errors: FieldError[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [fieldError(pathPrefix, 'must be a GeoJSON Polygon object')] };
  }
  const candidate = value as { type?: unknown; coordinates?: unknown };
  if (candidate.type !== 'Polygon') {
    errors.push(fieldError(`${pathPrefix}.type`, "must be 'Polygon'"));
  }
  const coordinatesPath = `${pathPrefix}.coordinates`;
  const rings = candidate.coordinates;
  if (!Array.isArray(rings) || rings.length === 0) {
    errors.push(fieldError(coordinatesPath, 'must be a non-empty array of linear rings'));
    return { ok: false, errors };
  }
  if (rings.length > MAX_RINGS) {
    errors.push(fieldError(coordinatesPath, `must have at most ${MAX_RINGS} rings`));
    return { ok: false, errors };
  }

  rings.forEach((ring: unknown, index) => {
    validateRing(ring, `${coordinatesPath}[${index}]`, errors);
  });

  if (errors.length > 0) return { ok: false, errors: capped(errors) };
  const copy = (rings as number[][][]).map((ring) => ring.map((position) => [position[0]!, position[1]!]));
  return { ok: true, polygon: { type: 'Polygon', coordinates: copy } };
}

function validateRing(ring: unknown, path: string, errors: FieldError[]): void {
  if (!Array.isArray(ring)) {
    errors.push(fieldError(path, 'must be an array of positions'));
    return;
  }
  if (ring.length < 4) {
    errors.push(fieldError(path, 'must have at least 4 positions (a closed triangle)'));
    return;
  }
  if (ring.length > MAX_RING_POSITIONS) {
    errors.push(fieldError(path, `must have at most ${MAX_RING_POSITIONS} positions`));
    return;
  }
  const before = errors.length;
  ring.forEach((position: unknown, index) => {
    const problem = positionProblem(position);
    if (problem !== undefined) errors.push(fieldError(`${path}[${index}]`, problem));
  });
  if (errors.length > before) return;

  const positions = ring as number[][];
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    errors.push(fieldError(path, 'must be closed: the last position must equal the first'));
    return;
  }
  const problem = selfIntersectionProblem(positions);
  if (problem !== undefined) errors.push(fieldError(path, problem));
}

function positionProblem(position: unknown): string | undefined {
  if (!Array.isArray(position) || position.length !== 2) {
    return 'must be a position [lng, lat] of exactly 2 numbers';
  }
  const [lng, lat] = position as unknown[];
  if (typeof lng !== 'number' || !Number.isFinite(lng) || typeof lat !== 'number' || !Number.isFinite(lat)) {
    return 'must contain finite numbers';
  }
  if (lng < -180 || lng > 180) return 'longitude (first number) must be within [-180, 180]';
  if (lat < -90 || lat > 90) return 'latitude (second number) must be within [-90, 90]';
  return undefined;
}

/**
 * Finds the first pair of ring edges that meet anywhere other than a shared vertex. O(n²), which is
 * why ring size is capped.
 */
function selfIntersectionProblem(positions: readonly PlanarPoint[]): string | undefined {
  // Work on distinct vertices (closing position dropped) but keep original indices for messages.
  const vertices: PlanarPoint[] = [];
  const indices: number[] = [];
  for (let i = 0; i < positions.length - 1; i++) {
    const p = positions[i]!;
    const previous = vertices[vertices.length - 1];
    if (previous !== undefined && previous[0] === p[0] && previous[1] === p[1]) continue;
    vertices.push(p);
    indices.push(i);
  }
  const lastVertex = vertices[vertices.length - 1];
  if (vertices.length > 1 && lastVertex![0] === vertices[0]![0] && lastVertex![1] === vertices[0]![1]) {
    vertices.pop();
    indices.pop();
  }
  const n = vertices.length;
  if (n < 3) return 'must have at least 3 distinct corners';

  const edge = (i: number): [PlanarPoint, PlanarPoint] => [vertices[i]!, vertices[(i + 1) % n]!];
  const label = (i: number): string => `${indices[i]}–${indices[(i + 1) % n]}`;

  for (let i = 0; i < n; i++) {
    const [a, b] = edge(i);
    // Neighbouring edges legitimately share a vertex, but must not fold back over each other (a spike).
    const [, c] = edge((i + 1) % n);
    if (isCollinearOnSegment(c, a, b) || isCollinearOnSegment(a, b, c)) {
      return `edges ${label(i)} and ${label((i + 1) % n)} overlap (zero-width spike)`;
    }
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // first and last edges are neighbours through vertex 0
      const [q1, q2] = edge(j);
      if (segmentsIntersect(a, b, q1, q2)) {
        return `must not intersect itself: edges ${label(i)} and ${label(j)} cross or touch`;
      }
    }
  }
  return undefined;
}

function capped(errors: FieldError[]): FieldError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  const kept = errors.slice(0, MAX_REPORTED_ERRORS);
  kept.push(fieldError(kept[0]!.path, `…and ${errors.length - MAX_REPORTED_ERRORS} more problems`));
  return kept;
}
