import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CommitteeTap } from '../support/committee-tap';
import { eventually, login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * The committee's resources list on the real servers: a member unit keeps its own entries
 * (version-checked), nobody else's; secretaries list the resources of the committees in their area.
 */
describe('committee resources (member units keep theirs, secretaries list them)', function () {
  this.timeout(120000);
  let system: TestSystem;
  let tap: CommitteeTap;
  const tokens: Record<string, string> = {};
  const fieldsOf = (res: { body: any }) =>
    (res.body?.error?.fields ?? []).map((f: { path: string }) => f.path);
  const room = {
    communityId: 'dongri',
    title: '幼儿园多功能厅',
    description: '周末开放，可容纳三十名儿童',
    kind: 'venue',
    serves: ['childcare', 'study'],
    capacity: 30,
    availableFrom: '2026-01-01',
    availableTo: '2027-12-31',
    openingHours: '周六、周日 9:00–17:00',
    location: { lat: 38.92, lng: 121.65 },
    contact: { name: '李园长', phone: '13700137000' },
  };
  let roomId: string;
  const path = (unit: string, id = '') => `/api/v1/units/${unit}/resources${id ? `/${id}` : ''}`;

  before(async () => {
    system = await startTestSystem();
    tap = new CommitteeTap(system.config.KAFKA_BROKERS, system.config.TOPIC_PREFIX);
    await tap.start();
    for (const user of [
      'property-dongri.member',
      'property-chunhai.member',
      'water.member',
      'dongri.secretary',
      'chunhai.secretary',
    ])
      tokens[user] = await login(system.url, user, 'demo-test-password');
    tokens.admin = await login(system.url, 'admin', 'admin-test-password');
  });
  after(async () => {
    await tap?.stop();
    await system?.destroy();
  });

  it('lets a unit offer a resource to a committee it belongs to', async () => {
    const res = await request(system.url, 'POST', path('property-dongri'), {
      token: tokens['property-dongri.member'],
      body: room,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.unitId, 'property-dongri');
    assert.equal(res.body.remaining, 30);
    assert.equal(res.body.committed, 0);
    assert.equal(res.body.version, 1);
    assert.equal(res.headers.get('etag'), '"1"');
    roomId = res.body.id;
    const events = await tap.waitFor(roomId, 'resource.changed');
    assert.equal(events[0]?.payload.change, 'offered');
    assert.equal(JSON.stringify(events).includes('13700137000'), false, 'no contact on the topic');
  });

  it('refuses bad resources: 400 malformed, 422 naming the field', async () => {
    const post = (body: unknown, unit = 'property-dongri', token = tokens['property-dongri.member']) =>
      request(system.url, 'POST', path(unit), { token, body });
    const notServed = await post({ ...room, communityId: 'chunhai' });
    assert.equal(notServed.status, 422);
    assert.deepEqual(fieldsOf(notServed), ['communityId']);
    const noCommunity = await post({ ...room, communityId: 'atlantis' });
    assert.equal(noCommunity.status, 422);
    assert.deepEqual(fieldsOf(noCommunity), ['communityId']);
    const backwards = await post({ ...room, availableTo: '2025-12-31' });
    assert.equal(backwards.status, 422);
    assert.deepEqual(fieldsOf(backwards), ['availableTo']);
    const notADate = await post({ ...room, availableFrom: '2026-02-30' });
    assert.equal(notADate.status, 422);
    assert.deepEqual(fieldsOf(notADate), ['availableFrom']);
    const badServes = await post({ ...room, serves: ['childcare', 'flying'] });
    assert.equal(badServes.status, 422);
    assert.deepEqual(fieldsOf(badServes), ['serves[1]']);
    const badPhone = await post({ ...room, contact: { name: '李园长', phone: '1' } });
    assert.equal(badPhone.status, 422);
    assert.deepEqual(fieldsOf(badPhone), ['contact.phone']);
    const wrongType = await post({ ...room, capacity: '30' });
    assert.equal(wrongType.status, 400);
    const districtUnit = await post({ ...room, communityId: 'chunhai' }, 'water', tokens['water.member']);
    assert.equal(districtUnit.status, 201, 'a unit serving the district belongs to every committee');
  });

  it('keeps each unit to its own resources (404 elsewhere), the administrator reaching any', async () => {
    for (const [user, status] of [
      ['property-chunhai.member', 404],
      ['dongri.secretary', 404],
      ['admin', 200],
    ] as const) {
      const res = await request(system.url, 'GET', path('property-dongri', roomId), { token: tokens[user] });
      assert.equal(res.status, status, user);
    }
    const list = await request(system.url, 'GET', path('property-dongri'), {
      token: tokens['property-dongri.member'],
    });
    assert.deepEqual(
      list.body.items.map((r: { id: string }) => r.id),
      [roomId],
    );
    const viaOtherUnit = await request(system.url, 'GET', path('property-chunhai', roomId), {
      token: tokens['property-chunhai.member'],
    });
    assert.equal(viaOtherUnit.status, 404);
    assert.equal((await request(system.url, 'GET', path('property-dongri'))).status, 401);
    const noUnit = await request(system.url, 'POST', path('no-such-unit'), {
      token: tokens.admin,
      body: room,
    });
    assert.equal(noUnit.status, 404);
  });

  it('changes a resource at its current version only (409 when stale)', async () => {
    const put = (body: unknown, headers: Record<string, string> = {}) =>
      request(system.url, 'PUT', path('property-dongri', roomId), {
        token: tokens['property-dongri.member'],
        body,
        headers,
      });
    const changed = await put({ ...room, capacity: 40 }, { 'if-match': '"1"' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.capacity, 40);
    assert.equal(changed.body.version, 2);
    const stale = await put({ ...room, capacity: 45 }, { 'if-match': '"1"' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    const invalidPut = await put({ ...room, capacity: 0 });
    assert.equal(invalidPut.status, 422);
    assert.deepEqual(fieldsOf(invalidPut), ['capacity']);
    const updated = await tap.find((e) => e.entityId === roomId && e.entityVersion === 2);
    assert.equal(updated.payload.change, 'updated');
    assert.equal(updated.payload.capacity, 40);
  });

  it('lists the committees’ resources for secretaries in their area only', async () => {
    const dongri = await request(system.url, 'GET', '/api/v1/resources?communityId=dongri', {
      token: tokens['dongri.secretary'],
    });
    assert.equal(dongri.status, 200);
    assert.deepEqual(
      dongri.body.items.map((r: { id: string }) => r.id),
      [roomId],
    );
    assert.equal(dongri.body.items[0].contact.name, '李园长');
    const chunhai = await request(system.url, 'GET', '/api/v1/resources', {
      token: tokens['chunhai.secretary'],
    });
    assert.equal(chunhai.body.items.length, 1, 'only the water company’s hall in Chunhai');
    assert.equal(chunhai.body.items[0].unitId, 'water');
    const byKind = await request(system.url, 'GET', '/api/v1/resources?kind=funds', {
      token: tokens['dongri.secretary'],
    });
    assert.deepEqual(byKind.body.items, []);
    const badKind = await request(system.url, 'GET', '/api/v1/resources?kind=gold', {
      token: tokens['dongri.secretary'],
    });
    assert.equal(badKind.status, 422);
    assert.deepEqual(fieldsOf(badKind), ['kind']);
    const unitMember = await request(system.url, 'GET', '/api/v1/resources', {
      token: tokens['property-dongri.member'],
    });
    assert.equal(unitMember.status, 404);
  });

  it('withdraws a resource: gone from every list, its event published', async () => {
    const stale = await request(system.url, 'DELETE', path('property-dongri', roomId), {
      token: tokens['property-dongri.member'],
      headers: { 'if-match': '"1"' },
    });
    assert.equal(stale.status, 409);
    const gone = await request(system.url, 'DELETE', path('property-dongri', roomId), {
      token: tokens['property-dongri.member'],
    });
    assert.equal(gone.status, 204);
    assert.equal(
      (
        await request(system.url, 'GET', path('property-dongri', roomId), {
          token: tokens['property-dongri.member'],
        })
      ).status,
      404,
    );
    const list = await request(system.url, 'GET', '/api/v1/resources?communityId=dongri', {
      token: tokens['dongri.secretary'],
    });
    assert.deepEqual(list.body.items, []);
    const withdrawn = await tap.find((e) => e.entityId === roomId && e.payload.change === 'withdrawn');
    assert.equal(withdrawn.entityVersion, 3);
    // At least once: a repeat carries the same eventId, which consumers skip.
    const unique = new Map(
      tap.events.filter((e) => e.entityId === roomId).map((e) => [e.eventId, e.entityVersion]),
    );
    assert.deepEqual([...unique.values()], [1, 2, 3]);
  });

  it('publishes an event left in an outbox (a send that failed, a crash) at the next sweep', async () => {
    // As a write whose publish never happened leaves it: the record flagged, the event in its outbox.
    const created = await request(system.url, 'POST', path('property-dongri'), {
      token: tokens['property-dongri.member'],
      body: { ...room, title: '会议室' },
    });
    const id = created.body.id;
    await tap.waitFor(id, 'resource.changed');
    const resources = system.platform.models.resources;
    const stored = await resources.findById(id).lean().exec();
    const stranded = {
      ...(await tap.find((e) => e.entityId === id)),
      eventId: randomUUID(),
      entityVersion: 2,
      payload: { change: 'updated', stranded: true },
    };
    await resources
      .updateOne(
        { _id: id, version: stored?.version },
        { $set: { outbox: [stranded], outboxPending: true }, $inc: { version: 1 } },
      )
      .exec();
    const swept = await tap.find((e) => e.eventId === stranded.eventId);
    assert.equal(swept.payload.stranded, true);
    const after = await eventually(async () => {
      const doc = await resources.findById(id).lean().exec();
      return doc && !doc.outboxPending ? doc : undefined;
    });
    assert.deepEqual(after.outbox, []);
  });
});
