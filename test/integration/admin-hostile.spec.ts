import assert from 'node:assert/strict';
import { type JsonResponse, login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** A closed rectangle, [lng, lat]. */
function box(west: number, south: number, east: number, north: number) {
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every path to a string leaf of a body, e.g. `['name','zh']`, `['areaIds',0]`. */
function stringPaths(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}

function replaced(body: Json, path: Array<string | number>, by: Json): Json {
  const copy = structuredClone(body) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]!] = by;
  return copy;
}

/**
 * Refused admin input stores nothing: GeoJSON that is not a simple closed polygon (400 naming the
 * position), areas at the wrong level (422 naming parentId), and `{"$gt": ""}` in place of every
 * string of every body (400).
 */
describe('administration: refused input', function () {
  this.timeout(120000);
  let system: TestSystem;
  let admin: string;
  const api = (method: string, path: string, body?: unknown): Promise<JsonResponse<any>> =>
    request(system.url, method, `/api/v1/admin${path}`, { body, token: admin });
  const paths = (res: JsonResponse<any>): string[] =>
    (res.body.error?.fields ?? []).map((f: { path: string }) => f.path);

  before(async () => {
    system = await startTestSystem();
    admin = await login(system.url, 'admin', 'admin-test-password');
  });
  after(async () => system?.destroy());

  const grid = (boundary: unknown) => ({
    id: 'bad-grid',
    name: { zh: '网格', en: 'Grid' },
    level: 'grid',
    parentId: 'chunhai',
    boundary,
  });

  const BAD_BOUNDARIES: Array<[string, unknown, RegExp]> = [
    [
      'an unclosed ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [121.63, 38.92],
            [121.64, 38.92],
            [121.64, 38.93],
            [121.63, 38.93],
          ],
        ],
      },
      /^boundary\.coordinates\[0\]$/,
    ],
    [
      'a bow-tie',
      {
        type: 'Polygon',
        coordinates: [
          [
            [121.63, 38.92],
            [121.64, 38.93],
            [121.64, 38.92],
            [121.63, 38.93],
            [121.63, 38.92],
          ],
        ],
      },
      /^boundary\.coordinates\[0\]$/,
    ],
    [
      'an out-of-range coordinate',
      {
        type: 'Polygon',
        coordinates: [
          [
            [121.63, 38.92],
            [181, 38.92],
            [121.64, 38.93],
            [121.63, 38.92],
          ],
        ],
      },
      /^boundary\.coordinates\[0\]\[1\]$/,
    ],
    [
      'nested objects for positions',
      { type: 'Polygon', coordinates: [[{ $gt: '' }, [121.64, 38.92], [121.64, 38.93], [121.63, 38.92]]] },
      /^boundary\.coordinates\[0\]\[0\]$/,
    ],
    ['an object for coordinates', { type: 'Polygon', coordinates: { $ne: null } }, /^boundary\.coordinates$/],
    ['a wrong type', { type: { $gt: '' }, coordinates: box(1, 1, 2, 2).coordinates }, /^boundary\.type$/],
  ];

  for (const [what, boundary, path] of BAD_BOUNDARIES) {
    it(`refuses ${what} with 400 naming the field, storing nothing`, async () => {
      const res = await api('POST', '/areas', grid(boundary));
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.ok(
        paths(res).some((p) => path.test(p)),
        JSON.stringify(res.body),
      );
      assert.equal(await system.platform.models.areas.exists({ _id: 'bad-grid' }).exec(), null);
      const put = await api('PUT', '/areas/chunhai-g1', { ...grid(boundary), id: undefined });
      assert.equal(put.status, 400);
    });
  }

  it('refuses areas at the wrong level with 422 naming parentId (or boundary for a grid without one)', async () => {
    const name = { zh: '区域', en: 'Area' };
    const cases: Array<[unknown, string]> = [
      [
        { name, level: 'grid', parentId: 'laohutan', boundary: box(121.63, 38.92, 121.631, 38.921) },
        'parentId',
      ],
      [{ name, level: 'community', parentId: 'zhongshan' }, 'parentId'],
      [{ name, level: 'subdistrict' }, 'parentId'],
      [{ name, level: 'district', parentId: 'zhongshan' }, 'parentId'],
      [{ name, level: 'community', parentId: 'atlantis' }, 'parentId'],
      [{ name, level: 'grid', parentId: 'chunhai' }, 'boundary'],
    ];
    const before = await system.platform.models.areas.countDocuments().exec();
    for (const [body, field] of cases) {
      const res = await api('POST', '/areas', body);
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.deepEqual(paths(res), [field], JSON.stringify(body));
    }
    assert.equal(
      (await api('PUT', '/areas/chunhai', { name, level: 'community', parentId: 'chunhai-g1' })).status,
      422,
    );
    assert.equal(await system.platform.models.areas.countDocuments().exec(), before);
  });

  const BODIES: Array<{
    method: string;
    path: string;
    model: 'areas' | 'units' | 'users' | 'categories' | 'responsibilities' | 'calendars';
    body: Json;
  }> = [
    {
      method: 'POST',
      path: '/areas',
      model: 'areas',
      body: {
        id: 'gt-area',
        name: { zh: '区', en: 'A' },
        level: 'grid',
        parentId: 'chunhai',
        boundary: box(121.63, 38.92, 121.631, 38.921),
      },
    },
    {
      method: 'POST',
      path: '/units',
      model: 'units',
      body: { id: 'gt-unit', name: { zh: '单位', en: 'U' }, kind: 'water', areaIds: ['chunhai', 'dongri'] },
    },
    {
      method: 'POST',
      path: '/users',
      model: 'users',
      body: {
        id: 'gt-user',
        username: 'gt.user',
        password: 'long-enough-1',
        displayName: 'G',
        role: 'unit_member',
        unitId: 'gas',
      },
    },
    {
      method: 'POST',
      path: '/users',
      model: 'users',
      body: {
        id: 'gt-sec',
        username: 'gt.sec',
        password: 'long-enough-1',
        displayName: 'G',
        role: 'community_secretary',
        areaId: 'chunhai',
      },
    },
    {
      method: 'PUT',
      path: '/categories/gt_category',
      model: 'categories',
      body: {
        name: { zh: '类', en: 'C' },
        description: { zh: '述', en: 'D' },
        priority: 'P1',
        ackWithin: 'PT1M',
        resolveWithin: 'PT1H',
        calendar: 'calendar',
        active: true,
      },
    },
    {
      method: 'POST',
      path: '/responsibilities',
      model: 'responsibilities',
      body: {
        id: 'gt-line',
        category: 'noise',
        areaId: 'dongri',
        leadUnitId: 'gas',
        assistUnitIds: ['water', 'power'],
      },
    },
    {
      method: 'PUT',
      path: '/calendars/gt-calendar',
      model: 'calendars',
      body: {
        name: { zh: '日历', en: 'Calendar' },
        timezone: 'Asia/Shanghai',
        officeHours: [{ start: '08:30', end: '17:30' }],
        years: [
          {
            year: 2026,
            status: 'official',
            source: 'test',
            holidays: [{ date: '2026-10-01', name: '国庆节' }],
            makeUpWorkdays: [{ date: '2026-10-10', name: '国庆节调休上班' }],
          },
        ],
      },
    },
  ];

  it('answers 400 to {"$gt": ""} in every string field of every body and stores nothing', async () => {
    let tried = 0;
    for (const { method, path, model, body } of BODIES) {
      const count = await system.platform.models[model].countDocuments().exec();
      for (const at of stringPaths(body)) {
        const res = await api(method, path, replaced(body, at, { $gt: '' }));
        assert.equal(res.status, 400, `${method} ${path} ${at.join('.')}: ${JSON.stringify(res.body)}`);
        assert.ok(paths(res).length > 0);
        tried++;
      }
      assert.equal(await system.platform.models[model].countDocuments().exec(), count, path);
      // The unaltered body is accepted, so each refusal above was about the operator alone.
      const ok = await api(method, path, body);
      assert.ok(ok.status === 201, `${method} ${path}: ${ok.status} ${JSON.stringify(ok.body)}`);
    }
    assert.ok(tried >= 38, `tried ${tried}`);
  });

  it('refuses unknown fields and operators in route parameters and queries', async () => {
    const unknown = await api('POST', '/units', {
      name: { zh: '单', en: 'U' },
      kind: 'gas',
      areaIds: ['chunhai'],
      $where: '1',
    });
    assert.deepEqual([unknown.status, paths(unknown)], [400, ['$where']]);
    assert.equal((await api('GET', '/users?username[$ne]=x')).status, 400);
    assert.equal((await api('GET', '/users?role=admin&role=unit_member')).status, 400);
    assert.equal((await api('GET', `/areas/${encodeURIComponent('{"$gt":""}')}`)).status, 404);
  });
});
