import { runningDeadline } from './deadline-changes';
import { DEADLINE_KINDS, type DeadlineKind } from './deadline-kind';

/**
 * The deadline a ticket's countdown shows, on every page: the clock of the current step (sign
 * while dispatched, fix while signed, verification once fixed); while a return waits, the clock
 * that return paused (the sign clock, or the fix clock when the unit had signed). None in a status
 * where nobody works to a clock (submitted, reopened, closed, cancelled, merged).
 */
export function clockShown(ticket: {
  status: string;
  deadlines: Partial<Record<DeadlineKind, { pausedAt?: string | null } | undefined>>;
}): DeadlineKind | null {
  if (ticket.status === 'returned') {
    const paused = DEADLINE_KINDS.find((kind) => ticket.deadlines[kind]?.pausedAt);
    if (paused) return paused;
  }
  const kind = runningDeadline(ticket.status);
  return kind && ticket.deadlines[kind] ? kind : null;
}
