import assert from 'node:assert/strict';
import { CommitteeTap } from '../support/committee-tap';
import { login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * The committee's projects on the real servers: a secretary makes one from an accepted need and
 * member units' resources; it is approved at a meeting, started and delivered by its lead unit
 * once its milestones are done or waived, rated by residents and closed; capacity is taken at
 * approval and given back at delivery, and the need is then served.
 */
describe('committee projects (status machine, milestones, evaluations)', function () {
  this.timeout(120000);
  let system: TestSystem;
  let tap: CommitteeTap;
  const tokens: Record<string, string> = {};
  const fieldsOf = (res: { body: any }) =>
    (res.body?.error?.fields ?? []).map((f: { path: string }) => f.path);
  const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();
  let needId: string;
  let openNeedId: string;
  let roomId: string;
  let projectId: string;
  let base: Record<string, unknown>;

  const as = (
    user: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => request(system.url, method, path, { token: tokens[user], body, headers });

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
      'gas.member',
    ])
      tokens[user] = await login(system.url, user, 'demo-test-password');
    const need = (title: string) =>
      request(system.url, 'POST', '/api/v1/communities/dongri/needs', {
        body: {
          title,
          description: '一岁到三岁的孩子需要托育服务',
          kind: 'childcare',
          peopleConcerned: 12,
          device: `device-${title.length}-abcdefghijklmnop`,
        },
      });
    needId = (await need('婴儿托育室')).body.id;
    openNeedId = (await need('周末托育服务')).body.id;
    await as('dongri.secretary', 'POST', `/api/v1/needs/${needId}/triage`, { decision: 'accept' });
    const room = await as('property-dongri.member', 'POST', '/api/v1/units/property-dongri/resources', {
      communityId: 'dongri',
      title: '物业活动室',
      description: '改造为婴儿室',
      kind: 'venue',
      serves: ['childcare'],
      capacity: 20,
      availableFrom: '2026-01-01',
      contact: { name: '张经理', phone: '13600136000' },
    });
    roomId = room.body.id;
    base = {
      communityId: 'dongri',
      title: '东日婴儿室',
      description: '物业活动室改造为婴儿室，每名儿童十二次免费托育',
      needIds: [needId],
      resourceIds: [roomId],
      commitments: [{ resourceId: roomId, amount: 12 }],
      leadUnitId: 'property-dongri',
      participantUnitIds: ['water'],
      milestones: [
        { title: '场地改造', dueAt: inDays(10) },
        { title: '开放仪式', dueAt: inDays(20) },
      ],
    };
  });
  after(async () => {
    await tap?.stop();
    await system?.destroy();
  });

  it('refuses a project the data cannot support, naming each field', async () => {
    const res = await as('dongri.secretary', 'POST', '/api/v1/projects', {
      ...base,
      needIds: [openNeedId, 'no-such-need'],
      resourceIds: [roomId, 'no-such-resource'],
      commitments: [
        { resourceId: roomId, amount: 21 },
        { resourceId: 'elsewhere', amount: 1 },
      ],
      leadUnitId: 'property-chunhai',
      participantUnitIds: ['property-linhai'],
      milestones: [{ title: '场地改造', dueAt: inDays(-1) }],
    });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.deepEqual(fieldsOf(res).sort(), [
      'commitments[0].amount',
      'commitments[1].resourceId',
      'leadUnitId',
      'milestones[0].dueAt',
      'needIds[0]',
      'needIds[1]',
      'participantUnitIds[0]',
      'resourceIds[1]',
    ]);
    const malformed = await as('dongri.secretary', 'POST', '/api/v1/projects', { ...base, needIds: 'all' });
    assert.equal(malformed.status, 400);
    for (const user of ['chunhai.secretary', 'property-dongri.member']) {
      const outside = await as(user, 'POST', '/api/v1/projects', base);
      assert.equal(outside.status, 422, user);
      assert.deepEqual(fieldsOf(outside), ['communityId']);
    }
  });

  it('lets the secretary make a project from an accepted need and resources', async () => {
    const res = await as('dongri.secretary', 'POST', '/api/v1/projects', base);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'proposed');
    assert.equal(res.body.milestones.length, 2);
    assert.equal(res.body.version, 1);
    projectId = res.body.id;
    const events = await tap.waitFor(projectId, 'project.proposed');
    assert.equal(events[0]?.payload.leadUnitId, 'property-dongri');
  });

  it('shows a project to its units and the secretaries above it only', async () => {
    for (const [user, status] of [
      ['dongri.secretary', 200],
      ['property-dongri.member', 200],
      ['water.member', 200],
      ['gas.member', 404],
      ['chunhai.secretary', 404],
      ['property-chunhai.member', 404],
    ] as const) {
      assert.equal((await as(user, 'GET', `/api/v1/projects/${projectId}`)).status, status, user);
    }
    const list = await as('water.member', 'GET', '/api/v1/projects?status=proposed');
    assert.deepEqual(
      list.body.items.map((p: { id: string }) => p.id),
      [projectId],
    );
    assert.deepEqual((await as('gas.member', 'GET', '/api/v1/projects')).body.items, []);
    const badStatus = await as('dongri.secretary', 'GET', '/api/v1/projects?status=done');
    assert.equal(badStatus.status, 422);
    assert.deepEqual(fieldsOf(badStatus), ['status']);
    const hidden = await request(system.url, 'GET', `/api/v1/communities/dongri/projects/${projectId}`);
    assert.equal(hidden.status, 404, 'residents see a project once approved');
  });

  it('is approved by the secretary at a meeting only, at the current version', async () => {
    const path = `/api/v1/projects/${projectId}`;
    const early = await as('property-dongri.member', 'POST', `${path}/start`, {});
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'ILLEGAL_TRANSITION');
    assert.equal((await as('property-dongri.member', 'POST', `${path}/approve`, {})).status, 403);
    const stale = await as(
      'dongri.secretary',
      'POST',
      `${path}/approve`,
      { meetingId: 'm-2026-12' },
      { 'if-match': '"9"' },
    );
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    const badMeeting = await as('dongri.secretary', 'POST', `${path}/approve`, {
      meetingId: 'no spaces please',
    });
    assert.equal(badMeeting.status, 422);
    assert.deepEqual(fieldsOf(badMeeting), ['meetingId']);
    assert.equal((await as('dongri.secretary', 'POST', `${path}/finish`, {})).status, 404);
    const approved = await as(
      'dongri.secretary',
      'POST',
      `${path}/approve`,
      { meetingId: 'm-2026-12' },
      { 'if-match': '"1"' },
    );
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.approvedAtMeetingId, 'm-2026-12');
    const room = await as(
      'property-dongri.member',
      'GET',
      `/api/v1/units/property-dongri/resources/${roomId}`,
    );
    assert.equal(room.body.committed, 12);
    assert.equal(room.body.remaining, 8);
    const events = await tap.waitFor(projectId, 'project.status_changed');
    assert.deepEqual(events.find((e) => e.type === 'project.status_changed')?.payload, {
      from: 'proposed',
      to: 'approved',
      approvedAtMeetingId: 'm-2026-12',
    });
    await tap.find((e) => e.entityId === roomId && e.payload.change === 'committed');
  });

  it('is delivered by its lead unit once every milestone is done or waived', async () => {
    const path = `/api/v1/projects/${projectId}`;
    assert.equal(
      (await as('property-dongri.member', 'POST', `${path}/start`, {})).body.status,
      'in_progress',
    );
    const project = (await as('dongri.secretary', 'GET', path)).body;
    const [fitting, opening] = project.milestones;
    const tooSoon = await as('property-dongri.member', 'POST', `${path}/deliver`, {});
    assert.equal(tooSoon.status, 409);
    assert.match(tooSoon.body.error.message, /场地改造/);
    const done = await as('water.member', 'POST', `${path}/milestones/${fitting.id}/done`, {});
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.ok(done.body.milestones[0].doneAt);
    const twice = await as('water.member', 'POST', `${path}/milestones/${fitting.id}/done`, {});
    assert.equal(twice.status, 409);
    assert.equal((await as('dongri.secretary', 'POST', `${path}/milestones/nope/done`, {})).status, 404);
    const waiveByUnit = await as('property-dongri.member', 'POST', `${path}/milestones/${opening.id}/waive`, {
      reason: '改为线上开放',
    });
    assert.equal(waiveByUnit.status, 403);
    const noReason = await as('dongri.secretary', 'POST', `${path}/milestones/${opening.id}/waive`, {
      reason: '',
    });
    assert.equal(noReason.status, 422);
    assert.deepEqual(fieldsOf(noReason), ['reason']);
    const waived = await as('dongri.secretary', 'POST', `${path}/milestones/${opening.id}/waive`, {
      reason: '改为线上开放',
    });
    assert.equal(waived.status, 200);
    assert.equal(waived.body.milestones[1].waiveReason, '改为线上开放');
    const notLead = await as('water.member', 'POST', `${path}/deliver`, {});
    assert.equal(notLead.status, 403);
    const delivered = await as('property-dongri.member', 'POST', `${path}/deliver`, {});
    assert.equal(delivered.status, 200, JSON.stringify(delivered.body));
    assert.equal(delivered.body.status, 'delivered');
    assert.ok(delivered.body.deliveredAt);
    const need = await request(system.url, 'GET', `/api/v1/communities/dongri/needs/${needId}`);
    assert.equal(need.body.status, 'served');
    const room = await as(
      'property-dongri.member',
      'GET',
      `/api/v1/units/property-dongri/resources/${roomId}`,
    );
    assert.equal(room.body.committed, 0, 'given back at delivery');
    const milestoneEvents = (await tap.waitFor(projectId, 'project.milestone_done')).filter(
      (e) => e.type === 'project.milestone_done',
    );
    assert.equal(milestoneEvents.length >= 1, true);
    await tap.waitFor(needId, 'need.served');
  });

  it('takes residents’ evaluations once per device while delivered, then closes them', async () => {
    const evaluate = (body: unknown) =>
      request(system.url, 'POST', `/api/v1/communities/dongri/projects/${projectId}/evaluations`, { body });
    const device = 'resident-device-0001-abcdef';
    const bad = await evaluate({ device, score: 6 });
    assert.equal(bad.status, 422);
    assert.deepEqual(fieldsOf(bad), ['score']);
    assert.equal(
      (await as('dongri.secretary', 'POST', `/api/v1/projects/${projectId}/evaluate`, {})).status,
      409,
      'nobody has rated it yet',
    );
    const rated = await evaluate({ device, score: 5, comment: '孩子们很喜欢' });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
    assert.equal(rated.body.evaluationCount, 1);
    assert.equal(rated.body.averageScore, 5);
    assert.equal('evaluations' in rated.body, false, 'comments are for staff');
    const again = await evaluate({ device, score: 1 });
    assert.equal(again.status, 409);
    assert.equal(
      (await evaluate({ device: 'resident-device-0002-abcdef', score: 4 })).body.averageScore,
      4.5,
    );
    const list = await request(system.url, 'GET', '/api/v1/communities/dongri/projects');
    assert.deepEqual(
      list.body.items.map((p: { id: string }) => p.id),
      [projectId],
    );
    assert.equal(
      (await as('property-dongri.member', 'POST', `/api/v1/projects/${projectId}/evaluate`, {})).status,
      403,
    );
    const closed = await as('dongri.secretary', 'POST', `/api/v1/projects/${projectId}/evaluate`, {});
    assert.equal(closed.status, 200);
    assert.equal(closed.body.status, 'evaluated');
    assert.equal(closed.body.evaluations.length, 2);
    assert.equal((await evaluate({ device: 'resident-device-0003-abcdef', score: 3 })).status, 409);
    const rates = (await tap.waitFor(projectId, 'project.rated')).filter((e) => e.type === 'project.rated');
    assert.equal(rates[0]?.payload.score, 5);
    assert.equal(JSON.stringify(tap.events).includes('孩子们很喜欢'), false, 'no comments on the topic');
    assert.deepEqual(tap.invalid, []);
  });

  it('reminds the units before a milestone is due and escalates its miss to the secretary', async function () {
    // The whole integration suite shares 2 cores: the timers and the outbox may lag behind.
    this.timeout(300000);
    await as('dongri.secretary', 'POST', `/api/v1/needs/${openNeedId}/triage`, { decision: 'accept' });
    const created = await as('dongri.secretary', 'POST', '/api/v1/projects', {
      ...base,
      title: '周末托育',
      needIds: [openNeedId],
      commitments: [],
      milestones: [{ title: '招募志愿者', dueAt: new Date(Date.now() + 6000).toISOString() }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    const milestoneId = created.body.milestones[0].id;
    const approved = await as('dongri.secretary', 'POST', `/api/v1/projects/${id}/approve`, {});
    assert.equal(approved.body.approvedAtMeetingId, null, 'approved by the secretary between meetings');
    // Due within a day: the reminder goes out at once; the miss follows at the due time.
    const due = (await tap.waitFor(id, 'project.milestone_due', 180000)).find(
      (e) => e.type === 'project.milestone_due',
    );
    assert.equal(due?.payload.milestoneId, milestoneId);
    assert.equal(due?.payload.leadUnitId, 'property-dongri');
    const missed = (await tap.waitFor(id, 'project.milestone_missed', 180000)).find(
      (e) => e.type === 'project.milestone_missed',
    );
    assert.deepEqual(missed?.payload.escalatedTo, { role: 'community_secretary', areaId: 'dongri' });
    assert.ok(Date.parse(missed?.occurredAt ?? '') >= Date.parse(created.body.milestones[0].dueAt));
    const events = tap.events.filter((e) => e.entityId === id);
    const misses = new Set(events.filter((e) => e.type === 'project.milestone_missed').map((e) => e.eventId));
    assert.equal(misses.size, 1, 'once (a repeat of the same event aside)');
  });
});
