import type { Actor } from '@grid-dispatch/contracts';
import { checkedTicketEvent, type TicketChanges, type TicketDoc } from '@grid-dispatch/db';
import {
  applyAction,
  applyDeadlineChanges,
  type ClockKind,
  DEFAULT_LIMITS,
  evolveView,
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

/** What a caller adds to a transition it runs (the dispatcher: where the router put the ticket). */
export interface LifecycleExtras {
  /** The category's limits when the caller holds them already (a cache); else read from the database. */
  limits?: { ackWithin: string; resolveWithin: string; calendar: ClockKind };
  /** Changes beyond the lifecycle's own, written in the same update. */
  changes?: Pick<TicketChanges, 'areaIds'>;
  /** Payload fields beyond the lifecycle's own, given the changes about to be written (deadlines included). */
  payload?: (changes: TicketChanges) => Record<string, unknown>;
}

/** Acting on a ticket ends its escalation chain: these events reset the level. */
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
/** What running a lifecycle action uses of the platform. */
export type LifecyclePlatform = Pick<Platform, 'calendars' | 'models' | 'tickets'>;

export async function runLifecycle(
  platform: LifecyclePlatform,
  ticket: TicketDoc,
  command: LifecycleCommand,
  actor: Actor,
  /** Null for a caller whose transitions never start the verification clock (the dispatcher). */
  settings: LifecycleSettings | null,
  extras: LifecycleExtras = {},
): Promise<TicketDoc> {
  const view = lifecycleViewOf(ticket);
  const outcome = applyAction(view, command);
  if (!outcome.ok) throw failureError(outcome, ticket);
  if (outcome.changes.startVerifyDeadline && settings === null) {
    throw new Error(`${command.action} starts the verification clock: it needs the lifecycle settings`);
  }
  const now = new Date(command.now ?? Date.now());
  const category =
    extras.limits ?? (await platform.models.categories.findById(ticket.category).lean().exec());
  // A category deleted since the report: the suggested limits of its priority.
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
      verifyWithin: settings?.verifyWithin ?? 'PT0S',
      clock: limits.calendar,
      calendar,
      running: runningDeadline(ticket.status),
    },
    outcome.eventData.reason ?? outcome.eventType,
  );
  const c = outcome.changes;
  // Who holds the ticket after the transition: the domain's own reading of the outcome.
  const next = evolveView(view, outcome, now.toISOString());
  const changes: TicketChanges = {
    ...extras.changes,
    status: next.status,
    deadlines,
    clockPauses: pauses,
  };
  if (next.unitId !== view.unitId) changes.unitId = next.unitId;
  if (c.assistUnitIds !== undefined) changes.assistUnitIds = [...next.assistUnitIds];
  if (next.mergedInto !== view.mergedInto) changes.mergedInto = next.mergedInto ?? null;
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

  const payload = { ...eventPayloadOf(outcome.eventData), ...extras.payload?.(changes) };
  // Acting ends an escalation chain; the event records which level it ended (the actor is who).
  if (changes.escalationLevel === 0 && ticket.escalationLevel > 0)
    payload.endedEscalationLevel = ticket.escalationLevel;
  const updated = await platform.tickets.applyChange(
    ticket,
    changes,
    checkedTicketEvent(outcome.eventType, payload, actor, now),
  );
  if (c.closesMerged) await closeMergedTickets(platform, updated, actor, now);
  return updated;
}

/** Closing the main ticket closes every ticket merged into it; each reporter's view says so. */
async function closeMergedTickets(
  platform: LifecyclePlatform,
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
