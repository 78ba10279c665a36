import assert from 'node:assert/strict';
import { CommitteeTap } from '../support/committee-tap';
import { login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * The committee's needs list on the real servers: residents raise and support needs without
 * login, staff raise them on a resident's behalf, list and triage them in their scope, and see the
 * resources ranked for a need; every change is an event on committee-events.
 */
describe('committee needs (residents, staff, triage, matches)', function () {
  this.timeout(120000);
  let system: TestSystem;
  let tap: CommitteeTap;
  const tokens: Record<string, string> = {};
  const device = (n: number) => `device-${n}-abcdefghijklmnop`;
  const fieldsOf = (res: { body: any }) =>
    (res.body?.error?.fields ?? []).map((f: { path: string }) => f.path);
  const draft = {
    title: '社区婴儿托育室',
    description: '小区里一岁到三岁的孩子很多，希望有一个托育室',
    kind: 'childcare',
    peopleConcerned: 40,
    contactPhone: '138 0013 8000',
    device: device(1),
  };
  let needId: string;

  before(async () => {
    system = await startTestSystem();
    tap = new CommitteeTap(system.config.KAFKA_BROKERS, system.config.TOPIC_PREFIX);
    await tap.start();
    for (const user of [
      'dongri.secretary',
      'chunhai.secretary',
      'property-dongri.member',
      'property-chunhai.member',
      'water.member',
    ])
      tokens[user] = await login(system.url, user, 'demo-test-password');
  });
  after(async () => {
    await tap?.stop();
    await system?.destroy();
  });

  it('takes a resident’s need without login and answers it without personal data', async () => {
    const res = await request(system.url, 'POST', '/api/v1/communities/dongri/needs', { body: draft });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'open');
    assert.equal(res.body.supporters, 0);
    assert.equal('contactPhone' in res.body, false);
    assert.equal('raisedBy' in res.body, false);
    needId = res.body.id;
    const events = await tap.waitFor(needId, 'need.raised');
    assert.equal(events[0]?.communityId, 'dongri');
    assert.deepEqual(events[0]?.areaIds, ['dongri', 'haijun-guangchang', 'zhongshan']);
    assert.equal(JSON.stringify(events).includes('13800138000'), false);
  });

  it('refuses bad needs: 400 malformed, 422 naming the field, 404 for no community', async () => {
    const post = (body: unknown, community = 'dongri') =>
      request(system.url, 'POST', `/api/v1/communities/${community}/needs`, { body });
    const unknownField = await post({ ...draft, extra: 1 });
    assert.equal(unknownField.status, 400);
    assert.deepEqual(fieldsOf(unknownField), ['extra']);
    const wrongType = await post({ ...draft, peopleConcerned: 'many' });
    assert.equal(wrongType.status, 400);
    const none = await post({ ...draft, peopleConcerned: 0 });
    assert.equal(none.status, 422);
    assert.equal(none.body.error.code, 'VALIDATION_FAILED');
    assert.deepEqual(fieldsOf(none), ['peopleConcerned']);
    const badPlace = await post({ ...draft, location: { lat: 100, lng: 121.6 } });
    assert.equal(badPlace.status, 422);
    assert.deepEqual(fieldsOf(badPlace), ['location.lat']);
    const badPhone = await post({ ...draft, contactPhone: '12345' });
    assert.equal(badPhone.status, 422);
    assert.deepEqual(fieldsOf(badPhone), ['contactPhone']);
    const badKind = await post({ ...draft, kind: 'space_travel' });
    assert.equal(badKind.status, 422);
    assert.deepEqual(fieldsOf(badKind), ['kind']);
    assert.equal((await post(draft, 'nowhere')).status, 404);
    assert.equal((await post(draft, 'dongri-g1')).status, 404, 'a grid is no committee');
  });

  it('offers near-duplicates before sending, lists and shows open needs publicly', async () => {
    const similar = await request(
      system.url,
      'GET',
      `/api/v1/communities/dongri/needs/similar?kind=childcare&title=${encodeURIComponent('婴儿托育室')}`,
    );
    assert.equal(similar.status, 200);
    assert.deepEqual(
      similar.body.items.map((n: { id: string }) => n.id),
      [needId],
    );
    const otherKind = await request(
      system.url,
      'GET',
      `/api/v1/communities/dongri/needs/similar?kind=study&title=${encodeURIComponent('婴儿托育室')}`,
    );
    assert.deepEqual(otherKind.body.items, []);
    const badKind = await request(
      system.url,
      'GET',
      '/api/v1/communities/dongri/needs/similar?kind=x&title=ab',
    );
    assert.equal(badKind.status, 422);
    assert.deepEqual(fieldsOf(badKind), ['kind']);

    const list = await request(system.url, 'GET', '/api/v1/communities/dongri/needs');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((n: { id: string }) => n.id === needId));
    const elsewhere = await request(system.url, 'GET', '/api/v1/communities/chunhai/needs');
    assert.equal(
      elsewhere.body.items.some((n: { id: string }) => n.id === needId),
      false,
    );
    const one = await request(system.url, 'GET', `/api/v1/communities/dongri/needs/${needId}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.title, draft.title);
    assert.equal(
      (await request(system.url, 'GET', `/api/v1/communities/chunhai/needs/${needId}`)).status,
      404,
    );
  });

  it('counts "me too" once per device and once per phone, never the raiser’s own', async () => {
    const support = (body: unknown) =>
      request(system.url, 'POST', `/api/v1/communities/dongri/needs/${needId}/support`, { body });
    const first = await support({ device: device(2) });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { id: needId, supporters: 1, alreadySupported: false });
    assert.equal((await support({ device: device(2) })).body.alreadySupported, true);
    assert.equal((await support({ phone: '13900139000' })).body.supporters, 2);
    assert.equal((await support({ phone: '139-0013-9000' })).body.alreadySupported, true);
    assert.equal((await support({ device: device(1) })).body.alreadySupported, true, 'the raiser');
    assert.equal((await support({ phone: '13800138000' })).body.alreadySupported, true, 'the raiser’s phone');
    const neither = await support({});
    assert.equal(neither.status, 422);
    assert.deepEqual(fieldsOf(neither), ['device']);
    const events = await tap.waitFor(needId, 'need.supported');
    assert.deepEqual(
      [
        ...new Map(
          events.filter((e) => e.type === 'need.supported').map((e) => [e.eventId, e.payload.supporters]),
        ).values(),
      ],
      [1, 2],
    );
  });

  it('lets staff raise a need on a resident’s behalf in their scope only', async () => {
    const body = {
      ...draft,
      communityId: 'dongri',
      title: '老年食堂',
      kind: 'elderly_care',
      device: undefined,
    };
    const bySecretary = await request(system.url, 'POST', '/api/v1/needs', {
      token: tokens['dongri.secretary'],
      body,
    });
    assert.equal(bySecretary.status, 201, JSON.stringify(bySecretary.body));
    assert.equal(bySecretary.body.contactPhone, '13800138000');
    assert.equal(bySecretary.body.raisedBy.channel, 'staff');
    assert.equal(bySecretary.body.version, 1);
    const byMemberUnit = await request(system.url, 'POST', '/api/v1/needs', {
      token: tokens['property-dongri.member'],
      body: { ...body, title: '篮球场照明', kind: 'sports' },
    });
    assert.equal(byMemberUnit.status, 201);
    assert.equal(byMemberUnit.body.raisedBy.unitId, 'property-dongri');
    for (const user of ['chunhai.secretary', 'property-chunhai.member']) {
      const outside = await request(system.url, 'POST', '/api/v1/needs', { token: tokens[user], body });
      assert.equal(outside.status, 422, user);
      assert.deepEqual(fieldsOf(outside), ['communityId']);
    }
    assert.equal((await request(system.url, 'POST', '/api/v1/needs', { body })).status, 401);
  });

  it('lists needs in scope with filters; outside the scope a need does not exist', async () => {
    const mine = await request(system.url, 'GET', '/api/v1/needs?communityId=dongri&kind=childcare', {
      token: tokens['dongri.secretary'],
    });
    assert.equal(mine.status, 200);
    assert.deepEqual(
      mine.body.items.map((n: { id: string }) => n.id),
      [needId],
    );
    assert.equal(mine.body.items[0].contactPhone, '13800138000');
    const theirs = await request(system.url, 'GET', '/api/v1/needs', { token: tokens['chunhai.secretary'] });
    assert.deepEqual(theirs.body.items, []);
    const districtUnit = await request(system.url, 'GET', '/api/v1/needs?status=open', {
      token: tokens['water.member'],
    });
    assert.equal(districtUnit.body.items.length, 3, 'a unit serving the district sees every community');
    const paged = await request(system.url, 'GET', '/api/v1/needs?limit=2', {
      token: tokens['dongri.secretary'],
    });
    assert.equal(paged.body.items.length, 2);
    const next = await request(system.url, 'GET', `/api/v1/needs?limit=2&cursor=${paged.body.nextCursor}`, {
      token: tokens['dongri.secretary'],
    });
    assert.equal(next.body.items.length, 1);
    assert.equal(next.body.nextCursor, null);
    const badStatus = await request(system.url, 'GET', '/api/v1/needs?status=lost', {
      token: tokens['dongri.secretary'],
    });
    assert.equal(badStatus.status, 422);
    assert.deepEqual(fieldsOf(badStatus), ['status']);
    const unknown = await request(system.url, 'GET', '/api/v1/needs?colour=red', {
      token: tokens['dongri.secretary'],
    });
    assert.equal(unknown.status, 400);
    for (const user of ['chunhai.secretary', 'property-chunhai.member']) {
      assert.equal(
        (await request(system.url, 'GET', `/api/v1/needs/${needId}`, { token: tokens[user] })).status,
        404,
        user,
      );
      assert.equal(
        (
          await request(system.url, 'POST', `/api/v1/needs/${needId}/triage`, {
            token: tokens[user],
            body: { decision: 'accept' },
          })
        ).status,
        404,
        user,
      );
    }
    const seen = await request(system.url, 'GET', `/api/v1/needs/${needId}`, {
      token: tokens['dongri.secretary'],
    });
    assert.equal(seen.status, 200);
    assert.equal(seen.headers.get('etag'), `"${seen.body.version}"`);
  });

  it('triages: only the secretary, a real reason, the current version; the resident reads the decline', async () => {
    const triage = (id: string, body: unknown, token = tokens['dongri.secretary'], headers = {}) =>
      request(system.url, 'POST', `/api/v1/needs/${id}/triage`, { token, body, headers });
    const other = await request(system.url, 'POST', '/api/v1/communities/dongri/needs', {
      body: { ...draft, title: '周末亲子阅读', kind: 'study', device: device(3) },
    });
    const otherId = other.body.id;
    assert.equal(
      (await triage(otherId, { decision: 'accept' }, tokens['property-dongri.member'])).status,
      403,
    );
    const short = await triage(otherId, { decision: 'decline', reason: 'no' });
    assert.equal(short.status, 422);
    assert.deepEqual(fieldsOf(short), ['reason']);
    const malformed = await triage(otherId, { decision: 'maybe' });
    assert.equal(malformed.status, 400);
    const stale = await triage(otherId, { decision: 'accept' }, tokens['dongri.secretary'], {
      'if-match': '"7"',
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    const reason = '辖区内已有图书馆提供亲子阅读，请前往';
    const declined = await triage(otherId, { decision: 'decline', reason }, tokens['dongri.secretary'], {
      'if-match': '"1"',
    });
    assert.equal(declined.status, 200, JSON.stringify(declined.body));
    assert.equal(declined.body.status, 'declined');
    assert.equal(declined.body.version, 2);
    const publicView = await request(system.url, 'GET', `/api/v1/communities/dongri/needs/${otherId}`);
    assert.equal(publicView.body.declineReason, reason);
    const again = await triage(otherId, { decision: 'accept' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ILLEGAL_TRANSITION');
    const supportDeclined = await request(
      system.url,
      'POST',
      `/api/v1/communities/dongri/needs/${otherId}/support`,
      {
        body: { device: device(9) },
      },
    );
    assert.equal(supportDeclined.status, 409);
    const events = await tap.waitFor(otherId, 'need.triaged');
    assert.equal(events.find((e) => e.type === 'need.triaged')?.payload.status, 'declined');
  });

  it('merges a copy into the need it repeats, carrying its supporters', async () => {
    const copy = await request(system.url, 'POST', '/api/v1/communities/dongri/needs', {
      body: { ...draft, title: '婴儿托育室', device: device(4), contactPhone: undefined },
    });
    const copySupported = await request(
      system.url,
      'POST',
      `/api/v1/communities/dongri/needs/${copy.body.id}/support`,
      { body: { device: device(5) } },
    );
    // Sent while the copy's creation event is being published and cleared from its outbox: the
    // two writes take the record's lock, so neither is lost.
    assert.equal(copySupported.status, 200, JSON.stringify(copySupported.body));
    assert.equal(copySupported.body.supporters, 1);
    const chunhaiNeed = await request(system.url, 'POST', '/api/v1/communities/chunhai/needs', {
      body: { ...draft, device: device(6) },
    });
    const triage = (body: unknown) =>
      request(system.url, 'POST', `/api/v1/needs/${copy.body.id}/triage`, {
        token: tokens['dongri.secretary'],
        body,
      });
    const intoItself = await triage({ decision: 'merge', into: copy.body.id });
    assert.equal(intoItself.status, 422);
    assert.deepEqual(fieldsOf(intoItself), ['into']);
    const outOfScope = await triage({ decision: 'merge', into: chunhaiNeed.body.id });
    assert.equal(outOfScope.status, 422);
    assert.deepEqual(fieldsOf(outOfScope), ['into']);
    const merged = await triage({ decision: 'merge', into: needId });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    assert.equal(merged.body.mergedInto, needId);
    const target = await request(system.url, 'GET', `/api/v1/communities/dongri/needs/${needId}`);
    assert.equal(target.body.supporters, 4, 'two before, the copy’s raiser and its supporter');
    const again = await request(system.url, 'POST', `/api/v1/communities/dongri/needs/${needId}/support`, {
      body: { device: device(5) },
    });
    assert.equal(again.body.alreadySupported, true);
  });

  it('ranks the resources that could serve an accepted need, with reasons', async () => {
    const accepted = await request(system.url, 'POST', `/api/v1/needs/${needId}/triage`, {
      token: tokens['dongri.secretary'],
      body: { decision: 'accept' },
    });
    assert.equal(accepted.status, 200);
    const offer = (user: string, unit: string, body: Record<string, unknown>) =>
      request(system.url, 'POST', `/api/v1/units/${unit}/resources`, {
        token: tokens[user],
        body: {
          communityId: 'dongri',
          description: '可供社区使用',
          kind: 'venue',
          availableFrom: '2026-01-01',
          contact: { name: '王老师', phone: '13700137000' },
          ...body,
        },
      });
    const room = await offer('property-dongri.member', 'property-dongri', {
      title: '物业活动室',
      serves: ['childcare', 'culture'],
      capacity: 50,
      location: { lat: 38.92, lng: 121.65 },
    });
    assert.equal(room.status, 201, JSON.stringify(room.body));
    const hall = await offer('water.member', 'water', {
      title: '供水公司礼堂',
      serves: ['culture'],
      capacity: 200,
    });
    assert.equal(hall.status, 201);
    const matches = await request(system.url, 'GET', `/api/v1/needs/${needId}/matches`, {
      token: tokens['dongri.secretary'],
    });
    assert.equal(matches.status, 200, JSON.stringify(matches.body));
    assert.deepEqual(
      matches.body.items.map((m: { resource: { id: string } }) => m.resource.id),
      [room.body.id, hall.body.id],
    );
    assert.deepEqual(
      matches.body.items[0].reasons.map((r: { code: string }) => r.code),
      ['serves_kind', 'available_today', 'capacity_covers', 'distance'],
    );
    assert.equal(matches.body.items[0].rank, 1);
    assert.equal(typeof matches.body.items[0].distanceM, 'number');
    assert.equal(matches.body.items[1].distanceM, null);
    assert.equal(
      (
        await request(system.url, 'GET', `/api/v1/needs/${needId}/matches`, {
          token: tokens['chunhai.secretary'],
        })
      ).status,
      404,
    );
  });
});
