/**
 * Turns GeoJSON polygons (coordinates [lng, lat]) into SVG coordinates fitted to a box. Pure, so it
 * is unit-tested alone. An equirectangular projection corrected by cos(latitude) is exact enough for
 * one district of a few kilometres.
 */
export interface Bounds {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

export interface Projection {
  width: number;
  height: number;
  toXY(lng: number, lat: number): [number, number];
  toLngLat(x: number, y: number): [number, number];
}

export function boundsOf(rings: number[][][]): Bounds | null {
  let b: Bounds | null = null;
  for (const ring of rings)
    for (const [lng, lat] of ring) {
      if (lng === undefined || lat === undefined) continue;
      if (!b) b = { minLng: lng, maxLng: lng, minLat: lat, maxLat: lat };
      else {
        b.minLng = Math.min(b.minLng, lng);
        b.maxLng = Math.max(b.maxLng, lng);
        b.minLat = Math.min(b.minLat, lat);
        b.maxLat = Math.max(b.maxLat, lat);
      }
    }
  return b;
}

/** Fits `bounds` into a box `width` wide, with `pad` units around; the height follows the shape. */
export function fitProjection(bounds: Bounds, width = 1000, pad = 20): Projection {
  const k = Math.cos(((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180));
  const spanX = Math.max(1e-9, (bounds.maxLng - bounds.minLng) * k);
  const spanY = Math.max(1e-9, bounds.maxLat - bounds.minLat);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round(spanY * scale + 2 * pad);
  return {
    width,
    height,
    toXY: (lng, lat) => [pad + (lng - bounds.minLng) * k * scale, pad + (bounds.maxLat - lat) * scale],
    toLngLat: (x, y) => [bounds.minLng + (x - pad) / (k * scale), bounds.maxLat - (y - pad) / scale],
  };
}

/** SVG path data of one polygon ring. */
export function ringPath(ring: number[][], p: Projection): string {
  return `${ring
    .map(([lng, lat], i) => {
      const [x, y] = p.toXY(lng ?? 0, lat ?? 0);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join('')}Z`;
}

/** Centre of a ring's bounding box, where its label goes. */
export function ringCentre(ring: number[][]): [number, number] {
  const b = boundsOf([ring]);
  if (!b) return [0, 0];
  return [(b.minLng + b.maxLng) / 2, (b.minLat + b.maxLat) / 2];
}

/** Whether a point lies inside a ring (ray casting). */
export function pointInRing(lng: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The areas as the frame helpers need them (structurally `Area` of areas.ts). */
interface FramedArea {
  id: string;
  level: string;
  parentId: string | null;
  boundary?: { coordinates: number[][][] } | null;
}

/** An area and everything below it (its sub-districts, communities, grids), in the given order. */
export function subtreeOf<A extends FramedArea>(areas: readonly A[], rootId: string): A[] {
  const inside = new Set([rootId]);
  // Parents may come after their children in the list: repeat until nothing more joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of areas)
      if (!inside.has(a.id) && a.parentId !== null && inside.has(a.parentId)) {
        inside.add(a.id);
        grew = true;
      }
  }
  return areas.filter((a) => inside.has(a.id));
}

/** The box around the boundaries of an area and of everything below it; null when none has one. */
export function frameOfArea(areas: readonly FramedArea[], rootId: string): Bounds | null {
  return boundsOf(subtreeOf(areas, rootId).flatMap((a) => outerRing(a)));
}

/** The box around every boundary there is; null when there is none. */
export function frameOfAll(areas: readonly FramedArea[]): Bounds | null {
  return boundsOf(areas.flatMap((a) => outerRing(a)));
}

/** The districts that have something to show on a map (a boundary of their own or below them). */
export function mappedDistricts<A extends FramedArea>(areas: readonly A[]): A[] {
  return areas.filter((a) => a.level === 'district' && frameOfArea(areas, a.id) !== null);
}

/** A square box `metres` either side of a point: the frame for "here I am". */
export function aroundPoint(lat: number, lng: number, metres: number): Bounds {
  const dLat = metres / 111320;
  const dLng = metres / (111320 * Math.max(0.01, Math.cos(lat * (Math.PI / 180))));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}

function outerRing(a: FramedArea): number[][][] {
  const ring = a.boundary?.coordinates?.[0];
  return ring?.length ? [ring] : [];
}
