import assert from 'node:assert/strict';
import type { FieldError } from '@grid-dispatch/domain';
import { loadWebModule } from '../../support/web-module';

interface Area {
  id: string;
  name: { zh: string; en: string };
  level: 'district' | 'subdistrict' | 'community' | 'grid';
  parentId: string | null;
}
const tree = loadWebModule<{
  flattenTree(areas: Area[]): Array<{ area: Area; depth: number }>;
  parentChoices(areas: Area[], level: Area['level'], selfId?: string): Area[];
  areaPath(areas: Area[], id: string, lang: 'zh' | 'en'): string;
}>('admin/area-tree');
const polygon = loadWebModule<{
  pointsToPolygon(p: Array<{ lat: number; lng: number }>): { type: string; coordinates: number[][][] } | null;
  polygonToPoints(
    p: { type: 'Polygon'; coordinates: number[][][] } | null,
  ): Array<{ lat: number; lng: number }>;
  parseGeoJson(text: string): { ok: boolean; polygon?: any; message?: string };
}>('admin/polygon');
const cal = loadWebModule<{
  textToHours(text: string): Array<{ start: string; end: string }>;
  hoursToText(h: Array<{ start: string; end: string }>): string;
  textToDays(text: string): Array<{ date: string; name: string }>;
}>('admin/calendar-text');
const errors = loadWebModule<{
  fieldMap(f: FieldError[]): Record<string, string>;
  fieldError(m: Record<string, string>, path: string): string | undefined;
}>('admin/field-errors');

const a = (id: string, level: Area['level'], parentId: string | null): Area => ({
  id,
  name: { zh: `${id}区`, en: id },
  level,
  parentId,
});

describe('web: admin logic', () => {
  const areas = [
    a('g2', 'grid', 'c1'),
    a('c1', 'community', 's1'),
    a('d', 'district', null),
    a('g1', 'grid', 'c1'),
    a('s1', 'subdistrict', 'd'),
    a('orphan', 'grid', 'gone'),
  ];

  it('shows the hierarchy as a tree, orphans at the top level', () => {
    assert.deepEqual(
      tree.flattenTree(areas).map((n) => `${n.depth}:${n.area.id}`),
      ['0:d', '1:s1', '2:c1', '3:g1', '3:g2', '0:orphan'],
    );
    assert.deepEqual(
      tree.parentChoices(areas, 'grid').map((x) => x.id),
      ['c1'],
    );
    assert.deepEqual(tree.parentChoices(areas, 'district'), []);
    assert.equal(tree.areaPath(areas, 'g1', 'en'), 'g1 · c1 · s1 · d');
  });

  it('turns clicked corners into a closed GeoJSON ring and back', () => {
    assert.equal(
      polygon.pointsToPolygon([
        { lat: 1, lng: 2 },
        { lat: 3, lng: 4 },
      ]),
      null,
      'two points enclose nothing',
    );
    const p = polygon.pointsToPolygon([
      { lat: 38.91, lng: 121.62 },
      { lat: 38.91, lng: 121.63 },
      { lat: 38.92, lng: 121.63 },
    ]);
    assert.deepEqual(p?.coordinates[0], [
      [121.62, 38.91],
      [121.63, 38.91],
      [121.63, 38.92],
      [121.62, 38.91],
    ]);
    assert.equal(polygon.polygonToPoints(p as any).length, 3, 'the closing point is not a corner to edit');
  });

  it('accepts pasted Polygon, Feature and FeatureCollection, refuses the rest', () => {
    const ring = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    const geometry = { type: 'Polygon', coordinates: [ring] };
    for (const text of [
      JSON.stringify(geometry),
      JSON.stringify({ type: 'Feature', geometry }),
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry }] }),
    ])
      assert.deepEqual(polygon.parseGeoJson(text).polygon?.coordinates, [ring], text);
    assert.equal(polygon.parseGeoJson('{').ok, false);
    assert.match(polygon.parseGeoJson('{"type":"Point","coordinates":[0,0]}').message ?? '', /Polygon/);
    assert.equal(polygon.parseGeoJson('{"type":"Polygon","coordinates":[[["a",1]]]}').ok, false);
  });

  it('edits calendars as lines of text', () => {
    assert.deepEqual(cal.textToHours('08:30-12:00\n\n 13:00 – 17:30 '), [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
    assert.equal(cal.hoursToText([{ start: '08:30', end: '12:00' }]), '08:30-12:00');
    assert.deepEqual(cal.textToDays('2026-10-01 国庆节\n2026-10-02'), [
      { date: '2026-10-01', name: '国庆节' },
      { date: '2026-10-02', name: '' },
    ]);
  });

  it('puts each server field error beside its input, nested ones on the whole value', () => {
    const m = errors.fieldMap([
      { path: 'parentId', message: 'a grid needs a parent community' },
      { path: 'boundary.coordinates[0][3]', message: 'not closed' },
      { path: 'name.zh', message: 'required' },
    ]);
    assert.equal(errors.fieldError(m, 'parentId'), 'a grid needs a parent community');
    assert.equal(errors.fieldError(m, 'boundary'), 'not closed');
    assert.equal(errors.fieldError(m, 'name.zh'), 'required');
    assert.equal(errors.fieldError(m, 'level'), undefined);
  });
});
