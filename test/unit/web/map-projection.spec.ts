import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

interface Bounds {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}
interface Projection {
  width: number;
  height: number;
  toXY(lng: number, lat: number): [number, number];
  toLngLat(x: number, y: number): [number, number];
}
const m = loadWebModule<{
  boundsOf(rings: number[][][]): Bounds | null;
  fitProjection(b: Bounds, width?: number, pad?: number): Projection;
  ringPath(ring: number[][], p: Projection): string;
  pointInRing(lng: number, lat: number, ring: number[][]): boolean;
  subtreeOf<A extends Area>(areas: readonly A[], rootId: string): A[];
  frameOfArea(areas: readonly Area[], rootId: string): Bounds | null;
  frameOfAll(areas: readonly Area[]): Bounds | null;
  mappedDistricts<A extends Area>(areas: readonly A[]): A[];
  aroundPoint(lat: number, lng: number, metres: number): Bounds;
}>('lib/map-projection');

interface Area {
  id: string;
  level: string;
  parentId: string | null;
  boundary?: { coordinates: number[][][] } | null;
}

/** A square ring from (lng, lat) `size` degrees east and north. */
function square(lng: number, lat: number, size: number): { coordinates: number[][][] } {
  return {
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  };
}

/** The offline grid map: GeoJSON [lng, lat] rings fitted into an SVG box, north up. */
describe('web: map projection', () => {
  const ring = [
    [121.62, 38.91],
    [121.7, 38.91],
    [121.7, 38.93],
    [121.62, 38.93],
    [121.62, 38.91],
  ];

  it('fits the bounding box into the width, north up, and inverts exactly', () => {
    const b = m.boundsOf([ring])!;
    assert.deepEqual(b, { minLng: 121.62, maxLng: 121.7, minLat: 38.91, maxLat: 38.93 });
    const p = m.fitProjection(b, 1000, 20);
    const [x0, y0] = p.toXY(121.62, 38.93);
    assert.ok(Math.abs(x0 - 20) < 1e-9 && Math.abs(y0 - 20) < 1e-9, 'north-west corner at the padding');
    const [x1, y1] = p.toXY(121.7, 38.91);
    assert.ok(Math.abs(x1 - 980) < 1e-9, 'east edge at width - pad');
    assert.ok(Math.abs(y1 - (p.height - 20)) < 1, 'south edge at height - pad');
    // A degree of longitude is shorter than one of latitude at 38.92° N (cos ≈ 0.778).
    const expected = 40 + (960 * 0.02) / (0.08 * Math.cos((38.92 * Math.PI) / 180));
    assert.ok(Math.abs(p.height - expected) <= 1, `height ${p.height}, expected ${expected}`);
    const [lng, lat] = p.toLngLat(...p.toXY(121.65, 38.92));
    assert.ok(Math.abs(lng - 121.65) < 1e-9 && Math.abs(lat - 38.92) < 1e-9);
  });

  it('draws a closed SVG path', () => {
    const p = m.fitProjection(m.boundsOf([ring])!, 1000, 20);
    assert.match(m.ringPath(ring, p), /^M20\.0,(\d+\.\d)L980\.0,\1L980\.0,20\.0L20\.0,20\.0L20\.0,\1Z$/);
  });

  it('finds whether a point lies in a ring', () => {
    assert.equal(m.pointInRing(121.65, 38.92, ring), true);
    assert.equal(m.pointInRing(121.71, 38.92, ring), false);
    assert.equal(m.boundsOf([]), null);
  });
});

/** A frame equal to the expected one but for the last bits of floating-point sums. */
function assertFrame(actual: Bounds | null, expected: Bounds): void {
  assert.ok(actual, 'a frame');
  for (const key of Object.keys(expected) as Array<keyof Bounds>) {
    assert.ok(
      Math.abs(actual[key] - expected[key]) < 1e-9,
      `${key}: ${actual[key]}, expected ${expected[key]}`,
    );
  }
}

/** Where the resident and boundary maps are framed: one district and what lies below it. */
describe('web: map frames', () => {
  // Two districts far apart; the second's grid comes before its community in the list, and the
  // first district has no boundary of its own, only its grids do.
  const areas: Area[] = [
    { id: 'north', level: 'district', parentId: null },
    { id: 'north-c', level: 'community', parentId: 'north', boundary: null },
    { id: 'north-g1', level: 'grid', parentId: 'north-c', boundary: square(121.6, 38.9, 0.01) },
    { id: 'north-g2', level: 'grid', parentId: 'north-c', boundary: square(121.62, 38.9, 0.01) },
    { id: 'south-g1', level: 'grid', parentId: 'south-c', boundary: square(113.2, 23.1, 0.02) },
    { id: 'south-c', level: 'community', parentId: 'south', boundary: null },
    { id: 'south', level: 'district', parentId: null, boundary: square(113.1, 23.0, 0.3) },
    { id: 'empty', level: 'district', parentId: null },
    { id: 'empty-c', level: 'community', parentId: 'empty', boundary: { coordinates: [[]] } },
  ];

  it('takes an area with everything below it, whatever the order of the list', () => {
    assert.deepEqual(
      m.subtreeOf(areas, 'south').map((a) => a.id),
      ['south-g1', 'south-c', 'south'],
    );
    assert.deepEqual(
      m.subtreeOf(areas, 'north-c').map((a) => a.id),
      ['north-c', 'north-g1', 'north-g2'],
    );
    assert.deepEqual(m.subtreeOf(areas, 'nowhere'), []);
  });

  it('frames a district on its own boundaries and those below, not on the other district', () => {
    assertFrame(m.frameOfArea(areas, 'north'), {
      minLng: 121.6,
      maxLng: 121.63,
      minLat: 38.9,
      maxLat: 38.91,
    });
    assertFrame(m.frameOfArea(areas, 'south'), {
      minLng: 113.1,
      maxLng: 113.4,
      minLat: 23.0,
      maxLat: 23.3,
    });
    assert.equal(m.frameOfArea(areas, 'empty'), null, 'an empty ring frames nothing');
    assertFrame(m.frameOfAll(areas), { minLng: 113.1, maxLng: 121.63, minLat: 23.0, maxLat: 38.91 });
  });

  it('offers only districts that have something to show', () => {
    assert.deepEqual(
      m.mappedDistricts(areas).map((a) => a.id),
      ['north', 'south'],
    );
  });

  it('frames "here I am" as a square the given metres either side', () => {
    const b = m.aroundPoint(38.9, 121.6, 500);
    const metresNorth = (b.maxLat - 38.9) * 111320;
    const metresEast = (b.maxLng - 121.6) * 111320 * Math.cos((38.9 * Math.PI) / 180);
    assert.ok(Math.abs(metresNorth - 500) < 1e-6, `${metresNorth} m north`);
    assert.ok(Math.abs(metresEast - 500) < 1e-6, `${metresEast} m east`);
    assert.ok(Math.abs(38.9 - b.minLat - (b.maxLat - 38.9)) < 1e-12, 'centred on the point');
  });
});
