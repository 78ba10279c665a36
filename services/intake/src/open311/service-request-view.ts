import { type LatLng, snappedPosition, type TicketStatus } from '@grid-dispatch/domain';
import { redactContactDetails } from './contact-redaction';
import { w3cDateTime } from './open311-datetime';
import { open311Status, open311StatusNotes } from './open311-status';

/** The ticket fields an Open311 answer is built from (the projection read from the store). */
export interface TicketForOpen311 {
  trackingCode: string;
  status: TicketStatus;
  category: string;
  description: string;
  location: LatLng | null;
  unitId: string | null;
  deadlines?: { resolve?: { dueAt: string } | null } | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** The projection that reads exactly those fields (never contact, token, history or photos). */
export const OPEN311_TICKET_FIELDS = {
  _id: 0,
  trackingCode: 1,
  status: 1,
  category: 1,
  description: 1,
  location: 1,
  unitId: 1,
  deadlines: 1,
  createdAt: 1,
  updatedAt: 1,
} as const;

/** One service request as GET answers show it (field order as in the specification). */
export interface Open311ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible?: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime?: string;
  lat?: number;
  long?: number;
}

/**
 * What anyone may read about a report through Open311. Never a name, phone number, email, the
 * reporter token, a staff identity or a staff note: the description has contact details taken
 * out, the address (often a resident's home) and photos are left out, the position is the centre
 * of its ~100 m cell (`snappedPosition`), and the agency is the unit's public name.
 * `expected_datetime` is the fix deadline while one runs.
 */
export function serviceRequestView(
  ticket: TicketForOpen311,
  names: { service: string; agency: string | null },
): Open311ServiceRequest {
  const status = open311Status(ticket.status);
  const view: Open311ServiceRequest = {
    service_request_id: ticket.trackingCode,
    status,
    status_notes: open311StatusNotes(ticket.status),
    service_name: names.service,
    service_code: ticket.category,
    description: redactContactDetails(ticket.description),
    requested_datetime: w3cDateTime(ticket.createdAt),
    updated_datetime: w3cDateTime(ticket.updatedAt),
  };
  if (names.agency) view.agency_responsible = names.agency;
  const due = ticket.deadlines?.resolve?.dueAt;
  if (status === 'open' && due) view.expected_datetime = w3cDateTime(due);
  if (ticket.location) {
    const coarse = snappedPosition(ticket.location);
    view.lat = coarse.lat;
    view.long = coarse.lng;
  }
  return view;
}
