import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eventually, login, request } from '../support/http-client';
import { HttpReceiver, type Received } from '../support/http-receiver';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** The webhook endpoints on loopback, one path each. */
class Receiver extends HttpReceiver {
  /** Every request that reached `path` (of one ticket), in arrival order, failed ones included. */
  at(path: string, ticketId?: string): Received<any>[] {
    return this.received.filter((r) => r.path === path && (!ticketId || r.body.ticketId === ticketId));
  }
}

/** The verification the README documents: timestamp within 5 minutes, then HMAC in constant time. */
function verify(secret: string, r: Received<any>): boolean {
  const timestamp = String(r.headers['x-grid-dispatch-timestamp']);
  const signature = String(r.headers['x-grid-dispatch-signature']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${r.raw}`).digest('hex')}`;
  return (
    expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  );
}

/** Ticket versions of one ticket's accepted (200) deliveries to one path, in arrival order. */
function versionsAt(receiver: Receiver, path: string, ticketId: string): number[] {
  return receiver
    .at(path, ticketId)
    .filter((r) => r.status === 200)
    .map((r) => r.body.ticketVersion);
}

/**
 * Signed webhooks on a running system with a receiver on 127.0.0.1: signatures verify as
 * documented, one ticket's events arrive in order through 500s and a receiver down for a minute,
 * personal data only where a unit's endpoint asks for it, a unit's endpoint hears only its
 * unit's tickets. Retries are shortened (0.5 s doubling up to 4 s, 25 attempts: about 90 s).
 */
describe('Webhooks', function () {
  this.timeout(240000);
  let system: TestSystem;
  let admin: string;
  let member: string;
  const receiver = new Receiver();
  let adminHook: { id: string; secret: string };
  let powerHook: { id: string; secret: string };
  /** Failures still to answer per ticket on the /flaky path. */
  const failuresLeft = new Map<string, number>();

  before(async () => {
    await receiver.open();
    receiver.answer = (path, body) => {
      if (path !== '/flaky') return 200;
      const left = failuresLeft.get(body.ticketId) ?? 0;
      if (left > 0) {
        failuresLeft.set(body.ticketId, left - 1);
        return 500;
      }
      return 200;
    };
    system = await startTestSystem({
      WEBHOOK_RETRY_BASE: 'PT0.5S',
      WEBHOOK_RETRY_MAX: 'PT4S',
      WEBHOOK_ATTEMPTS: '25',
    });
    admin = await login(system.url, 'admin', 'admin-test-password');
    member = await login(system.url, 'municipal.member', 'demo-test-password');
  });
  after(async () => {
    await system?.destroy();
    await receiver.close();
  });

  const act = async (ticketId: string, action: string, body: object = {}) => {
    const res = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/${action}`, {
      token: member,
      body,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };

  it('registers endpoints with clear errors, and shows the secret only once', async () => {
    const bad = await request(system.url, 'POST', '/api/v1/admin/webhooks', {
      token: admin,
      body: { url: 'ftp://127.0.0.1/x' },
    });
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.deepEqual(
      bad.body.error.fields.map((f: { path: string }) => f.path),
      ['url'],
    );
    const personalForAll = await request(system.url, 'POST', '/api/v1/admin/webhooks', {
      token: admin,
      body: { url: receiver.url('/admin'), personalData: true },
    });
    assert.equal(personalForAll.status, 422, JSON.stringify(personalForAll.body));
    assert.equal(personalForAll.body.error.fields[0].path, 'personalData');
    const unknownType = await request(system.url, 'POST', '/api/v1/admin/webhooks', {
      token: admin,
      body: { url: receiver.url('/admin'), eventTypes: ['ticket.exploded'] },
    });
    assert.equal(unknownType.status, 422, JSON.stringify(unknownType.body));
    assert.equal(unknownType.body.error.fields[0].path, 'eventTypes[0]');

    const created = await request(system.url, 'POST', '/api/v1/admin/webhooks', {
      token: admin,
      body: { url: receiver.url('/admin') },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.secret, /^whsec_/);
    adminHook = created.body;
    const flaky = await request(system.url, 'POST', '/api/v1/admin/webhooks', {
      token: admin,
      body: { url: receiver.url('/flaky'), eventTypes: [] },
    });
    assert.equal(flaky.status, 201);

    // A unit's own endpoint, by its own staff, with personal data; another unit cannot see it.
    const powerMember = await login(system.url, 'power.member', 'demo-test-password');
    const own = await request(system.url, 'POST', '/api/v1/units/power/webhooks', {
      token: powerMember,
      body: { url: receiver.url('/power'), personalData: true },
    });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    assert.equal(own.body.unitId, 'power');
    powerHook = own.body;
    const foreign = await request(system.url, 'GET', '/api/v1/units/power/webhooks', { token: member });
    assert.equal(foreign.status, 404);
    const notAdmin = await request(system.url, 'GET', '/api/v1/admin/webhooks', { token: powerMember });
    assert.equal(notAdmin.status, 404);

    const list = await request(system.url, 'GET', '/api/v1/admin/webhooks', { token: admin });
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 3);
    assert.ok(
      list.body.items.every((e: object) => !('secret' in e)),
      'a list never shows a secret',
    );
  });

  it('signs each delivery as documented and sends one ticket’s events in order, without personal data', async () => {
    const { ticketId } = await fileAndDispatch(system, { contact: { phone: '13912345678', name: '王小明' } });
    await act(ticketId, 'accept');
    await act(ticketId, 'progress', { note: 'called 王小明 on 13912345678' });
    const got = await eventually(async () => {
      const r = receiver.at('/admin', ticketId);
      return r.length >= 4 ? r : undefined;
    }, 30000);
    assert.deepEqual(
      got.map((r) => r.body.type),
      ['ticket.submitted', 'ticket.dispatched', 'ticket.accepted', 'ticket.progress_reported'],
    );
    assert.deepEqual(
      got.map((r) => r.body.ticketVersion),
      [1, 2, 3, 4],
    );
    for (const r of got) {
      assert.ok(verify(adminHook.secret, r), 'the signature verifies with the endpoint’s secret');
      assert.ok(!verify('whsec_wrong', r), 'and not with another secret');
      assert.equal(r.headers['x-grid-dispatch-event-id'], r.body.id);
      assert.ok(!r.raw.includes('13912345678'), 'no phone number');
      assert.ok(!r.raw.includes('王小明'), 'no name');
      assert.equal(r.body.reporterContact, undefined);
    }
    const progress = got[3]!.body;
    assert.deepEqual(progress.actor, { kind: 'staff', role: 'unit_member' });
    assert.equal(progress.payload.note, undefined);
    assert.equal(progress.status, 'accepted');
    assert.equal(progress.category, 'road_collapse');
    assert.equal(progress.unit, 'municipal');
  });

  it('retries after 500s and still delivers in order', async () => {
    const { ticketId } = await fileAndDispatch(system, { description: 'flaky receiver report' });
    await eventually(
      async () => (versionsAt(receiver, '/flaky', ticketId).includes(2) ? true : undefined),
      30000,
    );
    failuresLeft.set(ticketId, 3);
    await act(ticketId, 'accept');
    const versions = await eventually(async () => {
      const v = versionsAt(receiver, '/flaky', ticketId);
      return v.includes(3) ? v : undefined;
    }, 60000);
    assert.deepEqual(versions, [1, 2, 3]);
    const answered = receiver.at('/flaky', ticketId).map((r) => r.status);
    assert.equal(answered.filter((s) => s === 500).length, 3, `answered ${answered.join(', ')}`);
    // No later event overtook a failing one: every 500 is followed by the same version again.
    const sent = receiver.at('/flaky', ticketId).map((r) => r.body.ticketVersion);
    assert.deepEqual(
      [...sent].sort((a, b) => a - b),
      sent,
      `sent in order: ${sent.join(', ')}`,
    );
    const log = await request(system.url, 'GET', `/api/v1/admin/webhooks`, { token: admin });
    const flaky = log.body.items.find((e: any) => e.url.endsWith('/flaky'));
    const deliveries = await request(system.url, 'GET', `/api/v1/admin/webhooks/${flaky.id}/deliveries`, {
      token: admin,
    });
    const first = deliveries.body.items.find((d: any) => d.ticketId === ticketId && d.ticketVersion === 3);
    assert.equal(first.state, 'delivered');
    // The failing endpoint held up no other: the administrator's had the event before its retries ended.
    const arrival = (path: string) =>
      receiver.received.findIndex(
        (r) =>
          r.path === path && r.body.ticketId === ticketId && r.body.ticketVersion === 3 && r.status === 200,
      );
    assert.ok(
      arrival('/admin') >= 0 && arrival('/admin') < arrival('/flaky'),
      'the other endpoint went first',
    );
    assert.equal(first.attempts, 4);
    assert.equal(first.lastStatus, 200);
  });

  it('loses nothing and keeps the order while the receiver is down for a minute', async () => {
    const { ticketId } = await fileAndDispatch(system, { description: 'receiver outage report' });
    await eventually(
      async () => (versionsAt(receiver, '/admin', ticketId).includes(2) ? true : undefined),
      30000,
    );
    await receiver.close();
    const downAt = Date.now();
    await act(ticketId, 'accept');
    await act(ticketId, 'progress', { note: 'on site' });
    // The log shows the failed attempts while the receiver is away.
    await eventually(async () => {
      const log = await request(
        system.url,
        'GET',
        `/api/v1/admin/webhooks/${adminHook.id}/deliveries?state=pending`,
        {
          token: admin,
        },
      );
      const waiting = log.body.items.filter((d: any) => d.ticketId === ticketId);
      return waiting.some((d: any) => d.attempts >= 2 && d.lastStatus === null && d.lastError)
        ? true
        : undefined;
    }, 30000);
    // The outage itself is the scenario: a minute without a receiver.
    await new Promise((r) => setTimeout(r, Math.max(0, 60000 - (Date.now() - downAt))));
    await receiver.open();
    const versions = await eventually(async () => {
      const v = versionsAt(receiver, '/admin', ticketId);
      return v.length >= 4 ? v : undefined;
    }, 60000);
    assert.deepEqual(versions, [1, 2, 3, 4]);
  });

  it('gives a unit’s endpoint only its unit’s tickets, with the personal data it asked for', async () => {
    const road = await fileAndDispatch(system, {
      description: 'not for power',
      contact: { phone: '13800000001' },
    });
    const power = await fileAndDispatch(system, {
      category: 'power_outage',
      description: 'no power in the building',
      contact: { phone: '13800000002', name: '李四' },
    });
    assert.equal(power.ticket.unitId, 'power');
    // The road ticket's own deliveries to the administrator's endpoint came first.
    await eventually(
      async () => (versionsAt(receiver, '/admin', road.ticketId).includes(2) ? true : undefined),
      30000,
    );
    const got = await eventually(async () => {
      const r = receiver.at('/power', power.ticketId);
      return r.some((x) => x.body.ticketVersion === 2) ? r : undefined;
    }, 30000);
    assert.equal(receiver.at('/power', road.ticketId).length, 0, 'nothing of another unit’s ticket');
    assert.ok(
      receiver.at('/power').every((r) => r.body.unit === 'power' || r.body.assistUnits.includes('power')),
    );
    const dispatched = got.find((r) => r.body.ticketVersion === 2)!;
    assert.ok(verify(powerHook.secret, dispatched));
    assert.deepEqual(dispatched.body.reporterContact, { phone: '13800000002', name: '李四' });
  });
});

/**
 * Automatic switch-off after repeated failed deliveries, the notice fields the admin page shows,
 * and replay after switching back on. Two attempts per delivery, switched off after two.
 */
describe('Webhooks switched off and replayed', function () {
  this.timeout(120000);
  let system: TestSystem;
  let admin: string;
  const receiver = new Receiver();
  let failing = true;

  before(async () => {
    await receiver.open();
    receiver.answer = () => (failing ? 500 : 200);
    system = await startTestSystem({
      WEBHOOK_RETRY_BASE: 'PT0.2S',
      WEBHOOK_RETRY_MAX: 'PT1S',
      WEBHOOK_ATTEMPTS: '2',
      WEBHOOK_DISABLE_AFTER: '2',
    });
    admin = await login(system.url, 'admin', 'admin-test-password');
  });
  after(async () => {
    await system?.destroy();
    await receiver.close();
  });

  it('switches a failing endpoint off, logs the status codes, and replays after it is back on', async () => {
    const created = await request(system.url, 'POST', '/api/v1/admin/webhooks', {
      token: admin,
      body: { url: receiver.url('/down') },
    });
    assert.equal(created.status, 201);
    const hook = created.body;
    const { ticketId } = await fileAndDispatch(system, { description: 'a failing receiver' });

    const off = await eventually(async () => {
      const list = await request(system.url, 'GET', '/api/v1/admin/webhooks', { token: admin });
      const e = list.body.items.find((x: any) => x.id === hook.id);
      return e && !e.enabled ? e : undefined;
    }, 30000);
    assert.ok(off.disabledAt, 'the switch-off time is recorded');
    assert.match(off.disabledReason, /2 deliveries in a row failed/);
    assert.equal(off.failureStreak, 2);

    const log = await request(system.url, 'GET', `/api/v1/admin/webhooks/${hook.id}/deliveries`, {
      token: admin,
    });
    const mine = log.body.items.filter((d: any) => d.ticketId === ticketId);
    assert.deepEqual(mine.map((d: any) => d.ticketVersion).sort(), [1, 2]);
    for (const d of mine) {
      assert.equal(d.state, 'failed');
      assert.equal(d.attempts, 2);
      assert.equal(d.lastStatus, 500);
    }
    const refused = await request(system.url, 'POST', `/api/v1/admin/webhooks/${hook.id}/replay`, {
      token: admin,
      body: {},
    });
    assert.equal(refused.status, 409, 'no replay while switched off');

    failing = false;
    const on = await request(system.url, 'PATCH', `/api/v1/admin/webhooks/${hook.id}`, {
      token: admin,
      body: { enabled: true },
    });
    assert.equal(on.status, 200);
    assert.equal(on.body.disabledAt, null);
    assert.equal(on.body.failureStreak, 0);
    const replay = await request(system.url, 'POST', `/api/v1/admin/webhooks/${hook.id}/replay`, {
      token: admin,
      body: {},
    });
    assert.equal(replay.status, 200, JSON.stringify(replay.body));
    assert.equal(replay.body.replayed, 2);
    const delivered = await eventually(async () => {
      const l = await request(
        system.url,
        'GET',
        `/api/v1/admin/webhooks/${hook.id}/deliveries?state=delivered`,
        {
          token: admin,
        },
      );
      const d = l.body.items.filter((x: any) => x.ticketId === ticketId);
      return d.length === 2 ? d : undefined;
    }, 30000);
    assert.ok(delivered.every((d: any) => d.lastStatus === 200 && d.replays === 1));
    const okBodies = receiver
      .at('/down', ticketId)
      .slice(-2)
      .map((r) => r.body.ticketVersion);
    assert.deepEqual(okBodies, [1, 2], 'replayed in ticket order');

    // One logged delivery sent again: the same event id, freshly signed.
    const one = delivered[0];
    const before = receiver.at('/down', ticketId).length;
    const again = await request(system.url, 'POST', `/api/v1/admin/webhooks/${hook.id}/replay`, {
      token: admin,
      body: { deliveryId: one.id },
    });
    assert.equal(again.body.replayed, 1);
    const resent = await eventually(async () => receiver.at('/down', ticketId)[before], 30000);
    assert.equal(resent.body.id, one.eventId);
    assert.ok(verify(hook.secret, resent));
  });
});
