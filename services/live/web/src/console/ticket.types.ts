import { OPEN_STATUSES } from '@grid-dispatch/domain';
import type { LiveDeadlines } from '../lib/live';

/** A ticket as GET /api/v1/tickets lists it (the staff view, without events). */
export interface TicketRow {
  id: string;
  trackingCode: string;
  version: number;
  status: string;
  category: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  description?: string;
  address?: string | null;
  location?: { lat: number; lng: number } | null;
  photos?: string[];
  areaIds?: string[];
  unitId: string | null;
  assistUnitIds?: string[];
  escalationLevel: number;
  deadlines: LiveDeadlines;
  pendingRequest?: { kind: 'return' | 'extension'; reason?: string; resolveBy?: string } | null;
  createdAt?: string;
  reporter?: { name?: string; phoneMasked?: string };
  /** How the report came in: web, open311 or hotline. */
  channel?: string;
  /** Residents nearby who said "I have this too". */
  supporters?: number;
}

export interface TicketEvent {
  eventId: string;
  type: string;
  version: number;
  at: string;
  actor?: { kind: string; role?: string; userId?: string };
  payload?: Record<string, unknown>;
}

export interface TicketDetail extends TicketRow {
  events: TicketEvent[];
}

/**
 * The statuses that belong in a unit's inbox: the domain's open statuses but `submitted` (not yet
 * any unit's); anything else leaves it.
 */
export const INBOX_STATUSES: readonly string[] = OPEN_STATUSES.filter((s) => s !== 'submitted');
