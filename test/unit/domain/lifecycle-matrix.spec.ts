import assert from 'node:assert/strict';
import {
  ACTION_RULES,
  applyAction,
  LIFECYCLE_ACTIONS,
  type LifecycleAction,
  type LifecycleActor,
  type LifecycleCommand,
  type LifecycleView,
  type Role,
  type TicketStatus,
} from '@grid-dispatch/domain';

/*
 * Every (action × status × actor × inScope) combination against an expectation table written
 * here by hand from the README's API — deliberately not derived from ACTION_RULES, so a
 * wrong row in the implementation makes this test fail.
 */

const STATUSES: TicketStatus[] = [
  'submitted',
  'dispatched',
  'accepted',
  'returned',
  'resolved',
  'reopened',
  'closed',
  'cancelled',
  'merged',
];
const OPEN = 'submitted dispatched accepted returned resolved reopened';

type Who = 'lead' | 'involved' | 'secretary' | 'system' | 'resident';

/** Expectations given the canonical ticket views below (a returned ticket has a pending return). */
const EXPECTED: Record<
  LifecycleAction,
  { who: Who; from: string; to: TicketStatus | 'same'; event: string }
> = {
  accept: { who: 'lead', from: 'dispatched', to: 'accepted', event: 'ticket.accepted' },
  progress: { who: 'involved', from: 'accepted', to: 'same', event: 'ticket.progress_reported' },
  resolve: { who: 'lead', from: 'accepted', to: 'resolved', event: 'ticket.resolved' },
  return: { who: 'lead', from: 'dispatched accepted', to: 'returned', event: 'ticket.return_requested' },
  extension: { who: 'lead', from: 'accepted', to: 'same', event: 'ticket.extension_requested' },
  decide: { who: 'secretary', from: 'returned', to: 'dispatched', event: 'ticket.return_approved' },
  reassign: {
    who: 'secretary',
    from: 'submitted dispatched accepted returned reopened',
    to: 'dispatched',
    event: 'ticket.reassigned',
  },
  verify: { who: 'secretary', from: 'resolved', to: 'closed', event: 'ticket.verified' },
  reopen: { who: 'secretary', from: 'resolved closed', to: 'reopened', event: 'ticket.reopened' },
  cancel: { who: 'secretary', from: OPEN, to: 'cancelled', event: 'ticket.cancelled' },
  merge: { who: 'secretary', from: OPEN, to: 'merged', event: 'ticket.merged' },
  urge: { who: 'secretary', from: OPEN, to: 'same', event: 'ticket.urged' },
  dispatch: { who: 'system', from: 'submitted reopened', to: 'dispatched', event: 'ticket.dispatched' },
  feedback: { who: 'resident', from: 'resolved closed', to: 'same', event: 'ticket.rated' },
};

const NOW = '2030-01-01T00:00:00Z';

/** A valid body for each action, so only actor and status decide the outcome. */
function commandFor(action: LifecycleAction, actor: LifecycleActor): LifecycleCommand {
  switch (action) {
    case 'accept':
      return { action, actor };
    case 'progress':
      return { action, actor, note: 'digging' };
    case 'resolve':
      return { action, actor, note: 'fixed' };
    case 'return':
      return { action, actor, reason: 'not ours' };
    case 'extension':
      return { action, actor, reason: 'parts', resolveBy: '2030-01-05T00:00:00Z', now: NOW };
    case 'decide':
      return { action, actor, request: 'return', approve: true, unitId: 'unit-new', now: NOW };
    case 'reassign':
      return { action, actor, unitId: 'unit-new' };
    case 'verify':
      return { action, actor, solved: true };
    case 'reopen':
      return { action, actor, reason: 'leaking again' };
    case 'cancel':
      return { action, actor, reason: 'duplicate call' };
    case 'merge':
      return { action, actor, intoTicketId: 'T-other' };
    case 'urge':
      return { action, actor };
    case 'dispatch':
      return { action, actor, unitId: 'unit-new', assistUnitIds: [] };
    case 'feedback':
      return { action, actor, rating: 'satisfied' };
  }
}

function viewFor(status: TicketStatus): LifecycleView {
  if (status === 'submitted')
    return { id: 'T-self', status, unitId: null, assistUnitIds: [], pendingRequest: null };
  return {
    id: 'T-self',
    status,
    unitId: 'unit-lead',
    assistUnitIds: ['unit-assist'],
    pendingRequest:
      status === 'returned'
        ? { kind: 'return', requestedBy: 'unit-lead', previousStatus: 'dispatched' }
        : null,
    mergedInto: status === 'merged' ? 'T-other' : null,
  };
}

interface ActorCase {
  label: string;
  actor: LifecycleActor;
}

