import type { EventEnvelope } from '@grid-dispatch/contracts';
import type { RoutingReference, TicketDoc } from '@grid-dispatch/db';
import { deadlineFor, routeTicket } from '@grid-dispatch/domain';
import { isAppError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import type { Platform } from '@grid-dispatch/runtime';

const DISPATCHABLE = new Set(['submitted', 'reopened']);

/**
 * Handles ticket.submitted (and ticket.reopened): routes the ticket and records ticket.dispatched
 * with the sign (ack) deadline in the same atomic write. Idempotent: a redelivered event finds the
 * ticket already dispatched and does nothing.
 */
export async function dispatchTicket(
  platform: Platform,
  reference: RoutingReference,
  envelope: EventEnvelope,
  logger: Logger,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const ticket = await platform.tickets.findById(envelope.ticketId);
    if (!ticket || !DISPATCHABLE.has(ticket.status)) return;
    try {
      await dispatchOnce(platform, reference, ticket);
      return;
    } catch (error) {
      // Someone else changed the ticket meanwhile (a cancel, a merge): read it again and decide again.
      if (isAppError(error) && error.code === 'VERSION_CONFLICT') continue;
      throw error;
    }
  }
  logger.warn(
    { ticketId: envelope.ticketId },
    'ticket kept changing while dispatching; Kafka will redeliver',
  );
  throw new Error(`ticket ${envelope.ticketId} changed three times while dispatching`);
}

async function dispatchOnce(
  platform: Platform,
  reference: RoutingReference,
  ticket: TicketDoc,
): Promise<void> {
  const [data, calendar] = await Promise.all([reference.get(), platform.calendars.get()]);
  const category = data.category(ticket.category);
  const routed = routeTicket({
    category: ticket.category,
    location: ticket.location,
    areas: data.areas,
    responsibilities: data.responsibilitiesFor(ticket.category),
  });
  const now = new Date();
  const ackWithin = category?.ackWithin ?? 'PT1H';
  const clock = category?.calendar ?? ticket.clock;
  const ack = {
    startedAt: now.toISOString(),
    dueAt: deadlineFor(ackWithin, clock, now, calendar).toISOString(),
    seq: (ticket.deadlines.ack?.seq ?? 0) + 1,
  };
  const matched = routed.decision.kind === 'matched' ? routed.decision : null;
  // The list's lead unit, else the district's duty desk (intake refuses a report with neither).
  const unitId = routed.ownerUnitId;
  const assistUnitIds = matched?.assistUnitIds ?? [];
  await platform.tickets.applyChange(
    ticket,
    {
      status: 'dispatched',
      unitId,
      assistUnitIds,
      areaIds: routed.areaIds,
      escalationLevel: 0,
      deadlines: { ack },
    },
    {
      type: 'ticket.dispatched',
      payload: {
        unitId,
        assistUnitIds,
        areaIds: routed.areaIds,
        routing: routed.decision.kind,
        responsibilityId: matched?.responsibilityId ?? null,
        ack,
      },
      actor: { kind: 'system', service: 'dispatcher' },
      at: now,
    },
  );
}
