import assert from 'node:assert/strict';
import {
  checkEnvelope,
  type DeadlineJobData,
  deadlineJobId,
  deadlineOfJob,
  type EventEnvelope,
  eventEnvelopeSchema,
  parseDeadlineJobId,
  ticketIdOfJob,
} from '@grid-dispatch/contracts';
import { submittedEnvelope } from '../../support/event-fixtures';

const valid = () => submittedEnvelope();

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
      assert.equal(eventEnvelopeSchema.safeParse(e).success, false, 'the union schema refuses it too');
    });
  }

  it('types the payload by the envelope type, with no cast', () => {
    /** What a consumer reads: each branch sees its own payload's fields. */
    const summary = (e: EventEnvelope): string => {
      switch (e.type) {
        case 'ticket.submitted':
          return `${e.payload.hasLocation} ${e.payload.photoCount}`;
        case 'sla.warning':
          return `${e.payload.deadline} ${e.payload.fraction}`;
        case 'ticket.dispatched':
          return `${e.payload.routing} ${e.payload.assistUnitIds.length}`;
        default:
          return 'fromUnitId' in e.payload ? `from ${e.payload.fromUnitId}` : e.type;
      }
    };
    const checked = checkEnvelope(valid());
    assert.ok(checked.ok);
    assert.equal(summary(checked.envelope), 'false 0');
    const warning = {
      ...valid(),
      type: 'sla.warning',
      payload: { deadline: 'ack', fraction: 0.5, dueAt: 'x' },
    };
    const parsed = eventEnvelopeSchema.parse(warning);
    assert.equal(summary(parsed), 'ack 0.5');
    assert.deepEqual(checkEnvelope(warning), { ok: true, envelope: parsed });
  });

  it('gives each deadline step a deterministic job id', () => {
    assert.equal(deadlineJobId({ ticketId: 't1', kind: 'ack', seq: 2, step: 'breach' }), 't1.a2.due');
    assert.equal(
      deadlineJobId({ ticketId: 't1', kind: 'ack', seq: 2, step: 'warning', fraction: 0.5 }),
      't1.a2.w500',
    );
  });

  const uuid = '4a9f0c3e-7b21-4d5e-8f60-1a2b3c4d5e6f';
  const steps: DeadlineJobData[] = [
    { ticketId: uuid, kind: 'ack', seq: 1, step: 'warning', fraction: 0.5 },
    { ticketId: uuid, kind: 'resolve', seq: 3, step: 'warning', fraction: 0.8 },
    { ticketId: uuid, kind: 'resolve', seq: 12, step: 'breach' },
    { ticketId: uuid, kind: 'verify', seq: 1, step: 'remind', repeat: 4 },
    { ticketId: uuid, kind: 'ack', seq: 2, step: 'escalate', level: 3 },
    { ticketId: 'demo-ticket', kind: 'ack', seq: 1, step: 'breach' },
  ];
  for (const data of steps) {
    it(`reads ${data.kind} ${data.step} back from its job id ${deadlineJobId(data)}`, () => {
      const id = deadlineJobId(data);
      assert.deepEqual(parseDeadlineJobId(id), data);
      assert.deepEqual(deadlineOfJob({ id, data: {} }), data);
      assert.equal(ticketIdOfJob(id), data.ticketId);
    });
  }

  it('writes a UUID ticket id in 22 characters, so a job id is at most ~31', () => {
    const id = deadlineJobId({ ticketId: uuid, kind: 'resolve', seq: 1, step: 'warning', fraction: 0.5 });
    assert.equal(id, 'Sp8MPnshTV6PYBorPE1ebw.r1.w500');
    assert.equal(id.length, 30);
  });

  it('still fires jobs added before: an old id with its full data', () => {
    const data: DeadlineJobData = { ticketId: uuid, kind: 'ack', seq: 1, step: 'breach' };
    assert.deepEqual(deadlineOfJob({ id: `${uuid}.ack.1.due`, data }), data);
    assert.equal(ticketIdOfJob(`${uuid}.ack.1.due`), uuid);
    assert.equal(deadlineOfJob({ id: 'something-else', data: {} }), null);
  });
});
