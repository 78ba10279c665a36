import assert from 'node:assert/strict';
import { Topic, topicName } from '@grid-dispatch/contracts';
import { createKafkaClient, type ReferenceDataAnnouncement } from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';
import type { Consumer } from 'kafkajs';
import { eventually, type JsonResponse, login, request } from '../support/http-client';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** A closed rectangle, [lng, lat]. */
function box(west: number, south: number, east: number, north: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** Reads the test's reference-data topic from the beginning, as the kafka tap does for ticket events. */
class ReferenceTap {
  readonly raw: string[] = [];
  private consumer: Consumer | null = null;

  async start(brokers: string[], prefix: string): Promise<void> {
    const kafka = createKafkaClient({
      brokers,
      clientId: 'test-ref-tap',
      logger: createLogger({ level: 'error' }),
    });
    this.consumer = kafka.consumer({ groupId: `${prefix}test-ref-tap`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: topicName(prefix, Topic.ReferenceData), fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        this.raw.push(message.value?.toString() ?? '');
      },
    });
  }

  find(entity: string, id: string, action: string): ReferenceDataAnnouncement | undefined {
    return this.raw
      .map((text) => JSON.parse(text) as ReferenceDataAnnouncement)
      .find((a) => a.entity === entity && a.id === id && a.action === action);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/**
 * The administration API (README.md#the-api) through the gateway on the real servers:
 * each resource's create/read/update/delete, who may call it, conflicts, announcements on the
 * reference-data topic, and a new grid and responsibility line routing the very next report.
 */
describe('administration', function () {
  this.timeout(120000);
  let system: TestSystem;
  let admin: string;
  const tap = new ReferenceTap();
  /** Every answer's text, to prove no password or hash ever leaves the server. */
  const answers: string[] = [];
  const SECRET = 'Correct-Horse-9';
  const NEW_SECRET = 'Battery-Staple-7';

  async function api<T = any>(
    method: string,
    path: string,
    body?: unknown,
    token = admin,
  ): Promise<JsonResponse<T>> {
    const res = await request<T>(system.url, method, `/api/v1/admin${path}`, { body, token });
    answers.push(JSON.stringify(res.body));
    return res;
  }

  before(async () => {
    system = await startTestSystem();
    admin = await login(system.url, 'admin', 'admin-test-password');
    await tap.start(system.config.KAFKA_BROKERS, system.config.TOPIC_PREFIX);
  });
  after(async () => {
    await tap.stop();
    await system?.destroy();
  });

  it('answers 401 without a token and 404 to a unit member or a secretary', async () => {
    const member = await login(system.url, 'water.member', 'demo-test-password');
    const secretary = await login(system.url, 'chunhai.secretary', 'demo-test-password');
    const district = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    for (const path of ['/areas', '/units', '/users', '/categories', '/responsibilities']) {
      assert.equal((await request(system.url, 'GET', `/api/v1/admin${path}`)).status, 401, path);
      for (const token of [member, secretary, district]) {
        assert.equal((await api('GET', path, undefined, token)).status, 404, path);
      }
    }
    const body = { name: { zh: '区', en: 'D' }, level: 'district' };
    assert.equal((await api('POST', '/areas', body, member)).status, 404);
    assert.equal((await api('PUT', '/categories/noise', {}, secretary)).status, 404);
    assert.equal((await request(system.url, 'POST', '/api/v1/admin/areas', { body })).status, 401);
  });

  it('creates, reads, lists, updates and deletes areas, refusing to delete one still in use', async () => {
    const created = await api('POST', '/areas', {
      id: 'harbour',
      name: { zh: '港湾社区', en: 'Harbour' },
      level: 'community',
      parentId: 'laohutan',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.id, 'harbour');
    const boundary = box(121.63, 38.921, 121.631, 38.922);
    const grid = await api('POST', '/areas', {
      name: { zh: '港湾第一网格', en: 'Harbour Grid 1' },
      level: 'grid',
      parentId: 'harbour',
      boundary,
    });
    assert.equal(grid.status, 201);
    assert.match(grid.body.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(grid.body.boundary, boundary);
    const stored = await system.platform.models.areas.findById(grid.body.id).lean().exec();
    assert.equal(stored?.boundaryJson, JSON.stringify(boundary));
    assert.deepEqual((await api('GET', `/areas/${grid.body.id}`)).body.boundary, boundary);

    const renamed = await api('PUT', '/areas/harbour', {
      name: { zh: '新港湾社区', en: 'New Harbour' },
      level: 'community',
      parentId: 'laohutan',
    });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name.en, 'New Harbour');
    assert.equal((await api('GET', '/areas?parentId=harbour')).body.items.length, 1);

    const inUse = await api('DELETE', '/areas/harbour');
    assert.equal(inUse.status, 409);
    assert.match(inUse.body.error.message, /child areas: /);
    const lineInUse = await api('DELETE', '/areas/chunhai-g1');
    assert.equal(lineInUse.status, 409);
    assert.match(lineInUse.body.error.message, /responsibility lines: street_lamp@chunhai-g1/);

    assert.equal((await api('DELETE', `/areas/${grid.body.id}`)).status, 204);
    assert.equal((await api('DELETE', '/areas/harbour')).status, 204);
    assert.equal((await api('GET', '/areas/harbour')).status, 404);
    assert.equal((await api('DELETE', '/areas/harbour')).status, 404);
  });

  it('keeps a duty desk on each district: an active unit, kept across edits, that cannot be deactivated', async () => {
    const district = (await api('GET', '/areas/zhongshan')).body;
    assert.equal(district.dutyUnitId, 'duty-desk');
    // The public area list names it too, for the dashboards' inbox.
    const publicAreas = await request<any[]>(system.url, 'GET', '/api/v1/areas');
    assert.equal(publicAreas.body.find((a) => a.id === 'zhongshan')?.dutyUnitId, 'duty-desk');
    const edit = { name: district.name, level: 'district', parentId: null };
    // An edit that leaves it out keeps it.
    const renamed = await api('PUT', '/areas/zhongshan', edit);
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.dutyUnitId, 'duty-desk');
    const retired = {
      id: 'night-desk',
      name: { zh: '夜间值班', en: 'Night desk' },
      kind: 'other',
      areaIds: ['zhongshan'],
    };
    assert.equal((await api('POST', '/units', retired)).status, 201);
    assert.equal((await api('DELETE', '/units/night-desk')).status, 200);
    for (const [dutyUnitId, message] of [
      ['atlantis-desk', /no such unit/],
      ['night-desk', /deactivated/],
    ] as const) {
      const bad = await api('PUT', '/areas/zhongshan', { ...edit, dutyUnitId });
      assert.equal(bad.status, 422, JSON.stringify(bad.body));
      assert.deepEqual(
        bad.body.error.fields.map((f: { path: string }) => f.path),
        ['dutyUnitId'],
      );
      assert.match(bad.body.error.fields[0].message, message);
    }
    const grid = (await api('GET', '/areas/chunhai-g1')).body;
    const onGrid = await api('PUT', '/areas/chunhai-g1', {
      name: grid.name,
      level: 'grid',
      parentId: grid.parentId,
      boundary: grid.boundary,
      dutyUnitId: 'duty-desk',
    });
    assert.equal(onGrid.status, 422);
    assert.match(onGrid.body.error.fields[0].message, /only a district/);
    const onDuty = await api('DELETE', '/units/duty-desk');
    assert.equal(onDuty.status, 409);
    assert.match(onDuty.body.error.message, /duty desk of zhongshan/);
  });

  it('pages lists by id with ?limit= and ?cursor=', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: JsonResponse<any> = await api('GET', `/areas?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 4);
      seen.push(...page.body.items.map((a: { id: string }) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...seen].sort());
    assert.equal(seen.length, await system.platform.models.areas.countDocuments().exec());
    assert.equal((await api('GET', '/areas?limit=101')).status, 422);
    assert.equal((await api('GET', '/areas?level[$gt]=')).status, 400);
  });

  it('creates, updates and deactivates units, refusing while a line or an open ticket needs one', async () => {
    const body = {
      id: 'harbour-property',
      name: { zh: '港湾物业', en: 'Harbour Property' },
      kind: 'property',
      areaIds: ['chunhai'],
    };
    const created = await api('POST', '/units', body);
    assert.equal(created.status, 201);
    assert.equal(created.body.active, true);
    assert.equal((await api('POST', '/units', body)).status, 409);
    const unknownArea = await api('POST', '/units', {
      ...body,
      id: 'x-unit',
      areaIds: ['chunhai', 'atlantis'],
    });
    assert.equal(unknownArea.status, 422);
    assert.deepEqual(
      unknownArea.body.error.fields.map((f: { path: string }) => f.path),
      ['areaIds[1]'],
    );
    const updated = await api('PUT', '/units/harbour-property', {
      ...body,
      id: undefined,
      kind: 'other',
      areaIds: ['dongri'],
    });
    assert.equal(updated.status, 200);
    assert.deepEqual([updated.body.kind, updated.body.areaIds], ['other', ['dongri']]);
    const needed = await api('DELETE', '/units/gas');
    assert.equal(needed.status, 409);
    assert.match(needed.body.error.message, /gas_leak@zhongshan/);
    const gone = await api('DELETE', '/units/harbour-property');
    assert.equal(gone.status, 200);
    assert.equal(gone.body.active, false);
    assert.equal((await api('GET', '/units/harbour-property')).body.active, false);
  });

  it('manages users without ever answering a password or its hash', async () => {
    const created = await api('POST', '/users', {
      username: 'harbour.member',
      password: SECRET,
      displayName: '港湾值班员',
      role: 'unit_member',
      unitId: 'water',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.equal(created.body.username, 'harbour.member');
    assert.ok(!('password' in created.body) && !('passwordHash' in created.body));
    await login(system.url, 'harbour.member', SECRET);

    const duplicate = await api('POST', '/users', {
      username: 'harbour.member',
      password: SECRET,
      displayName: 'x',
      role: 'admin',
    });
    assert.equal(duplicate.status, 409);
    const shortPassword = await api('POST', '/users', {
      username: 'short.pw',
      password: 'abc',
      displayName: 'x',
      role: 'admin',
    });
    assert.equal(shortPassword.status, 422);
    assert.deepEqual(
      shortPassword.body.error.fields.map((f: { path: string }) => f.path),
      ['password'],
    );
    const wrongLevel = await api('POST', '/users', {
      username: 'wrong.level',
      password: SECRET,
      displayName: 'x',
      role: 'community_secretary',
      areaId: 'laohutan',
    });
    assert.equal(wrongLevel.status, 422);
    assert.deepEqual(
      wrongLevel.body.error.fields.map((f: { path: string }) => f.path),
      ['areaId'],
    );
    const noUnit = await api('POST', '/users', {
      username: 'no.unit',
      password: SECRET,
      displayName: 'x',
      role: 'unit_member',
    });
    assert.deepEqual([noUnit.status, noUnit.body.error.fields[0].path], [422, 'unitId']);
    const secretary = await api('POST', '/users', {
      username: 'laohutan.deputy',
      password: SECRET,
      displayName: '副书记',
      role: 'subdistrict_secretary',
      areaId: 'laohutan',
    });
    assert.equal(secretary.status, 201);

    const changed = await api('PUT', `/users/${id}`, {
      username: 'harbour.member',
      displayName: '港湾值班长',
      role: 'unit_member',
      unitId: 'gas',
      password: NEW_SECRET,
    });
    assert.equal(changed.status, 200);
    assert.deepEqual([changed.body.displayName, changed.body.unitId], ['港湾值班长', 'gas']);
    await assert.rejects(login(system.url, 'harbour.member', SECRET));
    await login(system.url, 'harbour.member', NEW_SECRET);

    const listed = await api('GET', '/users?role=unit_member&limit=100');
    assert.ok(listed.body.items.some((u: { id: string }) => u.id === id));
    const removed = await api('DELETE', `/users/${id}`);
    assert.deepEqual([removed.status, removed.body.active], [200, false]);
    await assert.rejects(login(system.url, 'harbour.member', NEW_SECRET));
    assert.equal((await api('DELETE', '/users/admin')).status, 409);

    const leaked = answers.filter(
      (text) => text.includes(SECRET) || text.includes(NEW_SECRET) || /\$2[aby]\$/.test(text),
    );
    assert.deepEqual(leaked, []);
  });

  it('upserts categories by code, checks their durations and deactivates them', async () => {
    const body = {
      name: { zh: '码头噪声', en: 'Pier noise' },
      priority: 'P3',
      ackWithin: 'PT4H',
      resolveWithin: 'P5D',
      active: true,
    };
    const created = await api('PUT', '/categories/pier_noise', body);
    assert.equal(created.status, 201);
    assert.equal(created.body.calendar, 'working', 'P3 defaults to the working calendar');
    const updated = await api('PUT', '/categories/pier_noise', {
      ...body,
      priority: 'P2',
      ackWithin: 'PT30M',
    });
    assert.deepEqual(
      [updated.status, updated.body.ackWithin, updated.body.calendar],
      [200, 'PT30M', 'calendar'],
    );
    for (const [field, value] of [
      ['ackWithin', 'P1M'],
      ['ackWithin', 'PT0S'],
      ['resolveWithin', 'soon'],
      ['resolveWithin', 'P1Y'],
    ]) {
      const bad = await api('PUT', '/categories/pier_noise', { ...body, [field!]: value });
      assert.equal(bad.status, 422, `${field}=${value}`);
      assert.deepEqual(
        bad.body.error.fields.map((f: { path: string }) => f.path),
        [field],
      );
    }
    assert.equal((await api('PUT', '/categories/Bad-Code', body)).status, 422);
    const off = await api('DELETE', '/categories/pier_noise');
    assert.deepEqual([off.status, off.body.active], [200, false]);
    const all = await api('GET', '/categories?limit=100');
    assert.ok(
      all.body.items.some((c: { code: string; active: boolean }) => c.code === 'pier_noise' && !c.active),
    );
    const open = await request(system.url, 'GET', '/api/v1/categories');
    assert.ok(!open.body.some((c: { code: string }) => c.code === 'pier_noise'));
  });

  it('keeps one responsibility line per category and area', async () => {
    const body = {
      category: 'noise',
      areaId: 'dongri',
      leadUnitId: 'property-dongri',
      assistUnitIds: ['city-management'],
    };
    const created = await api('POST', '/responsibilities', body);
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.assistUnitIds, ['city-management']);
    const duplicate = await api('POST', '/responsibilities', { ...body, assistUnitIds: [] });
    assert.equal(duplicate.status, 409);
    const selfAssist = await api('POST', '/responsibilities', {
      ...body,
      areaId: 'linhai',
      assistUnitIds: ['property-dongri'],
    });
    assert.deepEqual([selfAssist.status, selfAssist.body.error.fields[0].path], [422, 'assistUnitIds[0]']);
    const unknown = await api('POST', '/responsibilities', {
      ...body,
      category: 'nothing',
      leadUnitId: 'nobody',
    });
    assert.deepEqual(
      unknown.body.error.fields.map((f: { path: string }) => f.path),
      ['category', 'leadUnitId'],
    );
    const listed = await api('GET', '/responsibilities?category=noise&areaId=dongri');
    assert.deepEqual(
      listed.body.items.map((r: { id: string }) => r.id),
      [created.body.id],
    );
    const moved = await api('PUT', `/responsibilities/${created.body.id}`, { ...body, areaId: 'linhai' });
    assert.deepEqual([moved.status, moved.body.areaId], [200, 'linhai']);
    const clash = await api('PUT', `/responsibilities/${created.body.id}`, { ...body, areaId: 'zhongshan' });
    assert.equal(clash.status, 409, 'noise@zhongshan already exists');
    assert.equal((await api('DELETE', `/responsibilities/${created.body.id}`)).status, 204);
    const racing = await Promise.all(
      Array.from({ length: 8 }, () => api('POST', '/responsibilities', { ...body, areaId: 'taoyuan' })),
    );
    assert.deepEqual(racing.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
    assert.equal((await api('GET', `/responsibilities/${created.body.id}`)).status, 404);
  });

  it('routes the very next report by a new grid and a new responsibility line, without a restart', async () => {
    const point = { lat: 38.9255, lng: 121.6305 }; // inside chunhai-g1, inside the new, smaller grid
    const grid = await api('POST', '/areas', {
      id: 'chunhai-pier',
      name: { zh: '春海码头网格', en: 'Chunhai Pier Grid' },
      level: 'grid',
      parentId: 'chunhai',
      boundary: box(121.63, 38.925, 121.631, 38.926),
    });
    assert.equal(grid.status, 201);
    const unit = await api('POST', '/units', {
      id: 'pier-office',
      name: { zh: '码头办', en: 'Pier Office' },
      kind: 'other',
      areaIds: ['chunhai'],
    });
    assert.equal(unit.status, 201);
    const line = await api('POST', '/responsibilities', {
      category: 'street_lamp',
      areaId: 'chunhai-pier',
      leadUnitId: 'pier-office',
    });
    assert.equal(line.status, 201);

    const { ticket } = await fileAndDispatch(system, {
      category: 'street_lamp',
      description: 'the lamp at the pier is dark',
      location: point,
    });
    assert.equal(ticket.unitId, 'pier-office');
    assert.deepEqual(ticket.areaIds, ['chunhai-pier', 'chunhai', 'laohutan', 'zhongshan']);
    const needed = await api('DELETE', '/units/pier-office');
    assert.equal(needed.status, 409, 'a line and an open ticket still need the unit');
  });

  it('announces every write on the reference-data topic, with ids only', async () => {
    const wanted: Array<[string, string, string]> = [
      ['area', 'harbour', 'created'],
      ['area', 'harbour', 'updated'],
      ['area', 'harbour', 'deleted'],
      ['unit', 'harbour-property', 'deleted'],
      ['category', 'pier_noise', 'created'],
      [
        'responsibility',
        (await system.platform.models.responsibilities.findOne({ areaId: 'chunhai-pier' }).lean().exec())!
          ._id,
        'created',
      ],
    ];
    for (const [entity, id, action] of wanted) {
      const found = await eventually(async () => tap.find(entity, id, action), 15000);
      assert.ok(!Number.isNaN(Date.parse(found.at)));
      assert.deepEqual(Object.keys(found).sort(), ['action', 'at', 'entity', 'id']);
    }
    const users = tap.raw.filter((t) => t.includes('"entity":"user"'));
    assert.ok(users.length >= 3);
    assert.deepEqual(
      users.filter((t) => /harbour\.member|Correct-Horse|Battery-Staple|displayName/.test(t)),
      [],
    );
  });
});
