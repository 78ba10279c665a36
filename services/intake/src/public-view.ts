import type { TicketDoc } from '@grid-dispatch/db';
import type { Platform } from '@grid-dispatch/runtime';

export interface PublicTicketView {
  trackingCode: string;
  category: string;
  status: string;
  createdAt: string;
  unit?: { name: { zh: string; en: string } };
  /** When each running clock started and is due (and since when it stands still), for a countdown. */
  deadlines: Record<string, { dueAt: string; startedAt: string; pausedAt?: string }>;
  timeline: Array<{ type: string; at: string; note?: string }>;
  mergedInto?: { trackingCode: string };
}

/**
 * What anyone holding the tracking code may see: status, the unit's name (an organisation, not a
 * person), deadlines and a timeline of what happened when. Never a name, a phone number, the
 * reporter token, a staff identity or a staff note.
 */
export async function publicViewOf(platform: Platform, ticket: TicketDoc): Promise<PublicTicketView> {
  const view: PublicTicketView = {
    trackingCode: ticket.trackingCode,
    category: ticket.category,
    status: ticket.status,
    createdAt: new Date(ticket.createdAt).toISOString(),
    deadlines: Object.fromEntries(
      Object.entries(ticket.deadlines ?? {})
        .filter(([, d]) => d)
        .map(([kind, d]) => [
          kind,
          { dueAt: d!.dueAt, startedAt: d!.startedAt, ...(d!.pausedAt ? { pausedAt: d!.pausedAt } : {}) },
        ]),
    ),
    timeline: ticket.events.map((e) => ({ type: e.type, at: new Date(e.at).toISOString() })),
  };
  if (ticket.unitId) {
    const unit = await platform.models.units.findById(ticket.unitId, { name: 1 }).lean().exec();
    if (unit) view.unit = { name: unit.name };
  }
  if (ticket.mergedInto) {
    const main = await platform.models.tickets.findById(ticket.mergedInto, { trackingCode: 1 }).lean().exec();
    if (main) view.mergedInto = { trackingCode: main.trackingCode };
  }
  return view;
}
