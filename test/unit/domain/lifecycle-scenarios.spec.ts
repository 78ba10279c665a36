import assert from 'node:assert/strict';
import {
  applyAction,
  evolveView,
  type LifecycleActor,
  type LifecycleCommand,
  type LifecycleSuccess,
  type LifecycleView,
} from '@grid-dispatch/domain';

// Distributed Omit keeps each command variant's own fields.
type Body = LifecycleCommand extends infer C
  ? C extends LifecycleCommand
    ? Omit<C, 'actor'>
    : never
  : never;

const water: LifecycleActor = { kind: 'staff', role: 'unit_member', unitId: 'water', inScope: true };
const works: LifecycleActor = { kind: 'staff', role: 'unit_member', unitId: 'works', inScope: true };
const power: LifecycleActor = { kind: 'staff', role: 'unit_member', unitId: 'power', inScope: true };
const secretary: LifecycleActor = { kind: 'staff', role: 'community_secretary', inScope: true };
const district: LifecycleActor = { kind: 'staff', role: 'district_secretary', inScope: true };
const system: LifecycleActor = { kind: 'system' };
const resident: LifecycleActor = { kind: 'resident' };

const NOW = '2030-03-01T08:00:00Z';
const submitted: LifecycleView = {
  id: 'T1',
  status: 'submitted',
  unitId: null,
  assistUnitIds: [],
  pendingRequest: null,
};

/** Applies a step that must succeed and returns the next view with the outcome. */
function step(view: LifecycleView, actor: LifecycleActor, body: Body): [LifecycleView, LifecycleSuccess] {
  const outcome = applyAction(view, { ...body, actor } as LifecycleCommand);
  assert.ok(outcome.ok, `${body.action} from ${view.status} failed: ${JSON.stringify(outcome)}`);
  return [evolveView(view, outcome, NOW), outcome];
}

/** Applies a step that must fail with `code`. */
function refused(view: LifecycleView, actor: LifecycleActor, body: Body, code: string): void {
  const outcome = applyAction(view, { ...body, actor } as LifecycleCommand);
  assert.equal(outcome.ok ? 'ok' : outcome.code, code, `${body.action} from ${view.status}`);
}

/** Walks to an accepted ticket held by `water` with `power` assisting. */
function acceptedTicket(): LifecycleView {
  let [v] = step(submitted, system, { action: 'dispatch', unitId: 'water', assistUnitIds: ['power'] });
  [v] = step(v, water, { action: 'accept' });
  return v;
}

