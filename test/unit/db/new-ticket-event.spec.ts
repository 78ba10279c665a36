import assert from 'node:assert/strict';
import { checkEnvelope } from '@grid-dispatch/contracts';
import { checkedTicketEvent, type NewTicketEvent, recordEvent } from '@grid-dispatch/db';

const actor = { kind: 'system', service: 'test' } as const;
const at = new Date('2026-12-01T02:00:00Z');
const ticketAfter: Parameters<typeof recordEvent>[1] = {
  trackingCode: 'GD7K3M9Q2X',
  status: 'dispatched',
  category: 'water_outage',
  priority: 'P2',
  unitId: 'water-co',
  assistUnitIds: [],
  areaIds: ['district'],
  escalationLevel: 0,
  deadlines: {},
  createdAt: at,
};

describe('a ticket event about to be recorded', () => {
  it('pairs each type with its own payload, checked by the compiler', () => {
    const dispatched: NewTicketEvent = {
      type: 'ticket.dispatched',
      payload: {
        unitId: 'water-co',
        assistUnitIds: [],
        areaIds: [],
        routing: 'matched',
        responsibilityId: null,
      },
      actor,
      at,
    };
    const mismatched: NewTicketEvent = {
      type: 'ticket.dispatched',
      // @ts-expect-error a submitted payload on a dispatched event
      payload: { hasLocation: false, photoCount: 0 },
      actor,
      at,
    };
    assert.ok(mismatched);
    const { envelope, history } = recordEvent('t-1', { ...ticketAfter, status: 'dispatched' }, 2, dispatched);
    assert.deepEqual(checkEnvelope(envelope), { ok: true, envelope });
    assert.equal(envelope.type, 'ticket.dispatched');
    if (envelope.type === 'ticket.dispatched') assert.equal(envelope.payload.routing, 'matched');
    assert.equal('at' in envelope, false, 'the event time travels as occurredAt only');
    assert.equal(envelope.occurredAt, at.toISOString());
    assert.deepEqual(history.payload, dispatched.payload);
  });

  it('checks a payload built field by field against its type, naming the field that does not fit', () => {
    const event = checkedTicketEvent('ticket.resolved', { note: 'pipe replaced', photos: [] }, actor, at);
    assert.deepEqual(event, {
      type: 'ticket.resolved',
      payload: { note: 'pipe replaced', photos: [] },
      actor,
      at,
    });
    assert.throws(
      () => checkedTicketEvent('ticket.resolved', { note: 'x', phone: '13800138000' }, actor, at),
      /payload of ticket\.resolved: .*phone/,
    );
    assert.throws(
      () => checkedTicketEvent('ticket.resolved', { rating: 'great' }, actor, at),
      /payload of ticket\.resolved: rating/,
    );
  });
});