const ACTORS: ActorCase[] = [];
const staffKinds: Array<{ label: string; role: Role; unitId?: string }> = [
  { label: 'member of lead unit', role: 'unit_member', unitId: 'unit-lead' },
  { label: 'member of assisting unit', role: 'unit_member', unitId: 'unit-assist' },
  { label: 'member of another unit', role: 'unit_member', unitId: 'unit-other' },
  { label: 'member without unit', role: 'unit_member' },
  { label: 'community secretary', role: 'community_secretary' },
  { label: 'sub-district secretary', role: 'subdistrict_secretary' },
  { label: 'district secretary', role: 'district_secretary' },
  { label: 'admin', role: 'admin', unitId: 'unit-lead' },
];
for (const kind of staffKinds) {
  for (const inScope of [true, false]) {
    const actor: LifecycleActor = { kind: 'staff', role: kind.role, inScope };
    if (kind.unitId !== undefined) actor.unitId = kind.unitId;
    ACTORS.push({ label: `${kind.label} (${inScope ? 'in' : 'out of'} scope)`, actor });
  }
}
ACTORS.push(
  { label: 'system', actor: { kind: 'system' } },
  { label: 'resident', actor: { kind: 'resident' } },
);

const SECRETARIES = ['community_secretary', 'subdistrict_secretary', 'district_secretary'];

/** The expected result, checked in the documented order: who → scope → status → which unit. */
function expectedResult(action: LifecycleAction, status: TicketStatus, actor: LifecycleActor): string {
  const spec = EXPECTED[action];
  const allowedFrom = spec.from.split(' ').includes(status);
  if (spec.who === 'system' || spec.who === 'resident') {
    if (actor.kind !== spec.who) return 'FORBIDDEN';
    return allowedFrom ? 'ok' : 'ILLEGAL_TRANSITION';
  }
  if (actor.kind !== 'staff') return 'FORBIDDEN';
  if (spec.who === 'secretary' && !SECRETARIES.includes(actor.role)) return 'FORBIDDEN';
  if (spec.who !== 'secretary' && actor.role !== 'unit_member') return 'FORBIDDEN';
  if (!actor.inScope) return 'FORBIDDEN';
  if (spec.who !== 'secretary' && actor.unitId === undefined) return 'FORBIDDEN';
  if (!allowedFrom) return 'ILLEGAL_TRANSITION';
  const view = viewFor(status);
  const isLead = view.unitId !== null && actor.unitId === view.unitId;
  const isAssist = actor.unitId !== undefined && view.assistUnitIds.includes(actor.unitId);
  if (spec.who === 'lead' && !isLead) return 'FORBIDDEN';
  if (spec.who === 'involved' && !isLead && !isAssist) return 'FORBIDDEN';
  return 'ok';
}

describe('domain/lifecycle action × status × actor matrix', () => {
  let combinations = 0;
  for (const action of LIFECYCLE_ACTIONS) {
    it(`${action}: every status and actor matches the expectation table`, () => {
      const mismatches: string[] = [];
      for (const status of STATUSES) {
        for (const { label, actor } of ACTORS) {
          combinations++;
          const expected = expectedResult(action, status, actor);
          const outcome = applyAction(viewFor(status), commandFor(action, actor));
          const actual = outcome.ok ? 'ok' : outcome.code;
          if (actual !== expected) {
            mismatches.push(`${status} / ${label}: expected ${expected}, got ${actual}`);
            continue;
          }
          if (outcome.ok) {
            const spec = EXPECTED[action];
            const to = spec.to === 'same' ? status : spec.to;
            if (outcome.status !== to)
              mismatches.push(`${status} / ${label}: ended ${outcome.status}, expected ${to}`);
            if (outcome.eventType !== spec.event) {
              mismatches.push(`${status} / ${label}: event ${outcome.eventType}, expected ${spec.event}`);
            }
          } else if (outcome.message.length === 0) {
            mismatches.push(`${status} / ${label}: empty message`);
          }
        }
      }
      assert.deepEqual(mismatches, []);
    });
  }

  it('covered every combination', () => {
    assert.equal(combinations, LIFECYCLE_ACTIONS.length * STATUSES.length * ACTORS.length);
    assert.equal(combinations, 14 * 9 * 18);
  });

  it('has a rule for every action and gives admin no row', () => {
    assert.deepEqual(Object.keys(ACTION_RULES).sort(), [...LIFECYCLE_ACTIONS].sort());
    for (const rule of Object.values(ACTION_RULES)) {
      assert.ok(!rule.roles.includes('admin'), rule.action);
      assert.ok(rule.eventTypes.includes(EXPECTED[rule.action].event as never), rule.action);
    }
  });
});
