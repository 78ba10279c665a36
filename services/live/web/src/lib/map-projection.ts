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
