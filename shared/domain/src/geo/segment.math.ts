/**
 * Planar segment predicates on `[x, y]` pairs, shared by point-in-polygon and ring validation.
 *
 * Grids are a few hundred metres across, so treating degrees as a plane is accurate enough for
 * topology (which side, does it cross); distances use the sphere elsewhere.
 */

/** A planar point `[x, y]`; for GeoJSON that is `[lng, lat]`. */
export type PlanarPoint = readonly number[];

/**
 * Tolerance in degrees (about 0.1 mm) for "lies on a segment". Without it a pin placed exactly on
 * a shared grid edge would flicker between inside and outside through rounding.
 */
export const ON_SEGMENT_TOLERANCE_DEG = 1e-9;

/** Twice the signed area of triangle a-b-c: > 0 when c is left of a→b, < 0 right, 0 collinear. */
export function orientation(a: PlanarPoint, b: PlanarPoint, c: PlanarPoint): number {
  return (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
}

/** True when `p` lies on the closed segment a–b within {@link ON_SEGMENT_TOLERANCE_DEG}. */
export function isPointOnSegment(
  p: PlanarPoint,
  a: PlanarPoint,
  b: PlanarPoint,
  tolerance = ON_SEGMENT_TOLERANCE_DEG,
): boolean {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const lengthSq = dx * dx + dy * dy;
  let t = 0;
  if (lengthSq > 0) {
    t = ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / lengthSq;
    t = Math.max(0, Math.min(1, t));
  }
  const cx = a[0]! + t * dx - p[0]!;
  const cy = a[1]! + t * dy - p[1]!;
  return cx * cx + cy * cy <= tolerance * tolerance;
}

/**
 * True when closed segments p1–p2 and q1–q2 share at least one point, including touching at an
 * endpoint and collinear overlap. Exact arithmetic on the inputs: validation must not accept a ring
 * that crosses itself by a hair.
 */
export function segmentsIntersect(
  p1: PlanarPoint,
  p2: PlanarPoint,
  q1: PlanarPoint,
  q2: PlanarPoint,
): boolean {
  const d1 = Math.sign(orientation(q1, q2, p1));
  const d2 = Math.sign(orientation(q1, q2, p2));
  const d3 = Math.sign(orientation(p1, p2, q1));
  const d4 = Math.sign(orientation(p1, p2, q2));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  if (d1 === 0 && withinBox(p1, q1, q2)) return true;
  if (d2 === 0 && withinBox(p2, q1, q2)) return true;
  if (d3 === 0 && withinBox(q1, p1, p2)) return true;
  if (d4 === 0 && withinBox(q2, p1, p2)) return true;
  return false;
}

/**
 * True when `p` is exactly collinear with a–b and lies between them. Exact, unlike
 * {@link isPointOnSegment}, for validation where a tolerance would hide a real fold.
 */
export function isCollinearOnSegment(p: PlanarPoint, a: PlanarPoint, b: PlanarPoint): boolean {
  return orientation(a, b, p) === 0 && withinBox(p, a, b);
}

/** For a point already known to be collinear with a–b: is it between them? */
function withinBox(p: PlanarPoint, a: PlanarPoint, b: PlanarPoint): boolean {
  return (
    p[0]! >= Math.min(a[0]!, b[0]!) &&
    p[0]! <= Math.max(a[0]!, b[0]!) &&
    p[1]! >= Math.min(a[1]!, b[1]!) &&
    p[1]! <= Math.max(a[1]!, b[1]!)
  );
}
