import { normaliseAssistUnits } from '../routing/responsibility.resolver';
import type { LifecycleActor, LifecycleView, PendingRequestKind } from './lifecycle.types';
import type { DecideCommand, ExtensionCommand, ReturnCommand } from './lifecycle-command.types';
import { InputCollector, isIsoInstant } from './lifecycle-input.validator';
import { failure, finish, invalid, success } from './lifecycle-outcome.builders';
import type {
  LifecycleChanges,
  LifecycleEventData,
  LifecycleFailure,
  LifecycleOutcome,
} from './lifecycle-outcome.types';
import type { TicketStatus } from './ticket-status.types';

/*
 * Return and extension requests and a secretary's decision on them. While a request waits the SLA
 * clock is paused, so every handler here either pauses or resumes it.
 */

/** A unit hands the ticket back (退单); it waits as `returned`, remembering where it stood. */
export function requestReturn(ticket: LifecycleView, command: ReturnCommand): LifecycleOutcome {
  const conflict = pendingConflict(ticket);
  if (conflict !== undefined) return conflict;
  const input = new InputCollector();
  const reason = input.text(command.reason, 'reason', true);
  return finish(input, () =>
    success(
      'returned',
      'ticket.return_requested',
      {
        pendingRequest: {
          kind: 'return',
          requestedBy: requester(command.actor),
          previousStatus: ticket.status,
          reason: reason!,
        },
        pauseClock: true,
      },
      { reason },
    ),
  );
}

/** A unit asks for a later fix deadline (延期); the ticket stays `accepted` meanwhile. */
export function requestExtension(ticket: LifecycleView, command: ExtensionCommand): LifecycleOutcome {
  const conflict = pendingConflict(ticket);
  if (conflict !== undefined) return conflict;
  const input = new InputCollector();
  const reason = input.text(command.reason, 'reason', true);
  const resolveBy = input.instant(command.resolveBy, 'resolveBy');
  const now = input.instant(command.now, 'now');
  if (resolveBy !== undefined && now !== undefined && Date.parse(resolveBy) <= Date.parse(now)) {
    input.add('resolveBy', 'must be later than now');
  } else if (
    resolveBy !== undefined &&
    isIsoInstant(ticket.resolveDueAt) &&
    Date.parse(resolveBy) <= Date.parse(ticket.resolveDueAt)
  ) {
    input.add('resolveBy', `must be later than the current deadline ${ticket.resolveDueAt}`);
  }
  return finish(input, () =>
    success(
      ticket.status,
      'ticket.extension_requested',
      {
        pendingRequest: {
          kind: 'extension',
          resolveBy: resolveBy!,
          requestedBy: requester(command.actor),
          previousStatus: ticket.status,
          reason: reason!,
        },
        pauseClock: true,
      },
      { reason, resolveBy },
    ),
  );
}

/** A secretary approves or refuses the waiting request of the named kind. */
export function decideRequest(ticket: LifecycleView, command: DecideCommand): LifecycleOutcome {
  const shape = new InputCollector();
  const request = shape.oneOf<PendingRequestKind>(command.request, 'request', ['return', 'extension']);
  const approve = shape.boolean(command.approve, 'approve');
  if (!shape.ok) return invalid(shape);

  const pending = ticket.pendingRequest;
  if (pending === null || pending.kind !== request) {
    return failure('ILLEGAL_TRANSITION', `There is no pending ${request} request to decide`);
  }
  const input = new InputCollector();
  const note = input.text(command.note, 'note', false);
  const settled: LifecycleChanges = { pendingRequest: null, resumeClock: true };
  const data: LifecycleEventData = { request, approve, note };

  if (request === 'return') {
    if (!approve) {
      return finish(input, () =>
        success(restorableStatus(pending.previousStatus), 'ticket.return_refused', settled, data),
      );
    }
    const unitId = input.id(command.unitId, 'unitId');
    if (unitId !== undefined && unitId === ticket.unitId) {
      input.add('unitId', 'must name a different unit than the one returning the ticket');
    }
    return finish(input, () =>
      success(
        'dispatched',
        'ticket.return_approved',
        {
          ...settled,
          unitId: unitId!,
          assistUnitIds: normaliseAssistUnits(unitId!, ticket.assistUnitIds),
          restartAckDeadline: true,
          // Returned after signing: the fix clock was the old unit's; the new unit's starts when it signs.
          clearResolveDeadline: true,
        },
        { ...data, unitId, previousUnitId: ticket.unitId },
      ),
    );
  }

  if (!approve) return finish(input, () => success(ticket.status, 'ticket.extension_refused', settled, data));
  const now = input.instant(command.now, 'now');
  const resolveBy = pending.resolveBy;
  if (!isIsoInstant(resolveBy)) {
    input.add('request', 'the pending extension request has no valid resolveBy');
  } else if (now !== undefined && Date.parse(resolveBy) <= Date.parse(now)) {
    input.add('request', 'the requested deadline has already passed; refuse it and ask for a new date');
  }
  return finish(input, () =>
    success(
      ticket.status,
      'ticket.extension_approved',
      { ...settled, newResolveBy: resolveBy! },
      { ...data, resolveBy },
    ),
  );
}

function pendingConflict(ticket: LifecycleView): LifecycleFailure | undefined {
  const pending = ticket.pendingRequest;
  if (pending === null) return undefined;
  return failure('ILLEGAL_TRANSITION', `A ${pending.kind} request is already waiting for a decision`);
}

function restorableStatus(previous: TicketStatus | undefined): TicketStatus {
  return previous === 'accepted' ? 'accepted' : 'dispatched';
}

function requester(actor: LifecycleActor): string {
  if (actor.kind !== 'staff') return actor.kind;
  return actor.userId ?? actor.unitId ?? 'unknown';
}
