import assert from 'node:assert/strict';
import { checkEnvelope, deadlineJobId } from '@grid-dispatch/contracts';

const valid = () => ({
  eventId: '0b6f7c1e-2a4b-4f7a-9c1d-3e5f7a9b1c2d',
  type: 'ticket.submitted',
  schemaVersion: 1,
  ticketId: 't1',
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
});

describe('event envelopes', () => {
  it('accepts a valid ticket.submitted', () => assert.equal(checkEnvelope(valid()).ok, true));

  const broken: Array<[string, (e: any) => void, RegExp]> = [
    ['an unknown type', (e) => (e.type = 'ticket.exploded'), /unknown event type/],
    ['a missing eventId', (e) => delete e.eventId, /eventId/],
    ['a non-uuid eventId', (e) => (e.eventId = 'x'), /eventId/],
    ['another schema version', (e) => (e.schemaVersion = 2), /schemaVersion/],
    ['version 0', (e) => (e.ticketVersion = 0), /ticketVersion/],
    ['a payload with personal data', (e) => (e.payload.phone = '13800138000'), /payload/],
    ['a dispatched payload on a submitted type', (e) => (e.payload = { unitId: 'x' }), /payload/],
    ['a bad timestamp', (e) => (e.occurredAt = 'yesterday'), /occurredAt/],
    ['a bad status', (e) => (e.ticket.status = 'lost'), /status/],
  ];
  for (const [name, mutate, reason] of broken) {
    it(`refuses ${name}`, () => {
      const e = valid();
      mutate(e);
      const result = checkEnvelope(e);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, reason);
    });
  }

  it('gives each deadline step a deterministic job id', () => {
    assert.equal(deadlineJobId({ ticketId: 't1', kind: 'ack', seq: 2, step: 'breach' }), 't1.ack.2.due');
    assert.equal(
      deadlineJobId({ ticketId: 't1', kind: 'ack', seq: 2, step: 'warning', fraction: 0.5 }),
      't1.ack.2.w500',
    );
  });
});
