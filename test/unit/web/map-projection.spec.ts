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
}>('lib/map-projection');

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
