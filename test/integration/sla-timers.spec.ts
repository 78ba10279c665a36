import assert from 'node:assert/strict';
import type { TicketDoc } from '@grid-dispatch/db';
import { fireDeadline } from '@grid-dispatch/sla/dist/fire-deadline';
import { addFastCategory } from '../support/fast-category';
import { eventually, login, request } from '../support/http-client';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** Reminders, breach and escalation on real timers with limits of seconds. */
describe('SLA clocks on BullMQ (short limits)', function () {
  this.timeout(120000);
  let system: TestSystem;
  let member: string;
  let secretary: string;

  before(async () => {
    system = await startTestSystem({ SLA_REMIND_EVERY: 'PT1S' });
    await addFastCategory(system.platform, 'fast_ack', 'PT2S', 'PT3S');
    await addFastCategory(system.platform, 'slow_ack', 'PT4S', 'PT6S');
    member = await login(system.url, 'municipal.member', 'demo-test-password');
    secretary = await login(system.url, 'chunhai.secretary', 'demo-test-password');
  });
  after(async () => system?.destroy());

  async function file(category: string): Promise<TicketDoc> {
    return (await fileAndDispatch(system, { category, description: 'timer test report' })).ticket;
  }

  const events = async (id: string) => (await system.platform.tickets.findById(id))!.events;
  const at = (e: { at: Date | string }) => new Date(e.at).getTime();

  it('warns at 50 % and 80 %, breaches at the limit, then reminds and climbs one level per lapse up to the district', async () => {
    const t = await file('fast_ack');
    const start = Date.parse(t.deadlines.ack!.startedAt);
    const due = Date.parse(t.deadlines.ack!.dueAt);
    assert.equal(due - start, 2000);
    const history = await eventually(
      async () => {
        const list = await events(t._id);
        return list.some((e) => e.type === 'ticket.escalated' && e.payload.escalationLevel === 3)
          ? list
          : undefined;
      },
      20000,
      100,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const timers = (await events(t._id)).filter(
      (e) => e.type.startsWith('sla.') || e.type === 'ticket.escalated',
    );
    const [w50, w80, breach] = timers;
    assert.deepEqual([w50?.type, w50?.payload.fraction], ['sla.warning', 0.5]);
    assert.deepEqual([w80?.type, w80?.payload.fraction], ['sla.warning', 0.8]);
    assert.deepEqual([breach?.type, breach?.payload.escalationLevel], ['sla.breached', 1]);
    const late = (e: { at: Date | string } | undefined, expected: number) => at(e!) - expected;
    for (const [event, expected] of [
      [w50, start + 1000],
      [w80, start + 1600],
      [breach, due],
    ] as const) {
      const lateness = late(event, expected);
      assert.ok(
        lateness >= 0 && lateness < 500,
        `${event?.type} ${event?.payload.fraction ?? ''} late by ${lateness} ms`,
      );
    }
    const climbs = timers.filter((e) => e.type === 'ticket.escalated');
    assert.deepEqual(
      climbs.map((e) => e.payload.escalationLevel),
      [2, 3],
      'one climb per lapse, never past the district',
    );
    const offsets = timers.map(
      (e) => `${e.type}:${e.payload.escalationLevel ?? e.payload.fraction ?? ''}@${at(e) - due}`,
    );
    assert.ok(
      Math.abs(at(climbs[0]!) - (due + 2000)) < 600,
      `level 2 after one more lapse of the limit: ${offsets}`,
    );
    assert.ok(Math.abs(at(climbs[1]!) - (due + 4000)) < 600, 'level 3 after two');
    assert.ok(
      timers.filter((e) => e.type === 'sla.reminder').length >= 3,
      'reminders repeat after the breach',
    );
    assert.equal(history.filter((e) => e.type === 'sla.breached').length, 1, 'one breach');
    assert.equal((await system.platform.tickets.findById(t._id))!.escalationLevel, 3);
  });

  it('stops the chain when the unit acts, and records the level it ended', async () => {
    const t = await file('fast_ack');
    await eventually(
      async () => ((await events(t._id)).some((e) => e.type === 'sla.breached') ? true : undefined),
      10000,
      100,
    );
    const accepted = await request(system.url, 'POST', `/api/v1/tickets/${t._id}/accept`, {
      token: member,
      body: {},
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.escalationLevel, 0);
    const acceptEvent = accepted.body.events.find((e: any) => e.type === 'ticket.accepted');
    assert.equal(acceptEvent.payload.endedEscalationLevel, 1);
    assert.equal(acceptEvent.actor.userId, 'municipal.member');
    const acceptedAt = Date.now();
    await new Promise((r) => setTimeout(r, 2500));
    const after = (await events(t._id)).filter((e) => at(e) > acceptedAt && e.payload.deadline === 'ack');
    assert.deepEqual(after, [], 'no ack reminder or climb after signing');
  });

  it('pauses the clock while a return waits and resumes from where it stood', async () => {
    const t = await file('slow_ack');
    const due0 = Date.parse(t.deadlines.ack!.dueAt);
    await new Promise((r) => setTimeout(r, 500));
    const ret = await request(system.url, 'POST', `/api/v1/tickets/${t._id}/return`, {
      token: member,
      body: { reason: 'not ours' },
    });
    assert.equal(ret.status, 200, JSON.stringify(ret.body));
    const pausedAt = Date.parse(ret.body.deadlines.ack.pausedAt);
    await new Promise((r) => setTimeout(r, 4500)); // past the original due time, while paused
    assert.equal(
      (await events(t._id)).some((e) => e.type === 'sla.breached'),
      false,
      'no breach while paused',
    );
    const refused = await request(system.url, 'POST', `/api/v1/tickets/${t._id}/decide`, {
      token: secretary,
      body: { request: 'return', approve: false },
    });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    const resumedAt = Date.parse(refused.body.clockPauses[0].to);
    const due1 = Date.parse(refused.body.deadlines.ack.dueAt);
    assert.equal(due1 - due0, resumedAt - pausedAt, 'the deadline moved by exactly the paused time');
    assert.equal(refused.body.clockPauses[0].from, ret.body.deadlines.ack.pausedAt);
    const breach = await eventually(
      async () => (await events(t._id)).find((e) => e.type === 'sla.breached'),
      10000,
      100,
    );
    assert.ok(
      at(breach) >= due1 && at(breach) - due1 < 500,
      `breach ${at(breach) - due1} ms after the resumed due time`,
    );
  });

  it('moves the fix deadline on an approved extension; the old timer does nothing', async () => {
    const t = await file('slow_ack');
    const accepted = await request(system.url, 'POST', `/api/v1/tickets/${t._id}/accept`, {
      token: member,
      body: {},
    });
    const oldDue = Date.parse(accepted.body.deadlines.resolve.dueAt);
    const resolveBy = new Date(oldDue + 4000).toISOString();
    await request(system.url, 'POST', `/api/v1/tickets/${t._id}/extension`, {
      token: member,
      body: { resolveBy, reason: 'parts arrive later' },
    });
    const approved = await request(system.url, 'POST', `/api/v1/tickets/${t._id}/decide`, {
      token: secretary,
      body: { request: 'extension', approve: true },
    });
    assert.equal(approved.body.deadlines.resolve.dueAt, resolveBy);
    const breach = await eventually(
      async () =>
        (await events(t._id)).find((e) => e.type === 'sla.breached' && e.payload.deadline === 'resolve'),
      15000,
      100,
    );
    assert.ok(at(breach) >= Date.parse(resolveBy), 'breached at the new deadline, not the old one');
    assert.equal((await events(t._id)).filter((e) => e.type === 'sla.breached').length, 1);
  });

  it('has one effect when the same job runs twice', async () => {
    const t = await file('slow_ack');
    await system.services.sla.reconciler.reconcile();
    const job = { ticketId: t._id, kind: 'ack' as const, seq: t.deadlines.ack!.seq, step: 'breach' as const };
    const outcomes = await Promise.allSettled([
      fireDeadline(system.platform, job),
      fireDeadline(system.platform, job),
    ]);
    const retried = await fireDeadline(system.platform, job);
    const done = [...outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'conflict')), retried];
    assert.equal(done.filter((o) => o === 'breached').length, 1, JSON.stringify(done));
    assert.equal((await events(t._id)).filter((e) => e.type === 'sla.breached').length, 1);
  });
});
