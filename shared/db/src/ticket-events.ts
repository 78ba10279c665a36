import { randomUUID } from 'node:crypto';
import {
  type Actor,
  CURRENT_SCHEMA_VERSION,
  checkEventPayload,
  type EventEnvelope,
  type EventType,
  type TicketSummary,
  type TypedPayload,
} from '@grid-dispatch/contracts';
import type { TicketDoc, TicketHistoryEntry } from './models';

/**
 * An event about to be recorded on a ticket: a union by `type`, each type paired with its own
 * payload, so that a producer writing a literal event is checked by the compiler.
 */
export type NewTicketEvent<T extends EventType = EventType> = TypedPayload<T> & { actor: Actor; at: Date };

/**
 * An event whose payload was put together without its type's shape in view (the lifecycle rules
 * build payloads field by field from the domain's outcome): checked against that type's schema
 * here, so a field that does not belong fails the write, naming the field, before anything is
 * stored.
 */
export function checkedTicketEvent<T extends EventType>(
  type: T,
  payload: Record<string, unknown>,
  actor: Actor,
  at: Date,
): NewTicketEvent<T> {
  const checked = checkEventPayload(type, payload);
  if (!checked.ok) throw new Error(`an event that does not fit its schema: ${checked.reason}`);
  return { ...checked.event, actor, at };
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
  // The type and its payload travel together (spreading the union keeps each pair).
  const { at, actor, ...typed } = event;
  const envelope: EventEnvelope = {
    eventId,
    ...typed,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    ticketId,
    ticketVersion: version,
    occurredAt: at.toISOString(),
    actor,
    ticket: summarizeTicket(ticketAfter),
  };
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
