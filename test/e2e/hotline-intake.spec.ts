import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { eventually, login, request, requestPrepared } from '../support/http-client';
import { assertSameFigures, categoryLimits, recount } from '../support/kpi-recount';
import { fileAndDispatch, ticketWhen } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Hotline intake through the gateway: the administrator creates an agent, the agent files a
 * caller's report (dispatched like any other, channel hotline), finds the caller's reports by
 * phone and nobody else's, and may do nothing else; the KPIs count reports by channel.
 */
describe('hotline intake (end to end)', function () {
  this.timeout(180000);
  let system: TestSystem;
  let admin = '';
  let agent = '';
  let member = '';
  const CALLER = '+86 13800138001';
  const OTHER = '13900139002';
  const call = (body: Record<string, unknown>, token = agent) =>
    request(system.url, 'POST', '/api/v1/hotline/reports', { token, body });
  const lookup = (phone: string, token = agent) =>
    request(system.url, 'GET', `/api/v1/hotline/reports?phone=${encodeURIComponent(phone)}`, { token });
  const report = {
    category: 'road_collapse',
    description: '来电：春海街路面塌陷 — a caller reports the road has caved in',
    location: demoGridCentre('chunhai-g2'),
    callerPhone: CALLER,
    callReference: 'CALL-20261130-0042',
  };
  let filed = { ticketId: '', trackingCode: '' };

  before(async () => {
    system = await startTestSystem({ KPI_STALE_FOR_MS: '0' });
    admin = await login(system.url, 'admin', 'admin-test-password');
    member = await login(system.url, 'municipal.member', 'demo-test-password');
  });
  after(async () => system?.destroy());

  it('lets the administrator create a hotline agent, with no unit and no area', async () => {
    const user = {
      username: 'hotline.li',
      password: 'Hotline-desk-2026',
      displayName: '李接线员',
      role: 'hotline_agent',
    };
    const placed = await request(system.url, 'POST', '/api/v1/admin/users', {
      token: admin,
      body: { ...user, areaId: 'zhongshan' },
    });
    assert.equal(placed.status, 422, JSON.stringify(placed.body));
    assert.deepEqual(
      placed.body.error.fields.map((f: any) => f.path),
      ['areaId'],
    );
    const created = await request(system.url, 'POST', '/api/v1/admin/users', { token: admin, body: user });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.role, 'hotline_agent');
    agent = await login(system.url, 'hotline.li', 'Hotline-desk-2026');
  });

  it('refuses a report without the caller’s phone or the call reference, naming the field', async () => {
    const { callerPhone: _p, ...noPhone } = report;
    const missingPhone = await call(noPhone);
    assert.equal(missingPhone.status, 400, JSON.stringify(missingPhone.body));
    assert.deepEqual(
      missingPhone.body.error.fields.map((f: any) => f.path),
      ['callerPhone'],
    );
    const { callReference: _r, ...noReference } = report;
    const missingReference = await call(noReference);
    assert.equal(missingReference.status, 400, JSON.stringify(missingReference.body));
    assert.deepEqual(
      missingReference.body.error.fields.map((f: any) => f.path),
      ['callReference'],
    );
    const badPhone = await call({ ...report, callerPhone: '12345' });
    assert.equal(badPhone.status, 422, JSON.stringify(badPhone.body));
    assert.equal(badPhone.body.error.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      badPhone.body.error.fields.map((f: any) => f.path),
      ['callerPhone'],
    );
    const contact = await call({ ...report, contact: { phone: '13800138001' } });
    assert.equal(contact.status, 400, 'the caller is given as callerPhone, not contact');
    assert.equal(await system.platform.models.tickets.countDocuments({}), 0, 'nothing was stored');
  });

  it('files the caller’s report through the same intake: dispatched like any other, channel hotline', async () => {
    const res = await call(report);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.trackingCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(res.body.reporterToken, undefined, 'the reporter token is not handed to the agent');
    filed = res.body;
    const ticket = await ticketWhen(system, filed.ticketId);
    assert.equal(ticket.unitId, 'municipal');
    assert.equal(ticket.channel, 'hotline');
    assert.equal(ticket.hotline?.callReference, 'CALL-20261130-0042');
    assert.ok(ticket.hotline?.agentId, 'the agent is recorded');
    assert.equal(ticket.contact?.phone, CALLER.replace(' ', ''), 'kept as typed, spaces dropped');
    assert.equal(ticket.phoneKey, '13800138001');
    assert.equal(ticket.events[0]!.actor.kind, 'resident', 'the report is the caller’s');

    const staff = await request(system.url, 'GET', `/api/v1/tickets/${filed.ticketId}`, { token: member });
    assert.equal(staff.status, 200);
    assert.equal(staff.body.channel, 'hotline');
    assert.equal(staff.body.reporter.phoneMasked, '861****8001');
    const pub = await request(system.url, 'GET', `/api/v1/reports/${filed.trackingCode}`);
    assert.equal(pub.status, 200);
    assert.equal(JSON.stringify(pub.body).includes('CALL-'), false, 'the call reference is internal');
  });

  it('finds the caller’s reports by phone, newest first, and no one else’s', async () => {
    // The same caller earlier on the own form (another way of writing the number), and a stranger.
    const own = await fileAndDispatch(system, {
      location: demoGridCentre('chunhai-g1'),
      contact: { phone: '13800138001' },
    });
    const stranger = await fileAndDispatch(system, { contact: { phone: OTHER } });
    const found = await lookup('8613800138001');
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.deepEqual(
      found.body.items.map((r: any) => r.trackingCode),
      [own.trackingCode, filed.trackingCode],
    );
    assert.deepEqual(
      found.body.items.map((r: any) => r.channel),
      ['web', 'hotline'],
    );
    // As an agent types it while listening: spaces and dashes are fine.
    assert.deepEqual(
      (await lookup('138 0013-8001')).body.items.map((r: any) => r.trackingCode),
      [own.trackingCode, filed.trackingCode],
    );
    const first = found.body.items[1];
    assert.deepEqual(Object.keys(first).sort(), [
      'category',
      'channel',
      'reportedAt',
      'status',
      'trackingCode',
      'unit',
      'updatedAt',
    ]);
    assert.equal(first.status, 'dispatched');
    assert.equal(first.unit.name.zh.length > 0, true);
    const theirs = await lookup(OTHER);
    assert.deepEqual(
      theirs.body.items.map((r: any) => r.trackingCode),
      [stranger.trackingCode],
    );
    assert.deepEqual((await lookup('13700137003')).body.items, []);
    const missing = await request(system.url, 'GET', '/api/v1/hotline/reports', { token: agent });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.fields[0].path, 'phone');
    const bad = await lookup('not-a-phone');
    assert.equal(bad.status, 422);
  });

  it('answers 403 to other staff on the hotline, and to the agent on tickets', async () => {
    for (const token of [member, admin]) {
      assert.equal((await call(report, token)).status, 403);
      assert.equal((await lookup(CALLER, token)).status, 403);
    }
    assert.equal((await call(report, '')).status, 401);
    const version = (await system.platform.tickets.findById(filed.ticketId))!.version;
    for (const action of ['accept', 'progress', 'urge', 'cancel']) {
      const res = await request(system.url, 'POST', `/api/v1/tickets/${filed.ticketId}/${action}`, {
        token: agent,
        body: { reason: 'r', note: 'n' },
      });
      assert.equal(res.status, 403, `${action}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'FORBIDDEN');
    }
    assert.equal(
      (await request(system.url, 'GET', `/api/v1/tickets/${filed.ticketId}`, { token: agent })).status,
      403,
    );
    assert.equal((await request(system.url, 'GET', '/api/v1/tickets', { token: agent })).status, 403);
    const kpis = await request(system.url, 'GET', '/api/v1/kpis', { token: agent });
    assert.equal(kpis.status, 404, 'the KPIs are staff data the agent has no route to');
    assert.equal((await system.platform.tickets.findById(filed.ticketId))!.version, version);
  });

  it('counts reports by channel in the KPIs, as a recount from the tickets does', async () => {
    const secretary = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    const body = await eventually(async () => {
      const res = await requestPrepared(system.url, 'GET', '/api/v1/kpis', { token: secretary });
      return res.status === 200 && res.body.counts.dispatched === 3 ? res.body : undefined;
    }, 30000);
    assert.deepEqual(
      [body.counts.reportsWeb, body.counts.reportsOpen311, body.counts.reportsHotline],
      [2, 0, 1],
    );
    const tickets = await system.platform.models.tickets.find({}).lean();
    assertSameFigures(body, recount(tickets as never, await categoryLimits(system.platform), {}));
    const municipal = body.units.find((u: any) => u.unitId === 'municipal');
    assert.equal(municipal.counts.reportsHotline, 1);
  });
});
