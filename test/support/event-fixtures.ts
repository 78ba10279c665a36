/** A valid `ticket.submitted` envelope as the intake service publishes it, for tests of the wire format. */
export function submittedEnvelope(ticketId = 't1') {
  return {
    eventId: '0b6f7c1e-2a4b-4f7a-9c1d-3e5f7a9b1c2d',
    type: 'ticket.submitted',
    schemaVersion: 1,
    ticketId,
    ticketVersion: 1,
    occurredAt: '2026-11-26T08:00:00.000Z',
    actor: { kind: 'resident' },
    payload: { hasLocation: false, photoCount: 0 },
    ticket: {
      trackingCode: 'K7QM-2X9P-DR4T',
      status: 'submitted',
      category: 'gas_leak',
      priority: 'P1',
      unitId: null,
      assistUnitIds: [],
      areaIds: [],
      escalationLevel: 0,
      deadlines: {},
      createdAt: '2026-11-26T08:00:00.000Z',
    },
  };
}
