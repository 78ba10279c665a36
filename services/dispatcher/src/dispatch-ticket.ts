import type { EventEnvelope } from '@grid-dispatch/contracts';
import { type TicketDoc, toAreaNode } from '@grid-dispatch/db';
import { deadlineFor } from '@grid-dispatch/domain';
import { isAppError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import type { Platform } from '@grid-dispatch/runtime';
import { routeTicket } from './route-ticket';

const DISPATCHABLE = new Set(['submitted', 'reopened']);

/**
 * Handles ticket.submitted (and ticket.reopened): routes the ticket and records ticket.dispatched
 * with the sign (ack) deadline in the same atomic write. Idempotent: a redelivered event finds the
 * ticket already dispatched and does nothing.
 */
export async function dispatchTicket(
  platform: Platform,
  envelope: EventEnvelope,
  logger: Logger,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const ticket = await platform.tickets.findById(envelope.ticketId);
    if (!ticket || !DISPATCHABLE.has(ticket.status)) return;
    try {
      await dispatchOnce(platform, ticket);
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

async function dispatchOnce(platform: Platform, ticket: TicketDoc): Promise<void> {
  const { models } = platform;
  const [areas, responsibilities, category, calendar] = await Promise.all([
    models.areas.find({}, { _id: 1, level: 1, parentId: 1, boundaryJson: 1 }).lean().exec(),
    models.responsibilities.find({ category: ticket.category }).lean().exec(),
    models.categories.findById(ticket.category).lean().exec(),
    platform.calendars.get(),
  ]);
  const routed = routeTicket({
    category: ticket.category,
    location: ticket.location,
    areas: areas.map(toAreaNode),
    responsibilities: responsibilities.map((r) => ({
      id: r._id,
      category: r.category,
      areaId: r.areaId,
      leadUnitId: r.leadUnitId,
      assistUnitIds: r.assistUnitIds,
    })),
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
  const unitId = matched?.leadUnitId ?? null;
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
