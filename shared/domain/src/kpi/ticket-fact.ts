import type { KpiEvent, Rating } from './kpi-event.types';

/**
 * One dispatch of a ticket to a unit, and what that unit did with it. A ticket has several when it
 * is reassigned, returned or reopened: each unit is judged on its own dispatches (the
 * response rate = signed within limit / dispatched).
 */
export interface Assignment {
  unitId: string;
  dispatchedAt: string;
  /** The sign deadline as it last stood (pauses move it). */
  ackDueAt: string | null;
  signedAt: string | null;
  /** The fix deadline as it last stood (approved extensions move it). */
  resolveDueAt: string | null;
  /** When the fix clock lapsed unfixed: the dispatch is then "due" even if never fixed. */
  resolveBreachedAt: string | null;
  resolvedAt: string | null;
  /** Whether the latest fix came within the fix deadline then standing. */
  fixedOnTime: boolean | null;
  returnRequested: boolean;
  extensionRequested: boolean;
  extensionApproved: boolean;
  /** Fixes sent back: verification failed, or the resident was dissatisfied. */
  reworks: number;
}

/** A closure as verified by a secretary; `standing` turns false when a dissatisfied rating reopens it. */
export interface Closure {
  at: string;
  unitId: string | null;
  standing: boolean;
}

export interface RatingFact {
  at: string;
  rating: Rating;
  unitId: string | null;
}

/**
 * Everything the KPIs need about one ticket, folded from its events in order. Pure data: the live
 * service stores it per ticket and derives bucket entries from it (see `kpiEntriesOf`).
 */
export interface TicketFact {
  ticketId: string;
  /** The last ticket version folded in: redelivered or older events are skipped. */
  version: number;
  category: string;
  priority: string;
  areaIds: string[];
  status: string;
  /** How the report came in (`web`, `open311`, `hotline`); absent on facts folded before it was known. */
  channel?: string;
  assignments: Assignment[];
  closures: Closure[];
  ratings: RatingFact[];
}

const RATINGS: readonly Rating[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

/** The fact of a ticket nobody has seen yet. */
export function emptyTicketFact(ticketId: string): TicketFact {
  return {
    ticketId,
    version: 0,
    category: '',
    priority: '',
    areaIds: [],
    status: 'submitted',
    assignments: [],
    closures: [],
    ratings: [],
  };
}

/**
 * Folds one event into a ticket's fact. Returns the same object when the event is not newer than
 * the fact (at-least-once delivery: a redelivered event changes nothing), else a new fact.
 */
export function foldTicketFact(fact: TicketFact, event: KpiEvent): TicketFact {
  if (event.ticketVersion <= fact.version) return fact;
  const next: TicketFact = structuredClone(fact);
  next.version = event.ticketVersion;
  next.category = event.ticket.category;
  next.priority = event.ticket.priority;
  next.areaIds = [...event.ticket.areaIds];
  next.status = event.ticket.status;
  if (event.ticket.channel) next.channel = event.ticket.channel;
  const at = event.occurredAt;
  const current = next.assignments.at(-1);
  const p = event.payload;

  // A new dispatch: routed, reassigned, or handed to another unit by an approved return.
  const unitId = event.ticket.unitId;
  const redispatched = event.type === 'ticket.dispatched' || event.type === 'ticket.reassigned';
  if (unitId && (redispatched || unitId !== current?.unitId)) {
    next.assignments.push(newAssignment(unitId, at));
  }

  switch (event.type) {
    case 'ticket.accepted':
      if (current && current.signedAt === null) current.signedAt = at;
      break;
    case 'ticket.resolved':
      if (current) {
        current.resolvedAt = at;
        current.fixedOnTime = current.resolveDueAt === null || at <= current.resolveDueAt;
      }
      break;
    case 'sla.breached':
      if (current && p.deadline === 'resolve' && current.resolveBreachedAt === null) {
        current.resolveBreachedAt = at;
      }
      break;
    case 'ticket.return_requested':
      if (current) current.returnRequested = true;
      break;
    case 'ticket.extension_requested':
      if (current) current.extensionRequested = true;
      break;
    case 'ticket.extension_approved':
      if (current) current.extensionApproved = true;
      break;
    case 'ticket.verification_failed':
      if (current) {
        current.reworks += 1;
        current.resolvedAt = null;
        current.fixedOnTime = null;
      }
      break;
    case 'ticket.verified':
      next.closures.push({ at, unitId: current?.unitId ?? null, standing: true });
      break;
    case 'ticket.rated': {
      const rating = RATINGS.find((r) => r === p.rating);
      if (!rating) break;
      const fixer = lastFixer(next);
      // Every rating counts: a second rating after a reopen is a second rating.
      next.ratings.push({ at, rating, unitId: fixer?.unitId ?? null });
      if (rating === 'dissatisfied') {
        const closure = next.closures.at(-1);
        if (closure) closure.standing = false;
        if (fixer) fixer.reworks += 1;
      }
      break;
    }
  }
  // Deadlines move with pauses and extensions: remember where they stand after every event.
  if (current && next.assignments.at(-1) === current) {
    if (event.ticket.deadlines.ack && current.signedAt === null)
      current.ackDueAt = event.ticket.deadlines.ack.dueAt;
    if (event.ticket.deadlines.resolve && current.resolvedAt === null) {
      current.resolveDueAt = event.ticket.deadlines.resolve.dueAt;
    }
  } else {
    const added = next.assignments.at(-1);
    if (added && added !== current && event.ticket.deadlines.ack)
      added.ackDueAt = event.ticket.deadlines.ack.dueAt;
  }
  return next;
}

function newAssignment(unitId: string, at: string): Assignment {
  return {
    unitId,
    dispatchedAt: at,
    ackDueAt: null,
    signedAt: null,
    resolveDueAt: null,
    resolveBreachedAt: null,
    resolvedAt: null,
    fixedOnTime: null,
    returnRequested: false,
    extensionRequested: false,
    extensionApproved: false,
    reworks: 0,
  };
}

/** The dispatch whose fix the resident is rating: the last one that fixed the ticket. */
function lastFixer(fact: TicketFact): Assignment | undefined {
  for (let i = fact.assignments.length - 1; i >= 0; i--) {
    if (fact.assignments[i]!.resolvedAt !== null) return fact.assignments[i];
  }
  return undefined;
}

/**
 * Event types that never change a ticket's KPI fact: reminders, escalations, progress notes,
 * urging. The projection skips them without reading or writing anything — most live traffic is of
 * these kinds, and on FerretDB each fact costs a read and a write.
 */
const KPI_NEUTRAL_EVENTS: ReadonlySet<string> = new Set([
  'ticket.submitted',
  'ticket.progress_reported',
  'ticket.urged',
  'ticket.supported',
  'ticket.planned_works_ended',
  'sla.warning',
  'sla.reminder',
  'ticket.escalated',
]);

export function affectsKpis(event: { type: string; payload?: Record<string, unknown> }): boolean {
  if (KPI_NEUTRAL_EVENTS.has(event.type)) return false;
  // Only a lapsed fix deadline counts (the dispatch came due unfixed); sign and verify lapses do not.
  if (event.type === 'sla.breached') return event.payload?.deadline === 'resolve';
  return true;
}
