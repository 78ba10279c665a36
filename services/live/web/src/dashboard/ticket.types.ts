/**
 * The shapes the dashboard reads from the API (GET /api/v1/tickets, /tickets/{id}) and from the
 * live socket (ticket.updated). Written here, not imported from shared/contracts, because the web
 * bundle must not pull server packages (zod, mongoose) into the browser; the status and deadline
 * names come type-only from the pure domain package.
 */

// Type-only: erased from the bundle, so the browser gets none of the domain package's code.
import type { DeadlineKind, TicketStatus } from '@grid-dispatch/domain';

export type { DeadlineKind, TicketStatus };

export interface DeadlineState {
  dueAt: string;
  startedAt: string;
  seq: number;
  pausedAt?: string | null;
  breachedAt?: string | null;
}

export type Deadlines = Partial<Record<DeadlineKind, DeadlineState>>;

export interface PendingRequest {
  kind: 'return' | 'extension';
  requestedBy: string;
  requestedAt: string;
  reason: string;
  resolveBy?: string;
  previousStatus: TicketStatus;
}

export interface TicketEvent {
  eventId: string;
  type: string;
  version: number;
  at: string;
  actor: { kind: string; role?: string; userId?: string; unitId?: string };
  payload: Record<string, unknown>;
}

/** The staff view of a ticket; `events` only on GET /tickets/{id}. */
export interface TicketView {
  id: string;
  trackingCode: string;
  version: number;
  status: TicketStatus;
  category: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  description?: string;
  address?: string | null;
  location?: { lat: number; lng: number } | null;
  photos?: string[];
  areaIds: string[];
  unitId: string | null;
  assistUnitIds: string[];
  escalationLevel: number;
  deadlines: Deadlines;
  pendingRequest?: PendingRequest | null;
  mergedInto?: string | null;
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  /** Residents nearby who said "I have this too". */
  supporters?: number;
  /** The planned works holding it back from dispatch until they end. */
  heldByPlannedWorks?: string;
  createdAt: string;
  updatedAt: string;
  reporter?: { name?: string; phoneMasked?: string };
  /** How the report came in: web, open311 or hotline. */
  channel?: string;
  events?: TicketEvent[];
}

/** The live `ticket.updated` message. */
export interface TicketUpdate {
  id: string;
  trackingCode: string;
  version: number;
  status: TicketStatus;
  unitId: string | null;
  escalationLevel: number;
  deadlines: Deadlines;
  category: string;
  priority: TicketView['priority'];
  eventType: string;
  at: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
