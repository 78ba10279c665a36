import {
  type EventEnvelope,
  LiveEvent,
  rooms,
  type SlaBreachedMessage,
  type SlaWarningMessage,
  type TicketUpdatedMessage,
} from '@grid-dispatch/contracts';
import type { Server } from 'socket.io';

/**
 * Pushes one ticket event to the rooms allowed to see it: the lead and assisting units, every area
 * the ticket lies in, and the public tracking room. Messages carry no personal data: the envelope's
 * ticket summary has none by construction.
 */
export function fanOut(io: Server, envelope: EventEnvelope): void {
  const t = envelope.ticket;
  const staffRooms = [
    ...(t.unitId ? [rooms.unit(t.unitId)] : []),
    ...t.assistUnitIds.map(rooms.unit),
    ...t.areaIds.map(rooms.area),
  ];
  // A unit that just lost the ticket (reassigned, return approved) still learns it left its inbox.
  const previousUnit = 'fromUnitId' in envelope.payload ? envelope.payload.fromUnitId : undefined;
  if (previousUnit) staffRooms.push(rooms.unit(previousUnit));

  const updated: TicketUpdatedMessage = {
    id: envelope.ticketId,
    trackingCode: t.trackingCode,
    version: envelope.ticketVersion,
    status: t.status,
    unitId: t.unitId,
    areaIds: t.areaIds,
    escalationLevel: t.escalationLevel,
    deadlines: t.deadlines,
    category: t.category,
    priority: t.priority,
    eventType: envelope.type,
    at: envelope.occurredAt,
  };
  if (staffRooms.length > 0) io.to(staffRooms).emit(LiveEvent.TicketUpdated, updated);
  io.to(rooms.tracking(t.trackingCode)).emit(LiveEvent.TicketUpdated, publicUpdate(updated));

  if (envelope.type === 'sla.warning' && staffRooms.length > 0) {
    const p = envelope.payload;
    const message: SlaWarningMessage = {
      ticketId: envelope.ticketId,
      deadline: p.deadline,
      fraction: p.fraction,
      dueAt: p.dueAt,
    };
    io.to(staffRooms).emit(LiveEvent.SlaWarning, message);
  }
  if (envelope.type === 'sla.breached' && staffRooms.length > 0) {
    const p = envelope.payload;
    const message: SlaBreachedMessage = {
      ticketId: envelope.ticketId,
      deadline: p.deadline,
      dueAt: p.dueAt,
      escalationLevel: p.escalationLevel,
    };
    io.to(staffRooms).emit(LiveEvent.SlaBreached, message);
  }
}

/** What a resident following a tracking code sees: no unit or staff identities, no internal ids. */
function publicUpdate(m: TicketUpdatedMessage) {
  return {
    trackingCode: m.trackingCode,
    version: m.version,
    status: m.status,
    deadlines: m.deadlines,
    category: m.category,
    eventType: m.eventType,
    at: m.at,
  };
}
