import assert from 'node:assert/strict';
import {
  boundingBoxAround,
  coarseDistanceM,
  distanceMeters,
  type GeoJsonPolygon,
  isValidLatLng,
  type LatLng,
  pointInPolygon,
  polygonAreaSqM,
  snappedPosition,
  validatePolygon,
} from '@grid-dispatch/domain';

const polygon = (...rings: number[][][]): GeoJsonPolygon => ({ type: 'Polygon', coordinates: rings });
const at = (lng: number, lat: number): LatLng => ({ lat, lng });

// Unit square (lng 0..1, lat 0..1).
const square = polygon([
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
]);
// A "U" opening north: the notch lng 0.4..0.6, lat 0.3..1 is outside.
const concaveU = polygon([
  [0, 0],
  [1, 0],
  [1, 1],
  [0.6, 1],
  [0.6, 0.3],
  [0.4, 0.3],
  [0.4, 1],
  [0, 1],
  [0, 0],
]);
// Square 0..4 with a hole 1..3.
const donut = polygon(
  [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
    [0, 0],
  ],
  [
    [1, 1],
    [1, 3],
    [3, 3],
    [3, 1],
    [1, 1],
  ],
);

describe('domain/geo pointInPolygon', () => {
  const cases: Array<[string, GeoJsonPolygon, LatLng, boolean]> = [
    ['square centre', square, at(0.5, 0.5), true],
    ['square outside east', square, at(1.5, 0.5), false],
    ['square outside south', square, at(0.5, -0.001), false],
    ['square corner vertex', square, at(0, 0), true],
    ['square on west edge', square, at(0, 0.5), true],
    ['square on north edge', square, at(0.25, 1), true],
    ['square just outside north edge', square, at(0.25, 1.000001), false],
    ['ray through a vertex (lat of corner)', square, at(-1, 1), false],
    ['concave left arm', concaveU, at(0.2, 0.8), true],
    ['concave notch', concaveU, at(0.5, 0.8), false],
    ['concave base below notch', concaveU, at(0.5, 0.2), true],
    ['concave notch floor is boundary', concaveU, at(0.5, 0.3), true],
    ['concave right arm', concaveU, at(0.8, 0.9), true],
    ['donut ring body', donut, at(0.5, 2), true],
    ['donut hole', donut, at(2, 2), false],
    ['donut hole edge counts as inside', donut, at(1, 2), true],
    ['donut hole corner counts as inside', donut, at(3, 3), true],
    ['donut outside', donut, at(5, 2), false],
  ];
  for (const [name, poly, point, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      assert.equal(pointInPolygon(point, poly), expected);
    });
  }

  it('treats an empty polygon as containing nothing', () => {
    assert.equal(pointInPolygon(at(0, 0), polygon()), false);
  });
});

describe('domain/geo distanceMeters and boundingBoxAround', () => {
  it('is zero for the same point and symmetric', () => {
    const a = at(121.6147, 38.914);
    const b = at(121.63, 38.92);
    assert.equal(distanceMeters(a, a), 0);
    assert.equal(distanceMeters(a, b), distanceMeters(b, a));
  });

  it('measures one degree of latitude as about 111.2 km', () => {
    const d = distanceMeters(at(0, 0), at(0, 1));
    assert.ok(Math.abs(d - 111_195) < 5, `got ${d}`);
  });

  it('measures a known city distance (Dalian to Beijing ≈ 460 km)', () => {
    const d = distanceMeters(at(121.6147, 38.914), at(116.4074, 39.9042));
    assert.ok(d > 455_000 && d < 470_000, `got ${d}`);
  });

  it('bounds every point at the radius in all directions', () => {
    const centre = at(121.6147, 38.914);
    const radius = 500;
    const box = boundingBoxAround(centre, radius);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      const rad = (bearing * Math.PI) / 180;
      // Walk outwards along the bearing until just inside the radius.
      const dLat = ((radius * 0.999) / 6371008.8) * Math.cos(rad) * (180 / Math.PI);
      const dLng =
        (((radius * 0.999) / 6371008.8) * Math.sin(rad) * (180 / Math.PI)) /
        Math.cos((centre.lat * Math.PI) / 180);
      const p = at(centre.lng + dLng, centre.lat + dLat);
      assert.ok(distanceMeters(centre, p) <= radius);
      assert.ok(p.lat >= box.minLat && p.lat <= box.maxLat, `lat at bearing ${bearing}`);
      assert.ok(p.lng >= box.minLng && p.lng <= box.maxLng, `lng at bearing ${bearing}`);
    }
    assert.ok(box.maxLat - box.minLat < 0.01);
  });

  it('widens to every longitude near a pole or across the antimeridian', () => {
    const polar = boundingBoxAround(at(0, 89.999), 1000);
    assert.equal(polar.minLng, -180);
    assert.equal(polar.maxLng, 180);
    assert.equal(polar.maxLat, 90);
    const dateline = boundingBoxAround(at(179.9999, 0), 1000);
    assert.equal(dateline.minLng, -180);
    assert.equal(dateline.maxLng, 180);
  });

  it('rejects a negative radius', () => {
    assert.throws(() => boundingBoxAround(at(0, 0), -1), RangeError);
  });
});

