import type { TicketDoc } from '@grid-dispatch/db';
import { type FixEvidence, fixEvidence } from '@grid-dispatch/domain';
import type { IntakePlatform } from './intake-platform';

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
  fix: FixEvidence['fix'];
  updates: FixEvidence['updates'];
  /** While the report is held by planned works: whose, until when, their notice. */
  plannedWorks?: { unitName: { zh: string; en: string }; endsAt: string; notice: { zh: string; en: string } };
}

/**
 * What anyone holding the tracking code may see: status, the unit's name (an organisation, not a
 * person), deadlines, a timeline of what happened when, and what the unit showed of its work
 * (its progress notes and fix report with photos: written for the resident, who rates the fix).
 * Never a name, a phone number, the reporter token, a staff identity or any other staff note.
 */
export async function publicViewOf(platform: IntakePlatform, ticket: TicketDoc): Promise<PublicTicketView> {
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
    ...fixEvidence(ticket.events),
  };
  if (ticket.unitId) {
    const unit = await platform.models.units.findById(ticket.unitId, { name: 1 }).lean().exec();
    if (unit) view.unit = { name: unit.name };
  }
  if (ticket.mergedInto) {
    const main = await platform.models.tickets.findById(ticket.mergedInto, { trackingCode: 1 }).lean().exec();
    if (main) view.mergedInto = { trackingCode: main.trackingCode };
  }
  if (ticket.plannedWorksId && !ticket.plannedWorksReleasedAt && ticket.status === 'submitted') {
    const works = await platform.models.plannedWorks.findById(ticket.plannedWorksId).lean().exec();
    const unit = works && (await platform.models.units.findById(works.unitId, { name: 1 }).lean().exec());
    if (works) {
      view.plannedWorks = {
        unitName: unit ? { zh: unit.name.zh, en: unit.name.en } : { zh: works.unitId, en: works.unitId },
        endsAt: new Date(works.endsAt).toISOString(),
        notice: { zh: works.notice.zh, en: works.notice.en },
      };
    }
  }
  return view;
}
