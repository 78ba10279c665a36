import { OPEN_STATUSES, TERMINAL_STATUSES, type TicketStatus } from '@grid-dispatch/domain';

/** The two statuses of Open311 GeoReport v2. */
export type Open311Status = 'open' | 'closed';

/**
 * Our status as Open311's: `open` while work is still owed (submitted, dispatched, accepted,
 * returned, resolved — the fix awaits verification —, reopened), `closed` once none is (closed,
 * cancelled, merged into another report). The domain's own two lists decide, so a status added
 * there lands on one side here too.
 */
export function open311Status(status: TicketStatus): Open311Status {
  return (OPEN_STATUSES as readonly string[]).includes(status) ? 'open' : 'closed';
}

/** Our statuses behind one Open311 status (for a search by `status=`). */
export function ticketStatusesFor(status: Open311Status): TicketStatus[] {
  return [...(status === 'open' ? OPEN_STATUSES : TERMINAL_STATUSES)];
}

const NOTES: Record<TicketStatus, string> = {
  submitted: 'Received; being routed to the responsible unit.',
  dispatched: 'Sent to the responsible unit.',
  accepted: 'The responsible unit has taken it on.',
  returned: 'Being handed to another unit.',
  resolved: 'Reported fixed; awaiting verification.',
  reopened: 'Reopened; being routed again.',
  closed: 'Fixed and verified.',
  cancelled: 'Cancelled.',
  merged: 'Merged into another report of the same problem.',
};

/** `status_notes`: our finer status in a sentence, with no person named. */
export function open311StatusNotes(status: TicketStatus): string {
  return NOTES[status];
}
