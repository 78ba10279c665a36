import type { CategoryDoc, NewTicket } from '@grid-dispatch/db';
import type { LatLng } from '@grid-dispatch/domain';
import { newTrackingCode } from './tracking-code';

/** What a new report is made of, once checked. */
export interface SubmittedReport {
  ticketId: string;
  reporterTokenHash: string;
  category: Pick<CategoryDoc, '_id' | 'priority' | 'calendar'>;
  description: string;
  address?: string | null;
  location?: LatLng | null;
  photos?: string[];
  contact?: NewTicket['contact'];
}

/**
 * A report as stored before its dispatch: status `submitted`, a new tracking code, no owner, no
 * deadlines, its category's priority and working calendar. The intake adds where it came from
 * (channel, idempotency, planned works); a test that writes tickets as the intake does uses this too.
 */
export function submittedTicket(report: SubmittedReport): NewTicket {
  const contact = report.contact && (report.contact.name || report.contact.phone) ? report.contact : null;
  return {
    _id: report.ticketId,
    trackingCode: newTrackingCode(),
    reporterTokenHash: report.reporterTokenHash,
    status: 'submitted',
    category: report.category._id,
    priority: report.category.priority,
    clock: report.category.calendar,
    description: report.description,
    address: report.address ?? null,
    location: report.location ?? null,
    photos: report.photos ?? [],
    contact,
    areaIds: [],
    unitId: null,
    assistUnitIds: [],
    escalationLevel: 0,
    deadlines: {},
    pendingRequest: null,
    mergedInto: null,
    clockPauses: [],
    rating: null,
  };
}