describe('domain/geo polygonAreaSqM', () => {
  it('gives about 12,364 km² for a 1°×1° square at the equator', () => {
    const area = polygonAreaSqM(square);
    assert.ok(Math.abs(area / 1e6 - 12_364) < 20, `got ${area / 1e6}`);
  });

  it('subtracts holes', () => {
    const outer = polygonAreaSqM(polygon(donut.coordinates[0]!));
    const hole = polygonAreaSqM(polygon(donut.coordinates[1]!));
    assert.ok(Math.abs(polygonAreaSqM(donut) - (outer - hole)) < 1);
    assert.ok(Math.abs(hole / outer - 0.25) < 0.01);
  });
});

describe('domain/geo validatePolygon', () => {
  it('accepts a square, a concave ring and a ring with a hole', () => {
    for (const poly of [square, concaveU, donut]) {
      const result = validatePolygon(poly);
      assert.equal(result.ok, true);
      if (result.ok) assert.deepEqual(result.polygon, poly);
    }
  });

  it('drops unknown properties from the accepted copy', () => {
    const result = validatePolygon({ ...square, bbox: [0, 0, 1, 1] });
    assert.ok(result.ok);
    assert.deepEqual(Object.keys(result.polygon), ['type', 'coordinates']);
  });

  it('tolerates consecutive duplicate positions', () => {
    const result = validatePolygon(
      polygon([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    );
    assert.equal(result.ok, true);
  });

  const bad: Array<[string, unknown, string, RegExp]> = [
    ['not an object', 'POLYGON((0 0))', 'boundary', /GeoJSON Polygon/],
    ['null', null, 'boundary', /GeoJSON Polygon/],
    ['wrong type', { ...square, type: 'MultiPolygon' }, 'boundary.type', /Polygon/],
    ['no coordinates', { type: 'Polygon' }, 'boundary.coordinates', /non-empty/],
    ['empty coordinates', polygon(), 'boundary.coordinates', /non-empty/],
    ['ring not an array', { type: 'Polygon', coordinates: [5] }, 'boundary.coordinates[0]', /array/],
    [
      'ring too short',
      polygon([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
      'boundary.coordinates[0]',
      /at least 4/,
    ],
    [
      'unclosed ring',
      polygon([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
      'boundary.coordinates[0]',
      /closed/,
    ],
    [
      'position with three numbers',
      polygon([
        [0, 0, 5],
        [1, 0],
        [1, 1],
        [0, 0, 5],
      ]),
      'boundary.coordinates[0][0]',
      /exactly 2/,
    ],
    [
      'non-numeric position',
      polygon([[0, 0], ['1', 0] as unknown as number[], [1, 1], [0, 0]]),
      'boundary.coordinates[0][1]',
      /finite/,
    ],
    [
      'NaN in a position',
      polygon([
        [0, 0],
        [Number.NaN, 0],
        [1, 1],
        [0, 0],
      ]),
      'boundary.coordinates[0][1]',
      /finite/,
    ],
    [
      'longitude out of range',
      polygon([
        [0, 0],
        [181, 0],
        [1, 1],
        [0, 0],
      ]),
      'boundary.coordinates[0][1]',
      /longitude/,
    ],
    [
      'latitude out of range',
      polygon([
        [0, 0],
        [1, 0],
        [1, -90.5],
        [0, 0],
      ]),
      'boundary.coordinates[0][2]',
      /latitude/,
    ],
    [
      'bow-tie (self-intersecting)',
      polygon([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
      'boundary.coordinates[0]',
      /intersect/,
    ],
    [
      'ring touching itself at a vertex',
      polygon([
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
        [1, 1],
        [0, 0],
      ]),
      'boundary.coordinates[0]',
      /intersect/,
    ],
    [
      'zero-width spike',
      polygon([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
      'boundary.coordinates[0]',
      /spike|intersect/,
    ],
    [
      'collinear ring with no area',
      polygon([
        [0, 0],
        [1, 0],
        [2, 0],
        [0, 0],
      ]),
      'boundary.coordinates[0]',
      /spike|intersect/,
    ],
    [
      'self-intersecting hole',
      polygon(donut.coordinates[0]!, [
        [1, 1],
        [3, 3],
        [3, 1],
        [1, 3],
        [1, 1],
      ]),
      'boundary.coordinates[1]',
      /intersect/,
    ],
  ];
  for (const [name, value, path, message] of bad) {
    it(`rejects ${name} at ${path}`, () => {
      const result = validatePolygon(value);
      assert.equal(result.ok, false);
      if (result.ok) return;
      const hit = result.errors.find((e) => e.path === path);
      assert.ok(hit, `expected an error at ${path}, got ${JSON.stringify(result.errors)}`);
      assert.match(hit.message, message);
    });
  }

  it('rejects rings over 1000 positions', () => {
    const ring: number[][] = [];
    for (let i = 0; i < 1000; i++) {
      const a = (2 * Math.PI * i) / 1000;
      ring.push([Math.cos(a), Math.sin(a)]);
    }
    ring.push(ring[0]!);
    const result = validatePolygon(polygon(ring));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.errors[0]!.message, /at most 1000/);
    assert.equal(validatePolygon(polygon(ring.slice(1))).ok, false, 'unclosed after slicing');
    const ok = [...ring.slice(0, 998), ring[0]!];
    assert.equal(validatePolygon(polygon(ok)).ok, true, '999 positions is fine');
  });

  it('uses the given path prefix', () => {
    const result = validatePolygon({ type: 'Polygon' }, 'areas[2].boundary');
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.path, 'areas[2].boundary.coordinates');
  });

  it('reports every bad position of a ring', () => {
    const result = validatePolygon(
      polygon([
        [0, 0],
        [200, 0],
        [1, 100],
        [0, 0],
      ]),
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.path),
      ['boundary.coordinates[0][1]', 'boundary.coordinates[0][2]'],
    );
  });
});

describe('domain/geo isValidLatLng', () => {
  const cases: Array<[unknown, boolean]> = [
    [{ lat: 38.9, lng: 121.6 }, true],
    [{ lat: -90, lng: 180 }, true],
    [{ lat: 90.0001, lng: 0 }, false],
    [{ lat: 0, lng: -180.1 }, false],
    [{ lat: '38.9', lng: 121.6 }, false],
    [{ lat: Number.NaN, lng: 0 }, false],
    [{ lat: 0, lng: Number.POSITIVE_INFINITY }, false],
    [{ lat: 0 }, false],
    [null, false],
    [[38.9, 121.6], false],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => {
      assert.equal(isValidLatLng(value), expected);
    });
  }
});

describe('geo: coarse public positions', () => {
  it('rounds distances up to the next 50 m, never below 50', () => {
    assert.deepEqual([0, 0.4, 49.9, 50, 50.1, 99, 151].map(coarseDistanceM), [50, 50, 50, 50, 100, 100, 200]);
  });
  it('snaps a position to the centre of its ~100 m cell, the same for every point inside it', () => {
    const a = snappedPosition({ lat: 38.9201, lng: 121.6401 });
    const b = snappedPosition({ lat: a.lat + 0.0002, lng: a.lng - 0.0002 });
    assert.deepEqual(a, b);
    assert.ok(distanceMeters(a, { lat: 38.9201, lng: 121.6401 }) < 75);
    const far = snappedPosition({ lat: 38.9201 + 0.002, lng: 121.6401 });
    assert.notDeepEqual(a, far);
  });
});
