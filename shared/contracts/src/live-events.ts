import type { DeadlineKind } from '@grid-dispatch/domain';
import type { TicketStatusName, TicketSummary } from './ticket-summary.schema';

/** socket.io event names of the API (README.md#the-api). NEVER rename: browsers and scripts listen by name. */
export enum LiveEvent {
  TicketUpdated = 'ticket.updated',
  SlaWarning = 'sla.warning',
  SlaBreached = 'sla.breached',
  KpiUpdated = 'kpi.updated',
  CommitteeUpdated = 'committee.updated',
}

export interface TicketUpdatedMessage {
  id: string;
  trackingCode: string;
  version: number;
  status: TicketStatusName;
  unitId: string | null;
  /** The ticket's areas, most specific first (grid, community, …): where it is. */
  areaIds: string[];
  escalationLevel: number;
  deadlines: TicketSummary['deadlines'];
  category: string;
  priority: TicketSummary['priority'];
  eventType: string;
  at: string;
}

export interface SlaWarningMessage {
  ticketId: string;
  deadline: DeadlineKind;
  fraction: number;
  dueAt: string;
}

/** A hint that a scope's figures changed: dashboards refetch `GET /api/v1/kpis` (debounced). */
export type KpiUpdatedMessage = ({ areaId: string } | { unitId: string }) & { at: string };

/**
 * A joint committee's record changed (a need, resource, project, meeting or activity): sent to the
 * secretaries of the community and the areas above it, whose committee pages refetch.
 */
export interface CommitteeUpdatedMessage {
  entity: string;
  entityId: string;
  entityVersion: number;
  type: string;
  communityId: string;
  at: string;
}

export interface SlaBreachedMessage {
  ticketId: string;
  deadline: DeadlineKind;
  dueAt: string;
  escalationLevel: number;
}

/** Room names; the server decides which a socket may join from the user's scope. */
export const rooms = {
  unit: (unitId: string) => `unit:${unitId}`,
  area: (areaId: string) => `area:${areaId}`,
  tracking: (trackingCode: string) => `track:${trackingCode}`,
};
