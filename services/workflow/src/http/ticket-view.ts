import type { TicketDoc } from '@grid-dispatch/db';

/** A phone number as staff see it: enough to recognise, not to copy (138****8000). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** The staff view of a ticket (README.md#the-api: GET /api/v1/tickets/{id}). */
export function staffTicketView(t: TicketDoc, withEvents = true) {
  return {
    id: t._id,
    trackingCode: t.trackingCode,
    version: t.version,
    status: t.status,
    category: t.category,
    priority: t.priority,
    description: t.description,
    address: t.address,
    location: t.location,
    photos: t.photos,
    areaIds: t.areaIds,
    unitId: t.unitId,
    assistUnitIds: t.assistUnitIds,
    escalationLevel: t.escalationLevel,
    deadlines: t.deadlines,
    pendingRequest: t.pendingRequest,
    clockPauses: t.clockPauses ?? [],
    mergedInto: t.mergedInto,
    rating: t.rating ?? null,
    supporters: t.supporters ?? 0,
    // Held, not forgotten: a report linked to planned works waits for their end, no unit yet.
    ...(t.plannedWorksId && !t.plannedWorksReleasedAt && t.status === 'submitted'
      ? { heldByPlannedWorks: t.plannedWorksId }
      : {}),
    // Reports stored before tickets recorded their channel all came from the own form.
    channel: t.channel ?? 'web',
    createdAt: new Date(t.createdAt).toISOString(),
    updatedAt: new Date(t.updatedAt).toISOString(),
    ...(t.contact
      ? {
          reporter: {
            ...(t.contact.name ? { name: t.contact.name } : {}),
            ...(t.contact.phone ? { phoneMasked: maskPhone(t.contact.phone) } : {}),
          },
        }
      : {}),
    ...(withEvents
      ? {
          events: t.events.map((e) => ({
            eventId: e.eventId,
            type: e.type,
            version: e.version,
            at: new Date(e.at).toISOString(),
            actor: e.actor,
            payload: e.payload,
          })),
        }
      : {}),
  };
}
