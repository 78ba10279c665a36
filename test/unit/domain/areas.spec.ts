import assert from 'node:assert/strict';
import {
  AREA_LEVELS,
  type AreaLevel,
  type AreaNode,
  ancestorPath,
  descendantIds,
  findGridAt,
  type GeoJsonPolygon,
  isWithinArea,
  validParentLevel,
} from '@grid-dispatch/domain';

const box = (minLng: number, minLat: number, maxLng: number, maxLat: number): GeoJsonPolygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [minLng, minLat],
      [maxLng, minLat],
      [maxLng, maxLat],
      [minLng, maxLat],
      [minLng, minLat],
    ],
  ],
});

// D1 ─ S1 ─ C1 ─ G1, G2
//         └ C2 ─ G3
//    └ S2 ─ C3
// D2
const AREAS: AreaNode[] = [
  { id: 'D1', level: 'district', parentId: null },
  { id: 'S1', level: 'subdistrict', parentId: 'D1' },
  { id: 'S2', level: 'subdistrict', parentId: 'D1' },
  { id: 'C1', level: 'community', parentId: 'S1' },
  { id: 'C2', level: 'community', parentId: 'S1' },
  { id: 'C3', level: 'community', parentId: 'S2' },
  { id: 'G1', level: 'grid', parentId: 'C1', boundary: box(0, 0, 1, 1) },
  { id: 'G2', level: 'grid', parentId: 'C1', boundary: box(1, 0, 2, 1) },
  { id: 'G3', level: 'grid', parentId: 'C2', boundary: box(0, 1, 2, 2) },
  { id: 'D2', level: 'district', parentId: null, boundary: box(-10, -10, 10, 10) },
];

describe('domain/areas', () => {
  it('orders AREA_LEVELS from district to grid', () => {
    assert.deepEqual(AREA_LEVELS, ['district', 'subdistrict', 'community', 'grid']);
  });

  describe('ancestorPath', () => {
    const cases: Array<[string, string[]]> = [
      ['G1', ['G1', 'C1', 'S1', 'D1']],
      ['G3', ['G3', 'C2', 'S1', 'D1']],
      ['C3', ['C3', 'S2', 'D1']],
      ['D2', ['D2']],
    ];
    for (const [id, path] of cases) {
      it(`${id} → ${path.join(' → ')}`, () => assert.deepEqual(ancestorPath(AREAS, id), path));
    }

    it('throws on an unknown id', () => {
      assert.throws(() => ancestorPath(AREAS, 'nope'), /Unknown area id "nope"/);
    });

    it('throws on a dangling parent', () => {
      const broken: AreaNode[] = [{ id: 'G9', level: 'grid', parentId: 'C9' }];
      assert.throws(() => ancestorPath(broken, 'G9'), /parent "C9", which does not exist/);
    });

    it('throws on a cycle', () => {
      const cyclic: AreaNode[] = [
        { id: 'A', level: 'community', parentId: 'B' },
        { id: 'B', level: 'subdistrict', parentId: 'A' },
      ];
      assert.throws(() => ancestorPath(cyclic, 'A'), /cycle: A → B → A/);
    });
  });

  describe('isWithinArea', () => {
    const cases: Array<[string, string, boolean]> = [
      ['G1', 'G1', true],
      ['G1', 'C1', true],
      ['G1', 'S1', true],
      ['G1', 'D1', true],
      ['G1', 'C2', false],
      ['G1', 'S2', false],
      ['G1', 'D2', false],
      ['C1', 'G1', false],
      ['nope', 'D1', false],
    ];
    for (const [areaId, scope, expected] of cases) {
      it(`${areaId} within ${scope} → ${expected}`, () =>
        assert.equal(isWithinArea(AREAS, areaId, scope), expected));
    }
  });

  describe('descendantIds', () => {
    it('lists the area itself first and everything below it', () => {
      assert.deepEqual(descendantIds(AREAS, 'S1').sort(), ['C1', 'C2', 'G1', 'G2', 'G3', 'S1']);
      assert.equal(descendantIds(AREAS, 'S1')[0], 'S1');
      assert.deepEqual(descendantIds(AREAS, 'G2'), ['G2']);
      assert.equal(descendantIds(AREAS, 'D1').length, 9);
    });

    it('throws on an unknown id and survives a cycle', () => {
      assert.throws(() => descendantIds(AREAS, 'nope'), /Unknown area id/);
      const cyclic: AreaNode[] = [
        { id: 'A', level: 'community', parentId: 'B' },
        { id: 'B', level: 'subdistrict', parentId: 'A' },
      ];
      assert.deepEqual(descendantIds(cyclic, 'A'), ['A', 'B']);
    });
  });

  describe('findGridAt', () => {
    it('finds the grid containing the point and ignores non-grid areas', () => {
      assert.equal(findGridAt(AREAS, { lng: 0.5, lat: 0.5 })?.id, 'G1');
      assert.equal(findGridAt(AREAS, { lng: 1.5, lat: 1.5 })?.id, 'G3');
      // D2's boundary contains this point, but districts are not grids.
      assert.equal(findGridAt(AREAS, { lng: -5, lat: -5 }), undefined);
    });

    it('picks the smaller grid where grids overlap', () => {
      const overlapping: AreaNode[] = [
        { id: 'big', level: 'grid', parentId: 'C1', boundary: box(0, 0, 2, 2) },
        { id: 'small', level: 'grid', parentId: 'C1', boundary: box(0.5, 0.5, 1, 1) },
      ];
      assert.equal(findGridAt(overlapping, { lng: 0.7, lat: 0.7 })?.id, 'small');
      assert.equal(findGridAt([...overlapping].reverse(), { lng: 0.7, lat: 0.7 })?.id, 'small');
      assert.equal(findGridAt(overlapping, { lng: 1.5, lat: 1.5 })?.id, 'big');
    });

    it('breaks ties on a shared edge by id, whatever the order', () => {
      const point = { lng: 1, lat: 0.5 };
      assert.equal(findGridAt(AREAS, point)?.id, 'G1');
      assert.equal(findGridAt([...AREAS].reverse(), point)?.id, 'G1');
    });
  });

  describe('validParentLevel', () => {
    const levels: Array<AreaLevel | null> = [null, 'district', 'subdistrict', 'community', 'grid'];
    const allowed = new Set([
      'district<-null',
      'subdistrict<-district',
      'community<-subdistrict',
      'grid<-community',
    ]);
    for (const level of AREA_LEVELS) {
      for (const parent of levels) {
        const expected = allowed.has(`${level}<-${parent}`);
        it(`${level} under ${parent} → ${expected}`, () =>
          assert.equal(validParentLevel(level, parent), expected));
      }
    }
  });
});
