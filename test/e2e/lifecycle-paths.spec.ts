import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { eventually, login, request } from '../support/http-client';
import { fileAndDispatch as fileAndDispatchReport } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Every lifecycle path of a ticket (the README's API) through the gateway and the real servers, with
 * the staff, scopes and public view a district would use.
 */
describe('the ticket lifecycle through the API', function () {
  this.timeout(120000);
  let system: TestSystem;
  const token: Record<string, string> = {};
  const password = 'demo-test-password';

  before(async () => {
    system = await startTestSystem();
    for (const user of [
      'municipal.member',
      'water.member',
      'gas.member',
      'chunhai.secretary',
      'dongri.secretary',
      'zhongshan.secretary',
    ]) {
      token[user] = await login(system.url, user, password);
    }
  });
  after(async () => system?.destroy());

  /** Files a road collapse in Chunhai (lead: municipal works, assisting: water) and waits for its dispatch. */
  async function fileAndDispatch(category = 'road_collapse', grid = 'chunhai-g2') {
    const filed = await fileAndDispatchReport(system, {
      category,
      location: demoGridCentre(grid),
      contact: { phone: '13800138000' },
    });
    return { id: filed.ticketId, code: filed.trackingCode, reporterToken: filed.reporterToken };
  }

  async function act(
    user: string,
    id: string,
    action: string,
    body: unknown = {},
    headers: Record<string, string> = {},
  ) {
    return request(system.url, 'POST', `/api/v1/tickets/${id}/${action}`, {
      token: token[user],
      body,
      headers,
    });
  }

  async function ok(user: string, id: string, action: string, body: unknown = {}) {
    const res = await act(user, id, action, body);
    assert.equal(res.status, 200, `${user} ${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  it('goes straight through: dispatched → accepted → resolved → closed, then rated', async () => {
    const t = await fileAndDispatch();
    const accepted = await ok('municipal.member', t.id, 'accept');
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.deadlines.ack, undefined, 'signing stops the sign clock');
    assert.ok(accepted.deadlines.resolve?.dueAt, 'and starts the fix clock');
    assert.equal(accepted.reporter.phoneMasked, '138****8000');
    await ok('water.member', t.id, 'progress', { note: 'valve closed, crew on site' });
    const resolved = await ok('municipal.member', t.id, 'resolve', {
      note: 'filled and resurfaced',
      photos: ['https://img.example.com/fix.jpg'],
    });
    assert.equal(resolved.status, 'resolved');
    assert.ok(resolved.deadlines.verify?.dueAt, 'verification clock starts');
    const closed = await ok('chunhai.secretary', t.id, 'verify', { solved: true, note: 'checked on site' });
    assert.equal(closed.status, 'closed');
    const rated = await request(system.url, 'POST', `/api/v1/reports/${t.code}/feedback`, {
      body: { reporterToken: t.reporterToken, rating: 'satisfied' },
    });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    assert.deepEqual(
      rated.body.timeline.map((e: any) => e.type),
      [
        'ticket.submitted',
        'ticket.dispatched',
        'ticket.accepted',
        'ticket.progress_reported',
        'ticket.resolved',
        'ticket.verified',
        'ticket.rated',
      ],
    );
    const full = await request(system.url, 'GET', `/api/v1/tickets/${t.id}`, {
      token: token['chunhai.secretary'],
    });
    assert.deepEqual(
      full.body.events.map((e: any) => e.version),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.equal(full.body.rating, 'satisfied');
    // The public view shows what the unit showed of its work, and no other staff note.
    assert.deepEqual(
      rated.body.updates.map((u: any) => u.note),
      ['valve closed, crew on site'],
    );
    assert.equal(rated.body.fix.note, 'filled and resurfaced');
    assert.deepEqual(rated.body.fix.photos, ['https://img.example.com/fix.jpg']);
    assert.equal(rated.body.fix.current, true);
    assert.ok(!JSON.stringify(rated.body).includes('checked on site'), 'the secretary’s note stays internal');
  });

  it('lets the reporter rate from another device with the phone number given with the report', async () => {
    const t = await fileAndDispatch();
    await ok('municipal.member', t.id, 'accept');
    await ok('municipal.member', t.id, 'resolve', { note: 'filled' });
    const feedback = (body: unknown) =>
      request(system.url, 'POST', `/api/v1/reports/${t.code}/feedback`, { body });
    const neither = await feedback({ rating: 'satisfied' });
    assert.equal(neither.status, 422);
    assert.equal(neither.body.error.fields[0].path, 'reporterToken');
    assert.match(neither.body.error.fields[0].message, /contactPhone/);
    const badNumber = await feedback({ contactPhone: '12345', rating: 'satisfied' });
    assert.equal(badNumber.status, 422);
    assert.equal(badNumber.body.error.fields[0].path, 'contactPhone');
    const wrong = await feedback({ contactPhone: '13900139000', rating: 'satisfied' });
    assert.equal(wrong.status, 403);
    assert.deepEqual(wrong.body.error.fields, [{ path: 'contactPhone', message: 'does not match' }]);
    // The same number written another way is the same number.
    const rated = await feedback({ contactPhone: '+86 138 0013 8000', rating: 'basically_satisfied' });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    assert.equal(rated.body.timeline.at(-1).type, 'ticket.rated');

    // A report filed without a phone number can only be rated with its token.
    const anonymous = await fileAndDispatchReport(system, {
      category: 'street_lamp',
      location: demoGridCentre('chunhai-g1'),
    });
    const noPhone = await request(system.url, 'POST', `/api/v1/reports/${anonymous.trackingCode}/feedback`, {
      body: { contactPhone: '13800138000', rating: 'satisfied' },
    });
    assert.equal(noPhone.status, 403);
    assert.deepEqual(noPhone.body.error.fields, [
      { path: 'contactPhone', message: 'the report has no phone number' },
    ]);
  });

  it('returns, then a secretary approves and re-routes to another unit; the clock pauses meanwhile', async () => {
    const t = await fileAndDispatch();
    const returned = await ok('municipal.member', t.id, 'return', {
      reason: 'this is a water main, not the road',
    });
    assert.equal(returned.status, 'returned');
    assert.ok(returned.deadlines.ack.pausedAt, 'the sign clock stands still while the return waits');
    assert.equal(returned.clockPauses.length, 1);
    const approved = await ok('chunhai.secretary', t.id, 'decide', {
      request: 'return',
      approve: true,
      unitId: 'water',
    });
    assert.equal(approved.status, 'dispatched');
    assert.equal(approved.unitId, 'water');
    assert.ok(approved.clockPauses[0].to, 'the pause is closed and recorded');
    await ok('water.member', t.id, 'accept');
    await ok('water.member', t.id, 'resolve', { note: 'main repaired' });
    const closed = await ok('chunhai.secretary', t.id, 'verify', { solved: true });
    assert.equal(closed.status, 'closed');
    const foreign = await request(system.url, 'GET', `/api/v1/tickets/${t.id}`, {
      token: token['municipal.member'],
    });
    assert.equal(foreign.status, 404, 'the unit that handed it back no longer sees it');
  });

  it('refuses a return: the ticket goes back to the unit in the state it had', async () => {
    const t = await fileAndDispatch();
    await ok('municipal.member', t.id, 'accept');
    await ok('municipal.member', t.id, 'return', { reason: 'not ours' });
    const refused = await ok('chunhai.secretary', t.id, 'decide', {
      request: 'return',
      approve: false,
      note: 'it is yours',
    });
    assert.equal(refused.status, 'accepted');
    assert.equal(refused.unitId, 'municipal');
    assert.equal(refused.pendingRequest, null);
  });

  it('approves one extension (the fix deadline moves) and refuses another', async () => {
    const t = await fileAndDispatch();
    const accepted = await ok('municipal.member', t.id, 'accept');
    const later = new Date(Date.parse(accepted.deadlines.resolve.dueAt) + 6 * 3600_000).toISOString();
    await ok('municipal.member', t.id, 'extension', {
      resolveBy: later,
      reason: 'asphalt plant closed today',
    });
    const approved = await ok('chunhai.secretary', t.id, 'decide', { request: 'extension', approve: true });
    assert.equal(approved.deadlines.resolve.dueAt, later);
    assert.equal(
      approved.deadlines.resolve.seq,
      accepted.deadlines.resolve.seq + 2,
      'resumed then moved: new timers',
    );
    const evenLater = new Date(Date.parse(later) + 3600_000).toISOString();
    await ok('municipal.member', t.id, 'extension', { resolveBy: evenLater, reason: 'rain' });
    const refused = await ok('chunhai.secretary', t.id, 'decide', { request: 'extension', approve: false });
    assert.equal(refused.deadlines.resolve.dueAt.slice(0, 16) >= later.slice(0, 16), true);
    assert.notEqual(refused.deadlines.resolve.dueAt, evenLater);
  });

  it('reopens on a dissatisfied rating, dispatches again, and closes after the second fix', async () => {
    const t = await fileAndDispatch();
    await ok('municipal.member', t.id, 'accept');
    await ok('municipal.member', t.id, 'resolve', { note: 'patched' });
    await ok('chunhai.secretary', t.id, 'verify', { solved: true });
    const wrongToken = await request(system.url, 'POST', `/api/v1/reports/${t.code}/feedback`, {
      body: { reporterToken: 'guess', rating: 'dissatisfied' },
    });
    assert.equal(wrongToken.status, 403);
    const rated = await request(system.url, 'POST', `/api/v1/reports/${t.code}/feedback`, {
      body: { reporterToken: t.reporterToken, rating: 'dissatisfied', comment: 'the hole is back' },
    });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    const again = await eventually(async () => {
      const x = await system.platform.tickets.findById(t.id);
      return x?.status === 'dispatched' && x.events.at(-1)?.type === 'ticket.dispatched' ? x : undefined;
    });
    assert.equal(again.unitId, 'municipal');
    await ok('municipal.member', t.id, 'accept');
    await ok('municipal.member', t.id, 'resolve', { note: 'dug out and rebuilt' });
    const closed = await ok('chunhai.secretary', t.id, 'verify', { solved: true });
    assert.equal(closed.status, 'closed');
  });

  it('sends a fix back when verification finds it not solved', async () => {
    const t = await fileAndDispatch();
    await ok('municipal.member', t.id, 'accept');
    await ok('municipal.member', t.id, 'resolve', { note: 'done' });
    const back = await ok('chunhai.secretary', t.id, 'verify', { solved: false, note: 'still a hole' });
    assert.equal(back.status, 'accepted');
    assert.equal(back.unitId, 'municipal');
  });

  it('merges a duplicate; closing the main ticket closes it and its reporter sees why', async () => {
    const main = await fileAndDispatch();
    const dup = await fileAndDispatch();
    const merged = await ok('chunhai.secretary', dup.id, 'merge', { intoTicketId: main.id });
    assert.equal(merged.status, 'merged');
    await ok('municipal.member', main.id, 'accept');
    await ok('municipal.member', main.id, 'resolve', { note: 'fixed' });
    await ok('chunhai.secretary', main.id, 'verify', { solved: true });
    const view = await eventually(async () => {
      const v = await request(system.url, 'GET', `/api/v1/reports/${dup.code}`);
      return v.body.status === 'closed' ? v : undefined;
    });
    assert.equal(view.body.mergedInto.trackingCode, main.code);
    assert.equal(view.body.timeline.at(-1).type, 'ticket.closed');
  });

  it('cancels an open ticket', async () => {
    const t = await fileAndDispatch();
    const cancelled = await ok('chunhai.secretary', t.id, 'cancel', { reason: 'reported by mistake' });
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(cancelled.deadlines, {});
  });

  it('answers 409 for a stale If-Match and for an action the state does not allow, naming the state', async () => {
    const t = await fileAndDispatch();
    const stale = await act('municipal.member', t.id, 'accept', {}, { 'if-match': '1' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    const illegal = await act('chunhai.secretary', t.id, 'verify', { solved: true });
    assert.equal(illegal.status, 409);
    assert.equal(illegal.body.error.code, 'ILLEGAL_TRANSITION');
    assert.match(illegal.body.error.message, /dispatched/);
  });

  it('hides tickets outside the caller scope (404) and refuses actions of the wrong role', async () => {
    const t = await fileAndDispatch();
    for (const [user, method, path] of [
      ['gas.member', 'GET', `/api/v1/tickets/${t.id}`],
      ['dongri.secretary', 'GET', `/api/v1/tickets/${t.id}`],
      ['gas.member', 'POST', `/api/v1/tickets/${t.id}/accept`],
      ['dongri.secretary', 'POST', `/api/v1/tickets/${t.id}/cancel`],
    ] as const) {
      const res = await request(system.url, method, path, {
        token: token[user],
        ...(method === 'POST' ? { body: { reason: 'x' } } : {}),
      });
      assert.equal(res.status, 404, `${user} ${method} ${path}`);
    }
    const assistAccept = await act('water.member', t.id, 'accept');
    assert.equal(assistAccept.status, 403, 'an assisting unit may not sign for the lead');
    const noToken = await request(system.url, 'GET', `/api/v1/tickets/${t.id}`);
    assert.equal(noToken.status, 401);
    const list = await request(system.url, 'GET', '/api/v1/tickets?limit=100', {
      token: token['gas.member'],
    });
    assert.equal(list.status, 200);
    assert.equal(
      list.body.items.some((x: any) => x.id === t.id),
      false,
    );
    const mine = await request(system.url, 'GET', '/api/v1/tickets?status=dispatched&limit=100', {
      token: token['zhongshan.secretary'],
    });
    assert.ok(
      mine.body.items.some((x: any) => x.id === t.id),
      'the district secretary sees everything below',
    );
  });
});
