import { randomUUID } from 'node:crypto';
import {
  type Actor,
  CURRENT_SCHEMA_VERSION,
  type EventEnvelope,
  type EventPayload,
  type EventType,
  type TicketSummary,
} from '@grid-dispatch/contracts';
import type { TicketDoc, TicketHistoryEntry } from './models';

/** An event about to be recorded on a ticket. */
export interface NewTicketEvent<T extends EventType = EventType> {
  type: T;
  payload: EventPayload<T>;
  actor: Actor;
  at: Date;
}

type SummarySource = Pick<
  TicketDoc,
  | 'trackingCode'
  | 'status'
  | 'category'
  | 'priority'
  | 'unitId'
  | 'assistUnitIds'
  | 'areaIds'
  | 'escalationLevel'
  | 'deadlines'
  | 'createdAt'
  | 'channel'
>;

/** The public-safe state of a ticket that every envelope carries. */
export function summarizeTicket(ticket: SummarySource): TicketSummary {
  return {
    trackingCode: ticket.trackingCode,
    status: ticket.status,
    category: ticket.category,
    priority: ticket.priority,
    unitId: ticket.unitId,
    assistUnitIds: [...ticket.assistUnitIds],
    areaIds: [...ticket.areaIds],
    escalationLevel: ticket.escalationLevel,
    deadlines: JSON.parse(JSON.stringify(ticket.deadlines ?? {})),
    createdAt: new Date(ticket.createdAt).toISOString(),
    ...(ticket.channel ? { channel: ticket.channel } : {}),
  };
}

/** The envelope and the history entry of one event, both made from the ticket as it stands after it. */
export function recordEvent(
  ticketId: string,
  ticketAfter: SummarySource,
  version: number,
  event: NewTicketEvent,
): { envelope: EventEnvelope; history: TicketHistoryEntry } {
  const eventId = randomUUID();
  // Producers pair type and payload loosely (the lifecycle rules build payloads field by field),
  // so the pairing is taken on trust here (every field is still checked present); the producer
  // checks each envelope against its type's schema before anything is sent (checkEnvelope).
  const envelope = {
    eventId,
    type: event.type,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    ticketId,
    ticketVersion: version,
    occurredAt: event.at.toISOString(),
    actor: event.actor,
    payload: event.payload,
    ticket: summarizeTicket(ticketAfter),
  } satisfies Record<keyof EventEnvelope, unknown> as EventEnvelope;
  const history: TicketHistoryEntry = {
    eventId,
    type: event.type,
    version,
    at: event.at,
    actor: event.actor,
    payload: event.payload,
  };
  return { envelope, history };
}