describe('domain/lifecycle scenarios', () => {
  it('submitted → dispatched → accepted → resolved → closed, then rated', () => {
    let [v, o] = step(submitted, system, {
      action: 'dispatch',
      unitId: 'water',
      assistUnitIds: ['power', 'water', ' power '],
    });
    assert.equal(o.eventType, 'ticket.dispatched');
    assert.deepEqual(o.changes, {
      unitId: 'water',
      assistUnitIds: ['power'],
      restartAckDeadline: true,
    });
    refused(v, power, { action: 'accept' }, 'FORBIDDEN');
    [v, o] = step(v, water, { action: 'accept' });
    assert.equal(v.status, 'accepted');
    assert.deepEqual(o.changes, { clearAckDeadline: true, restartResolveDeadline: true });
    [v, o] = step(v, power, { action: 'progress', note: '  power cut for repair  ' });
    assert.equal(o.eventType, 'ticket.progress_reported');
    assert.deepEqual(o.eventData, { note: 'power cut for repair' });
    refused(v, power, { action: 'resolve', note: 'done' }, 'FORBIDDEN');
    [v, o] = step(v, water, { action: 'resolve', note: 'main replaced', photos: ['https://x/1.jpg'] });
    assert.equal(v.status, 'resolved');
    assert.equal(v.resolvedAt, NOW);
    assert.deepEqual(o.changes, { clearResolveDeadline: true, startVerifyDeadline: true });
    [v, o] = step(v, secretary, { action: 'verify', solved: true, note: 'checked on site' });
    assert.equal(v.status, 'closed');
    assert.equal(o.eventType, 'ticket.verified');
    assert.deepEqual(o.changes, { clearAllDeadlines: true, closesMerged: true });
    [v, o] = step(v, resident, { action: 'feedback', rating: 'satisfied' });
    assert.equal(v.status, 'closed');
    assert.equal(o.eventType, 'ticket.rated');
  });

  it('a return approved moves the ticket to another unit; the old unit loses it', () => {
    let [v] = step(submitted, system, { action: 'dispatch', unitId: 'water', assistUnitIds: ['works'] });
    let o: LifecycleSuccess;
    [v, o] = step(v, water, { action: 'return', reason: 'road surface, not a water main' });
    assert.equal(v.status, 'returned');
    assert.deepEqual(o.changes, {
      pendingRequest: {
        kind: 'return',
        requestedBy: 'water',
        previousStatus: 'dispatched',
        reason: 'road surface, not a water main',
      },
      pauseClock: true,
    });
    refused(v, water, { action: 'accept' }, 'ILLEGAL_TRANSITION');
    refused(v, water, { action: 'return', reason: 'again' }, 'ILLEGAL_TRANSITION');
    refused(
      v,
      secretary,
      { action: 'decide', request: 'extension', approve: true, now: NOW },
      'ILLEGAL_TRANSITION',
    );
    refused(v, secretary, { action: 'decide', request: 'return', approve: true, now: NOW }, 'INVALID_INPUT');
    refused(
      v,
      secretary,
      { action: 'decide', request: 'return', approve: true, unitId: 'water', now: NOW },
      'INVALID_INPUT',
    );
    [v, o] = step(v, secretary, {
      action: 'decide',
      request: 'return',
      approve: true,
      unitId: 'works',
      now: NOW,
    });
    assert.equal(o.eventType, 'ticket.return_approved');
    assert.equal(v.status, 'dispatched');
    assert.equal(v.unitId, 'works');
    assert.deepEqual(v.assistUnitIds, [], 'the new lead is not its own assistant');
    assert.equal(v.pendingRequest, null);
    assert.equal(o.changes.resumeClock, true);
    assert.equal(o.changes.restartAckDeadline, true);
    refused(v, water, { action: 'accept' }, 'FORBIDDEN');
    [v] = step(v, works, { action: 'accept' });
    assert.equal(v.status, 'accepted');
  });

  for (const from of ['dispatched', 'accepted'] as const) {
    it(`a return refused puts the ticket back to ${from}`, () => {
      let v =
        from === 'accepted'
          ? acceptedTicket()
          : step(submitted, system, { action: 'dispatch', unitId: 'water', assistUnitIds: [] })[0];
      [v] = step(v, water, { action: 'return', reason: 'not ours' });
      const [next, o] = step(v, secretary, {
        action: 'decide',
        request: 'return',
        approve: false,
        note: 'it is yours',
        now: NOW,
      });
      v = next;
      assert.equal(o.eventType, 'ticket.return_refused');
      assert.equal(v.status, from);
      assert.equal(v.unitId, 'water');
      assert.deepEqual(o.changes, { pendingRequest: null, resumeClock: true });
    });
  }

  it('an extension waits with the clock paused, blocks other requests, and moves the deadline when approved', () => {
    let v: LifecycleView = { ...acceptedTicket(), resolveDueAt: '2030-03-02T08:00:00Z' };
    let o: LifecycleSuccess;
    refused(
      v,
      water,
      { action: 'extension', reason: 'parts', resolveBy: '2030-03-01T07:00:00Z', now: NOW },
      'INVALID_INPUT',
    );
    refused(
      v,
      water,
      { action: 'extension', reason: 'parts', resolveBy: '2030-03-02T07:00:00Z', now: NOW },
      'INVALID_INPUT',
    );
    refused(
      v,
      power,
      { action: 'extension', reason: 'parts', resolveBy: '2030-03-05T08:00:00Z', now: NOW },
      'FORBIDDEN',
    );
    [v, o] = step(v, water, {
      action: 'extension',
      reason: 'waiting for parts',
      resolveBy: '2030-03-05T08:00:00Z',
      now: NOW,
    });
    assert.equal(v.status, 'accepted');
    assert.equal(o.eventType, 'ticket.extension_requested');
    assert.equal(o.changes.pauseClock, true);
    assert.equal(v.pendingRequest?.kind, 'extension');
    refused(v, water, { action: 'return', reason: 'x' }, 'ILLEGAL_TRANSITION');
    refused(
      v,
      water,
      { action: 'extension', reason: 'x', resolveBy: '2030-03-09T08:00:00Z', now: NOW },
      'ILLEGAL_TRANSITION',
    );
    refused(
      v,
      secretary,
      { action: 'decide', request: 'return', approve: true, unitId: 'works', now: NOW },
      'ILLEGAL_TRANSITION',
    );
    refused(
      v,
      secretary,
      { action: 'decide', request: 'extension', approve: true, now: '2030-03-06T00:00:00Z' },
      'INVALID_INPUT',
    );
    [v, o] = step(v, secretary, { action: 'decide', request: 'extension', approve: true, now: NOW });
    assert.equal(o.eventType, 'ticket.extension_approved');
    assert.deepEqual(o.changes, {
      pendingRequest: null,
      resumeClock: true,
      newResolveBy: '2030-03-05T08:00:00Z',
    });
    assert.equal(v.resolveDueAt, '2030-03-05T08:00:00Z');
    assert.equal(v.status, 'accepted');
  });

  it('an extension refused leaves the deadline alone', () => {
    let [v] = step(acceptedTicket(), water, {
      action: 'extension',
      reason: 'parts',
      resolveBy: '2030-03-05T08:00:00Z',
      now: NOW,
    });
    const [next, o] = step(v, district, { action: 'decide', request: 'extension', approve: false, now: NOW });
    v = next;
    assert.equal(o.eventType, 'ticket.extension_refused');
    assert.deepEqual(o.changes, { pendingRequest: null, resumeClock: true });
    assert.equal(v.status, 'accepted');
  });

  it('resolving while an extension waits settles the request', () => {
    const [v] = step(acceptedTicket(), water, {
      action: 'extension',
      reason: 'parts',
      resolveBy: '2030-03-05T08:00:00Z',
      now: NOW,
    });
    const [after, o] = step(v, water, { action: 'resolve', note: 'managed after all' });
    assert.equal(after.pendingRequest, null);
    assert.equal(o.changes.resumeClock, true);
  });

  it('failed verification sends the ticket back to the same unit for rework', () => {
    let [v] = step(acceptedTicket(), water, { action: 'resolve', note: 'done' });
    const [next, o] = step(v, secretary, { action: 'verify', solved: false, note: 'still leaking' });
    v = next;
    assert.equal(o.eventType, 'ticket.verification_failed');
    assert.equal(v.status, 'accepted');
    assert.equal(v.unitId, 'water');
    assert.equal(v.resolvedAt, null);
    assert.deepEqual(o.changes, { clearVerifyDeadline: true, restartResolveDeadline: true, rework: true });
    [v] = step(v, water, { action: 'resolve', note: 'really done' });
    [v] = step(v, secretary, { action: 'verify', solved: true });
    assert.equal(v.status, 'closed');
  });

  for (const from of ['resolved', 'closed'] as const) {
    it(`a dissatisfied rating on a ${from} ticket reopens it for a new dispatch`, () => {
      let [v] = step(acceptedTicket(), water, { action: 'resolve', note: 'done' });
      if (from === 'closed') [v] = step(v, secretary, { action: 'verify', solved: true });
      const [next, o] = step(v, resident, {
        action: 'feedback',
        rating: 'dissatisfied',
        comment: 'still dark',
      });
      v = next;
      assert.equal(v.status, 'reopened');
      assert.equal(o.eventType, 'ticket.rated');
      assert.equal(o.changes.redispatch, true);
      assert.deepEqual(o.eventData, { rating: 'dissatisfied', comment: 'still dark' });
      [v] = step(v, system, { action: 'dispatch', unitId: 'water', assistUnitIds: [] });
      assert.equal(v.status, 'dispatched');
    });
  }

  it('ratings are refused before the fix and from anyone but the resident', () => {
    const v = acceptedTicket();
    refused(v, resident, { action: 'feedback', rating: 'satisfied' }, 'ILLEGAL_TRANSITION');
    const [resolved] = step(v, water, { action: 'resolve', note: 'done' });
    refused(resolved, secretary, { action: 'feedback', rating: 'satisfied' }, 'FORBIDDEN');
  });

  it('a secretary reopens a closed ticket and routes it by hand', () => {
    let [v] = step(acceptedTicket(), water, { action: 'resolve', note: 'done' });
    [v] = step(v, secretary, { action: 'verify', solved: true });
    let o: LifecycleSuccess;
    refused(v, secretary, { action: 'reopen', reason: '  ' }, 'INVALID_INPUT');
    [v, o] = step(v, secretary, { action: 'reopen', reason: 'resident called again' });
    assert.equal(v.status, 'reopened');
    assert.deepEqual(o.changes, { clearAllDeadlines: true, redispatch: true });
    [v, o] = step(v, secretary, { action: 'reassign', unitId: 'water' });
    assert.equal(v.status, 'dispatched');
    assert.equal(o.changes.restartAckDeadline, true);
    assert.equal(o.changes.restartResolveDeadline, undefined, 'the fix clock starts at signing');
  });

  it('a fallback ticket with no unit is routed by a district secretary', () => {
    const [v, o] = step(submitted, district, {
      action: 'reassign',
      unitId: 'works',
      reason: 'no list entry',
    });
    assert.equal(v.status, 'dispatched');
    assert.equal(v.unitId, 'works');
    assert.deepEqual(o.eventData, { unitId: 'works', previousUnitId: null, reason: 'no list entry' });
  });

  it('reassigning needs a different unit while a unit holds the ticket and settles a pending request', () => {
    let [v] = step(acceptedTicket(), water, {
      action: 'extension',
      reason: 'r',
      resolveBy: '2030-03-05T08:00:00Z',
      now: NOW,
    });
    refused(v, secretary, { action: 'reassign', unitId: 'water' }, 'INVALID_INPUT');
    const [next, o] = step(v, secretary, { action: 'reassign', unitId: 'power' });
    v = next;
    assert.equal(v.status, 'dispatched');
    assert.equal(v.unitId, 'power');
    assert.deepEqual(v.assistUnitIds, []);
    assert.equal(v.pendingRequest, null);
    assert.equal(o.changes.resumeClock, true);
    assert.equal(o.changes.clearResolveDeadline, true, 'the new unit signs first; its fix clock starts then');
  });

  it('reassigning a returned ticket is an implicit approval of the return', () => {
    let [v] = step(acceptedTicket(), water, { action: 'return', reason: 'not ours' });
    [v] = step(v, secretary, { action: 'reassign', unitId: 'works' });
    assert.equal(v.status, 'dispatched');
    assert.equal(v.pendingRequest, null);
  });

  it('cancelling an open ticket settles its request and stops every deadline', () => {
    const [returned] = step(acceptedTicket(), water, { action: 'return', reason: 'not ours' });
    const [v, o] = step(returned, secretary, { action: 'cancel', reason: 'reporter withdrew' });
    assert.equal(v.status, 'cancelled');
    assert.deepEqual(o.changes, { clearAllDeadlines: true, pendingRequest: null, resumeClock: true });
    refused(v, secretary, { action: 'urge' }, 'ILLEGAL_TRANSITION');
    refused(v, secretary, { action: 'reopen', reason: 'x' }, 'ILLEGAL_TRANSITION');
  });

  it('merging a duplicate into another ticket, never into itself', () => {
    const v = acceptedTicket();
    refused(v, secretary, { action: 'merge', intoTicketId: 'T1' }, 'INVALID_INPUT');
    const [merged, o] = step(v, secretary, { action: 'merge', intoTicketId: 'T2' });
    assert.equal(merged.status, 'merged');
    assert.equal(merged.mergedInto, 'T2');
    assert.equal(o.changes.clearAllDeadlines, true);
    refused(merged, secretary, { action: 'cancel', reason: 'x' }, 'ILLEGAL_TRANSITION');
  });

  it('urging changes nothing but records an event', () => {
    const v = acceptedTicket();
    const [after, o] = step(v, secretary, { action: 'urge', note: 'residents waiting since morning' });
    assert.equal(after.status, 'accepted');
    assert.equal(o.eventType, 'ticket.urged');
    assert.deepEqual(o.changes, {});
  });

  it('out-of-scope staff and administrators are forbidden', () => {
    const v = acceptedTicket();
    refused(v, { ...secretary, inScope: false }, { action: 'urge' }, 'FORBIDDEN');
    refused(v, { ...water, inScope: false }, { action: 'progress', note: 'x' }, 'FORBIDDEN');
    refused(
      v,
      { kind: 'staff', role: 'admin', inScope: true },
      { action: 'cancel', reason: 'x' },
      'FORBIDDEN',
    );
    refused(v, system, { action: 'cancel', reason: 'x' }, 'FORBIDDEN');
  });

  it('records the requesting user when known', () => {
    const [, o] = step(
      acceptedTicket(),
      { ...water, userId: 'u-42' },
      { action: 'return', reason: 'not ours' },
    );
    assert.equal(o.changes.pendingRequest?.requestedBy, 'u-42');
  });
});
