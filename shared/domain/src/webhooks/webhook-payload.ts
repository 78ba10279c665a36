/** The parts of a ticket event a webhook body is made of (a ticket event envelope fits). */
export interface WebhookSourceEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  ticketId: string;
  ticketVersion: number;
  actor:
    | { kind: 'resident' }
    | { kind: 'system'; service: string }
    | { kind: 'staff'; userId: string; role: string };
  payload: object;
  ticket: {
    trackingCode: string;
    status: string;
    category: string;
    priority: string;
    unitId: string | null;
    assistUnitIds: string[];
    areaIds: string[];
    escalationLevel: number;
  };
}

/** Personal data an endpoint marked for a unit's own dispatch system receives. */
export interface WebhookPersonalData {
  /** The reporter's contact details as filed, or null when they left none. */
  reporterContact: { name?: string; phone?: string } | null;
  /** The acting staff member's display name, when a staff member acted. */
  actorName: string | null;
}

/**
 * Payload fields that are a person's free text or pictures (a note, a reason, a resident's
 * comment, photo links): they may name or show people, so they travel only with personal data.
 */
const FREE_TEXT_FIELDS = new Set(['note', 'reason', 'comment', 'photos']);

export type WebhookBody = ReturnType<typeof webhookBody>;

/**
 * The JSON body of one webhook delivery. Without `personal` it carries no personal data: no
 * reporter contact, no staff identity (only the acting role), no free text; with it (an endpoint
 * of a unit's own dispatch system), the event's payload whole, the staff member's id and name and
 * the reporter's contact. `ticketVersion` lets a receiver drop a duplicate or stale delivery.
 */
export function webhookBody(event: WebhookSourceEvent, personal: WebhookPersonalData | null) {
  const t = event.ticket;
  const payload = personal
    ? { ...event.payload }
    : Object.fromEntries(Object.entries(event.payload).filter(([key]) => !FREE_TEXT_FIELDS.has(key)));
  return {
    id: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    ticketId: event.ticketId,
    ticketVersion: event.ticketVersion,
    trackingCode: t.trackingCode,
    status: t.status,
    category: t.category,
    priority: t.priority,
    unit: t.unitId,
    assistUnits: t.assistUnitIds,
    areas: t.areaIds,
    escalationLevel: t.escalationLevel,
    actor: actorOf(event.actor, personal),
    payload,
    ...(personal ? { reporterContact: personal.reporterContact } : {}),
  };
}

function actorOf(actor: WebhookSourceEvent['actor'], personal: WebhookPersonalData | null) {
  if (actor.kind !== 'staff') return actor;
  if (!personal) return { kind: actor.kind, role: actor.role };
  return { kind: actor.kind, role: actor.role, userId: actor.userId, name: personal.actorName };
}
