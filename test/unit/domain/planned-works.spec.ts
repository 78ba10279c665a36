import assert from 'node:assert/strict';
import { coveringWorks, type GeoJsonPolygon, type PlannedWorks, worksRunAt } from '@grid-dispatch/domain';

const square: GeoJsonPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [121.6, 38.9],
      [121.61, 38.9],
      [121.61, 38.91],
      [121.6, 38.91],
      [121.6, 38.9],
    ],
  ],
};
const start = new Date('2026-12-01T08:00:00Z');
const end = new Date('2026-12-03T18:00:00Z');
const during = new Date('2026-12-02T10:00:00Z');
const notice = { zh: '更换水管', en: 'Main replaced' };

const byGrid = (overrides: Partial<PlannedWorks> = {}): PlannedWorks => ({
  id: 'w-grid',
  unitId: 'water',
  categories: ['water_outage', 'burst_main'],
  where: { gridIds: ['grid-1'] },
  startsAt: start,
  endsAt: end,
  notice,
  ...overrides,
});
const byPolygon = (overrides: Partial<PlannedWorks> = {}): PlannedWorks =>
  byGrid({ id: 'w-poly', where: { polygon: square }, ...overrides });

const inGrid = { category: 'water_outage', location: null, areaIds: ['grid-1', 'community-1'] };
const inSquare = { category: 'water_outage', location: { lat: 38.905, lng: 121.605 }, areaIds: [] };

describe('planned works: coveringWorks', () => {
  it('covers a report of a listed category in one of the grids while the works run', () => {
    assert.equal(coveringWorks(inGrid, [byGrid()], during)?.id, 'w-grid');
  });

  it('covers a report pinned inside the polygon', () => {
    assert.equal(coveringWorks(inSquare, [byPolygon()], during)?.id, 'w-poly');
  });

  it('does not cover another category', () => {
    assert.equal(coveringWorks({ ...inGrid, category: 'gas_leak' }, [byGrid()], during), undefined);
  });

  it('does not cover a report outside the area', () => {
    assert.equal(coveringWorks({ ...inGrid, areaIds: ['grid-2'] }, [byGrid()], during), undefined);
    const outside = { ...inSquare, location: { lat: 38.92, lng: 121.605 } };
    assert.equal(coveringWorks(outside, [byPolygon()], during), undefined);
  });

  it('needs a map pin for a polygon', () => {
    assert.equal(coveringWorks({ ...inSquare, location: null }, [byPolygon()], during), undefined);
  });

  it('runs from startsAt inclusive to endsAt exclusive', () => {
    assert.equal(coveringWorks(inGrid, [byGrid()], start)?.id, 'w-grid');
    assert.equal(coveringWorks(inGrid, [byGrid()], new Date(start.getTime() - 1)), undefined);
    assert.equal(coveringWorks(inGrid, [byGrid()], end), undefined);
    assert.equal(worksRunAt(byGrid(), new Date(end.getTime() - 1)), true);
  });

  it('prefers the works that end last, then the lower id', () => {
    const later = byGrid({ id: 'w-later', endsAt: new Date('2026-12-05T00:00:00Z') });
    assert.equal(coveringWorks(inGrid, [byGrid(), later], during)?.id, 'w-later');
    assert.equal(coveringWorks(inGrid, [byGrid({ id: 'b' }), byGrid({ id: 'a' })], during)?.id, 'a');
  });

  it('covers nothing with no announcements', () => {
    assert.equal(coveringWorks(inGrid, [], during), undefined);
  });
});
