import type { DeadlineKind, DeadlineState, TicketStatusName, TicketSummary } from '@grid-dispatch/contracts';

/** Which deadline runs in which status: signing while dispatched, fixing while accepted, verifying while resolved. */
const LIVE_IN: Record<DeadlineKind, readonly TicketStatusName[]> = {
  ack: ['dispatched'],
  resolve: ['accepted'],
  verify: ['resolved'],
};

export function isDeadlineLive(kind: DeadlineKind, status: TicketStatusName): boolean {
  return LIVE_IN[kind].includes(status);
}

/** The deadlines of a ticket that are running now (not paused, not yet breached). */
export function liveDeadlines(
  ticket: Pick<TicketSummary, 'status' | 'deadlines'>,
): Array<{ kind: DeadlineKind; deadline: DeadlineState }> {
  const result: Array<{ kind: DeadlineKind; deadline: DeadlineState }> = [];
  for (const kind of ['ack', 'resolve', 'verify'] as const) {
    const deadline = ticket.deadlines[kind];
    if (deadline && !deadline.pausedAt && !deadline.breachedAt && isDeadlineLive(kind, ticket.status)) {
      result.push({ kind, deadline });
    }
  }
  return result;
}
