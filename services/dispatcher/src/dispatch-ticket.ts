import type { EventEnvelope } from '@grid-dispatch/contracts';
import type { RoutingReference, TicketDoc } from '@grid-dispatch/db';
import { ACTION_RULES, routeTicket, type TicketStatus } from '@grid-dispatch/domain';
import { isAppError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import { runLifecycle } from '@grid-dispatch/ticketing';
import type { DispatcherPlatform } from './dispatcher-platform';

/** The statuses the router may dispatch from: the action table's, as for every transition. */
const DISPATCHABLE: readonly TicketStatus[] = ACTION_RULES.dispatch.from;

/**
 * Handles ticket.submitted (and ticket.reopened): routes the ticket and runs the lifecycle's
 * `dispatch` — the same state machine and the same write as every staff action — recording
 * ticket.dispatched with the sign (ack) deadline and the routed areas in one atomic write.
 * Idempotent: a redelivered event finds the ticket already dispatched and does nothing.
 */
export async function dispatchTicket(
  platform: DispatcherPlatform,
  reference: RoutingReference,
  envelope: EventEnvelope,
  logger: Logger,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const ticket = await platform.tickets.findById(envelope.ticketId);
    if (!ticket || !DISPATCHABLE.includes(ticket.status)) return;
    try {
      await dispatchOnce(platform, reference, ticket, logger);
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
  platform: DispatcherPlatform,
  reference: RoutingReference,
  ticket: TicketDoc,
  logger: Logger,
): Promise<void> {
  const data = await reference.get();
  const category = data.category(ticket.category);
  const routed = routeTicket({
    category: ticket.category,
    location: ticket.location,
    areas: data.areas,
    responsibilities: data.responsibilitiesFor(ticket.category),
  });
  const matched = routed.decision.kind === 'matched' ? routed.decision : null;
  // The list's lead unit, else the district's duty desk. Intake refuses a report with neither; a
  // reopened ticket whose district lost its desk since waits, unassigned, in the secretaries'
  // inbox until one of them routes it by hand (the action table lets them from this status).
  if (routed.ownerUnitId === null) {
    logger.warn(
      { ticketId: ticket._id, areaIds: routed.areaIds },
      'no unit to dispatch to (no responsibility line, no duty desk); left for a secretary to route',
    );
    return;
  }
  await runLifecycle(
    platform,
    ticket,
    {
      action: 'dispatch',
      actor: { kind: 'system' },
      unitId: routed.ownerUnitId,
      assistUnitIds: matched?.assistUnitIds ?? [],
    },
    { kind: 'system', service: 'dispatcher' },
    null,
    {
      // From the routing reference the dispatcher keeps in memory: no database read per report.
      ...(category
        ? {
            limits: {
              ackWithin: category.ackWithin,
              resolveWithin: category.resolveWithin,
              calendar: category.calendar,
            },
          }
        : {}),
      changes: { areaIds: routed.areaIds },
      payload: (changes) => ({
        areaIds: routed.areaIds,
        routing: routed.decision.kind,
        responsibilityId: matched?.responsibilityId ?? null,
        ack: changes.deadlines?.ack,
      }),
    },
  );
}
