/** What decides whether an endpoint wants an event. */
export interface WebhookAudience {
  /** The event types it subscribed to; empty means every type. */
  eventTypes: readonly string[];
  /** The unit that owns it (it sees that unit's tickets only), or null for the administrator's. */
  unitId: string | null;
}

export interface WebhookEventScope {
  type: string;
  /** The ticket's lead unit after the event. */
  unitId: string | null;
  assistUnitIds: readonly string[];
  /** A unit that just lost the ticket (reassigned, return approved): it still hears that it left. */
  fromUnitId?: string | null | undefined;
}

/**
 * Whether an endpoint receives an event: the type is one it subscribed to, and a unit's endpoint
 * only hears of tickets its unit leads or assists on (or just gave away). The administrator's
 * endpoints hear of every ticket.
 */
export function webhookWants(endpoint: WebhookAudience, event: WebhookEventScope): boolean {
  if (endpoint.eventTypes.length > 0 && !endpoint.eventTypes.includes(event.type)) return false;
  if (endpoint.unitId === null) return true;
  return (
    event.unitId === endpoint.unitId ||
    event.assistUnitIds.includes(endpoint.unitId) ||
    event.fromUnitId === endpoint.unitId
  );
}

/**
 * Whether an endpoint may receive personal data: only a unit's own endpoint (its dispatch system),
 * never the administrator's, whose receivers sit outside the units that handle the tickets.
 */
export function webhookMayCarryPersonalData(endpoint: Pick<WebhookAudience, 'unitId'>): boolean {
  return endpoint.unitId !== null;
}
