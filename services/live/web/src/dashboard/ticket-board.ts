import { clockShown, isOpenStatus } from '@grid-dispatch/domain';
import type { DeadlineState, TicketStatus, TicketUpdate, TicketView } from './ticket.types';

/** Statuses in which a ticket still needs someone: the domain's open statuses. */
export function isOpen(status: TicketStatus): boolean {
  return isOpenStatus(status);
}

/** Drill-down: what the secretary clicked (a unit, a category, an area); empty shows all. */
export interface BoardFilter {
  unitId?: string;
  category?: string;
  areaId?: string;
}

export function matchesFilter(t: TicketView, f: BoardFilter): boolean {
  if (f.unitId && t.unitId !== f.unitId && !t.assistUnitIds.includes(f.unitId)) return false;
  if (f.category && t.category !== f.category) return false;
  if (f.areaId && !t.areaIds.includes(f.areaId)) return false;
  return true;
}

/** The deadline a row counts down to: the domain's `clockShown` (a paused one while a return waits). */
export function activeDeadline(t: Pick<TicketView, 'status' | 'deadlines'>): DeadlineState | null {
  const kind = clockShown(t);
  return kind ? (t.deadlines[kind] ?? null) : null;
}

/**
 * Needs a secretary: escalated past the unit, a pending return/extension, handed back, held by
 * a district's duty desk (the list did not cover it: someone must hand it on), or held by nobody.
 */
export function needsSecretary(t: TicketView, dutyDesks: ReadonlySet<string> = new Set()): boolean {
  if (!isOpen(t.status)) return false;
  if (t.escalationLevel >= 1 || t.pendingRequest || t.status === 'returned') return true;
  return t.unitId === null || dutyDesks.has(t.unitId);
}

/** Most urgent first: overdue, then the nearest deadline; tickets without a clock last. */
export function byUrgency(a: TicketView, b: TicketView): number {
  const da = activeDeadline(a)?.dueAt ?? '9999';
  const db = activeDeadline(b)?.dueAt ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

/** Open tickets passing the filter, most urgent first. */
export function openList(tickets: Iterable<TicketView>, f: BoardFilter): TicketView[] {
  return [...tickets].filter((t) => isOpen(t.status) && matchesFilter(t, f)).sort(byUrgency);
}

/**
 * Events that changed what the live message does not carry: the pending request, or the number
 * of residents who have the problem too. The ticket is fetched again after them.
 */
const FETCH_AGAIN_EVENTS = new Set([
  'ticket.return_requested',
  'ticket.extension_requested',
  'ticket.supported',
]);
/** Events that settle any pending request. */
const SETTLING_EVENTS = new Set([
  'ticket.return_approved',
  'ticket.return_refused',
  'ticket.extension_approved',
  'ticket.extension_refused',
  'ticket.reassigned',
  'ticket.resolved',
  'ticket.cancelled',
  'ticket.merged',
]);

/**
 * Applies a live update to the ticket we hold. Older or equal versions are ignored, so an event
 * that arrives after a fresher fetch never moves the row back. Answers the merged ticket (or the
 * same object when nothing changed) and whether the full view must be fetched: the message lacks
 * location, areas and the pending request's reason.
 */
export function mergeUpdate(
  known: TicketView | undefined,
  u: TicketUpdate,
): { ticket: TicketView | undefined; refetch: boolean } {
  if (!known) return { ticket: undefined, refetch: true };
  if (u.version <= known.version) return { ticket: known, refetch: false };
  const ticket: TicketView = {
    ...known,
    version: u.version,
    status: u.status,
    unitId: u.unitId,
    escalationLevel: u.escalationLevel,
    deadlines: u.deadlines,
    category: u.category,
    priority: u.priority,
    updatedAt: u.at,
    pendingRequest: SETTLING_EVENTS.has(u.eventType) ? null : known.pendingRequest,
  };
  return { ticket, refetch: FETCH_AGAIN_EVENTS.has(u.eventType) };
}

/** Keeps the fresher of two copies of one ticket (a fetch may race a live update). */
export function fresher(a: TicketView | undefined, b: TicketView): TicketView {
  return a && a.version > b.version ? a : b;
}
