import type { TicketDoc, TicketHistoryEntry } from '@grid-dispatch/db';

/** Why a ticket is one the joint meeting should talk about. */
export type CaseReason = 'overdue' | 'escalated' | 'dissatisfied';

/** A ticket of the month the meeting reviews, with no personal data: code, category, unit, why. */
export interface MeetingCase {
  trackingCode: string;
  category: string;
  priority: TicketDoc['priority'];
  status: TicketDoc['status'];
  unitId: string | null;
  createdAt: string;
  reasons: CaseReason[];
}

/** What the case list needs of a ticket. */
export type CaseTicket = Pick<
  TicketDoc,
  'trackingCode' | 'category' | 'priority' | 'status' | 'unitId' | 'createdAt' | 'escalationLevel'
> & { events: ReadonlyArray<Pick<TicketHistoryEntry, 'type' | 'payload'>> };

/** How many cases the report lists; more are counted, not listed. */
export const MEETING_CASES_LISTED = 100;

/**
 * The overdue and difficult cases among a month's tickets, from their histories (a deadline met
 * late is no longer in the ticket's current deadlines): a limit missed (to sign, fix or verify),
 * an escalation, a resident who rated the fix dissatisfied (even if a later fix satisfied them).
 * Most urgent first (priority), then those with more reasons, then the oldest. Pure.
 */
export function meetingCases(tickets: readonly CaseTicket[]): { listed: MeetingCase[]; more: number } {
  const cases = tickets.flatMap((t): MeetingCase[] => {
    const reasons: CaseReason[] = [];
    const happened = (type: string, payload: Record<string, unknown> = {}) =>
      t.events.some(
        (e) => e.type === type && Object.entries(payload).every(([key, value]) => e.payload?.[key] === value),
      );
    if (happened('sla.breached')) reasons.push('overdue');
    if (t.escalationLevel > 0 || happened('ticket.escalated')) reasons.push('escalated');
    if (happened('ticket.rated', { rating: 'dissatisfied' })) reasons.push('dissatisfied');
    if (reasons.length === 0) return [];
    return [
      {
        trackingCode: t.trackingCode,
        category: t.category,
        priority: t.priority,
        status: t.status,
        unitId: t.unitId,
        createdAt: new Date(t.createdAt).toISOString(),
        reasons,
      },
    ];
  });
  cases.sort(
    (a, b) =>
      a.priority.localeCompare(b.priority) ||
      b.reasons.length - a.reasons.length ||
      a.createdAt.localeCompare(b.createdAt),
  );
  return {
    listed: cases.slice(0, MEETING_CASES_LISTED),
    more: Math.max(0, cases.length - MEETING_CASES_LISTED),
  };
}
