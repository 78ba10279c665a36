import type { Actor } from '@grid-dispatch/contracts';
import type { TicketChanges, TicketDoc } from '@grid-dispatch/db';
import {
  applyAction,
  applyDeadlineChanges,
  DEFAULT_LIMITS,
  type LifecycleCommand,
  type LifecycleEventType,
  type LifecycleFailure,
  runningDeadline,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import type { Platform } from '@grid-dispatch/runtime';
import { eventPayloadOf, lifecycleViewOf } from './lifecycle-bridge';

export interface LifecycleSettings {
  /** How long a secretary has to verify a reported fix (ISO-8601, calendar time). */
  verifyWithin: string;
}

/** Acting on a ticket ends its escalation chain (docs/product.md): these events reset the level. */
const ENDS_ESCALATION = new Set<LifecycleEventType>([
  'ticket.accepted',
  'ticket.resolved',
  'ticket.return_approved',
  'ticket.return_refused',
  'ticket.extension_approved',
  'ticket.extension_refused',
  'ticket.reassigned',
  'ticket.verified',
  'ticket.verification_failed',
  'ticket.dispatched',
]);

/**
 * Runs one lifecycle command against a stored ticket: the pure rules decide, this turns their
 * verdict into one version-checked write (state, deadlines, pause log, event in the outbox), and
 * closing a main ticket closes the tickets merged into it.
 */
export async function runLifecycle(
  platform: Platform,
  ticket: TicketDoc,
  command: LifecycleCommand,
  actor: Actor,
  settings: LifecycleSettings,
): Promise<TicketDoc> {
  const outcome = applyAction(lifecycleViewOf(ticket), command);
  if (!outcome.ok) throw failureError(outcome, ticket);
  const now = new Date(command.now ?? Date.now());
  const category = await platform.models.categories.findById(ticket.category).lean().exec();
  const limits = category ?? { ...DEFAULT_LIMITS[ticket.priority], calendar: ticket.clock };
  // The calendar as it is now: an administrator's change applies to the next deadline computed.
  const calendar = await platform.calendars.get();
  const { deadlines, pauses } = applyDeadlineChanges(
    ticket.deadlines,
    ticket.clockPauses ?? [],
    outcome.changes,
    {
      now,
      ackWithin: limits.ackWithin,
      resolveWithin: limits.resolveWithin,
      verifyWithin: settings.verifyWithin,
      clock: limits.calendar,
      calendar,
      running: runningDeadline(ticket.status),
    },
    outcome.eventData.reason ?? outcome.eventType,
  );
  const c = outcome.changes;
  const changes: TicketChanges = { status: outcome.status, deadlines, clockPauses: pauses };
  if (c.unitId !== undefined) changes.unitId = c.unitId;
  if (c.assistUnitIds !== undefined) changes.assistUnitIds = c.assistUnitIds;
  if (c.mergedInto !== undefined) changes.mergedInto = c.mergedInto;
  if (c.pendingRequest === null) changes.pendingRequest = null;
  else if (c.pendingRequest) {
    changes.pendingRequest = {
      ...c.pendingRequest,
      requestedAt: now,
      reason: c.pendingRequest.reason ?? '',
      previousStatus: c.pendingRequest.previousStatus ?? 'dispatched',
    };
  }
  if (ENDS_ESCALATION.has(outcome.eventType)) changes.escalationLevel = 0;
  if (outcome.eventData.rating) changes.rating = outcome.eventData.rating;
  if (c.redispatch) {
    // Back to the router: the dispatcher consumes the event and routes the ticket again.
    changes.unitId = null;
    changes.assistUnitIds = [];
  }

  const payload = eventPayloadOf(outcome.eventData);
  // Acting ends an escalation chain; the event records which level it ended (the actor is who).
  if (changes.escalationLevel === 0 && ticket.escalationLevel > 0)
    payload.endedEscalationLevel = ticket.escalationLevel;
  const updated = await platform.tickets.applyChange(ticket, changes, {
    type: outcome.eventType,
    payload,
    actor,
    at: now,
  });
  if (c.closesMerged) await closeMergedTickets(platform, updated, actor, now);
  return updated;
}

/** Closing the main ticket closes every ticket merged into it; each reporter's view says so. */
async function closeMergedTickets(
  platform: Platform,
  main: TicketDoc,
  actor: Actor,
  at: Date,
): Promise<void> {
  const merged = await platform.models.tickets
    .find({ mergedInto: main._id, status: 'merged' })
    .lean<TicketDoc[]>()
    .exec();
  for (const ticket of merged) {
    await platform.tickets.applyChange(
      ticket,
      { status: 'closed', deadlines: {} },
      { type: 'ticket.closed', payload: { closedWith: main._id }, actor, at },
    );
  }
}

function failureError(failure: LifecycleFailure, ticket: TicketDoc): AppError {
  if (failure.code === 'INVALID_INPUT') {
    return new AppError(
      'VALIDATION_FAILED',
      failure.message,
      failure.fields ? { fields: failure.fields } : {},
    );
  }
  if (failure.code === 'ILLEGAL_TRANSITION') {
    return new AppError('ILLEGAL_TRANSITION', `${failure.message} (the ticket is ${ticket.status})`);
  }
  return new AppError('FORBIDDEN', failure.message);
}
