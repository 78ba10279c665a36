import assert from 'node:assert/strict';
import {
  type ActionViewer,
  applyAction,
  type LifecycleAction,
  type LifecycleActor,
  type LifecycleCommand,
  type LifecycleView,
  offeredActions,
  type PendingRequest,
  STAFF_ACTIONS,
  TICKET_STATUSES,
} from '@grid-dispatch/domain';

const NOW = '2030-01-01T00:00:00Z';

/** A valid body for each staff action, so only who acts, the status and the waiting request decide. */
function commandFor(action: LifecycleAction, actor: LifecycleActor, view: LifecycleView): LifecycleCommand {
  switch (action) {
    case 'accept':
    case 'urge':
      return { action, actor };
    case 'progress':
    case 'resolve':
      return { action, actor, note: 'done' };
    case 'return':
      return { action, actor, reason: 'not ours' };
    case 'extension':
      return { action, actor, reason: 'parts', resolveBy: '2030-01-05T00:00:00Z', now: NOW };
    case 'decide':
      return { action, actor, request: view.pendingRequest?.kind ?? 'return', approve: false, now: NOW };
    case 'reassign':
      return { action, actor, unitId: 'unit-new' };
    case 'verify':
      return { action, actor, solved: true };
    case 'reopen':
    case 'cancel':
      return { action, actor, reason: 'because' };
    case 'merge':
      return { action, actor, intoTicketId: 'T-other' };
    default:
      throw new Error(`not a staff action: ${action}`);
  }
}

const VIEWERS: Record<ActionViewer, LifecycleActor> = {
  lead_unit: { kind: 'staff', role: 'unit_member', unitId: 'unit-lead', inScope: true },
  assisting_unit: { kind: 'staff', role: 'unit_member', unitId: 'unit-assist', inScope: true },
  secretary: { kind: 'staff', role: 'community_secretary', inScope: true },
};

/** Every status with each waiting request it can have (a returned ticket always has its return). */
function views(): LifecycleView[] {
  const out: LifecycleView[] = [];
  for (const status of TICKET_STATUSES) {
    const requests: (PendingRequest | null)[] =
      status === 'returned'
        ? [{ kind: 'return', requestedBy: 'unit-lead', previousStatus: 'accepted' }]
        : status === 'accepted'
          ? [null, { kind: 'extension', requestedBy: 'unit-lead', previousStatus: 'accepted' }]
          : [null];
    for (const pendingRequest of requests) {
      out.push({
        id: 'T-self',
        status,
        unitId: status === 'submitted' ? null : 'unit-lead',
        assistUnitIds: ['unit-assist'],
        pendingRequest,
        mergedInto: status === 'merged' ? 'T-other' : null,
      });
    }
  }
  return out;
}

/**
 * The buttons the pages offer come from the action table; the state machine enforces it. For
 * every status, waiting request and viewer, an action is offered exactly when the machine would
 * take it (with a valid body), so a page can neither hide a possible action nor offer one that
 * must fail.
 */
describe('domain: offered actions agree with the state machine', () => {
  for (const view of views()) {
    for (const [viewer, actor] of Object.entries(VIEWERS) as [ActionViewer, LifecycleActor][]) {
      const label = `${view.status}${view.pendingRequest ? ` with a ${view.pendingRequest.kind} waiting` : ''}, ${viewer}`;
      it(label, () => {
        const offered = offeredActions(view, viewer);
        const accepted = STAFF_ACTIONS.filter((a) => applyAction(view, commandFor(a, actor, view)).ok);
        assert.deepEqual(offered, accepted);
      });
    }
  }

  it('offers the unit signing and return on a dispatched ticket, the secretary no decision', () => {
    const dispatched = { status: 'dispatched', pendingRequest: null };
    assert.deepEqual(offeredActions(dispatched, 'lead_unit'), ['accept', 'return']);
    assert.deepEqual(offeredActions(dispatched, 'assisting_unit'), []);
    assert.deepEqual(offeredActions(dispatched, 'secretary'), ['reassign', 'cancel', 'merge', 'urge']);
  });
});
