import assert from 'node:assert/strict';
import {
  DEFAULT_WEBHOOK_RETRY,
  type WebhookSourceEvent,
  webhookBody,
  webhookMayCarryPersonalData,
  webhookMayRetry,
  webhookRetryDelayMs,
  webhookRetrySchedule,
  webhookShouldDisable,
  webhookWants,
} from '@grid-dispatch/domain';

const event = (over: Partial<WebhookSourceEvent> = {}): WebhookSourceEvent => ({
  eventId: '8f0b3c2e-1111-4222-8333-444455556666',
  type: 'ticket.progress_reported',
  occurredAt: '2026-11-30T08:00:00.000Z',
  ticketId: 't-1',
  ticketVersion: 4,
  actor: { kind: 'staff', userId: 'municipal.member', role: 'unit_member' },
  payload: { note: 'called Wang on 13912345678', photos: ['https://x/p.jpg'], unitId: 'municipal' },
  ticket: {
    trackingCode: 'ABCD-EFGH-JKLM',
    status: 'accepted',
    category: 'road_collapse',
    priority: 'P2',
    unitId: 'municipal',
    assistUnitIds: ['water'],
    areaIds: ['chunhai-g1', 'chunhai'],
    escalationLevel: 0,
  },
  ...over,
});

describe('domain/webhooks webhookBody', () => {
  it('carries the ticket facts and no personal data by default', () => {
    const body = webhookBody(event(), null);
    assert.deepEqual(body.actor, { kind: 'staff', role: 'unit_member' });
    assert.deepEqual(body.payload, { unitId: 'municipal' }, 'free text and photos are left out');
    assert.equal('reporterContact' in body, false);
    assert.equal(body.id, event().eventId);
    assert.equal(body.ticketVersion, 4);
    assert.equal(body.trackingCode, 'ABCD-EFGH-JKLM');
    assert.equal(body.status, 'accepted');
    assert.equal(body.unit, 'municipal');
    assert.ok(!JSON.stringify(body).includes('13912345678'));
    assert.ok(!JSON.stringify(body).includes('municipal.member'));
  });

  it('carries the personal data a unit’s own dispatch system asked for', () => {
    const body = webhookBody(event(), { reporterContact: { phone: '13800000000' }, actorName: '市政值班员' });
    assert.deepEqual(body.actor, {
      kind: 'staff',
      role: 'unit_member',
      userId: 'municipal.member',
      name: '市政值班员',
    });
    assert.equal((body.payload as { note?: string }).note, 'called Wang on 13912345678');
    assert.deepEqual(body.reporterContact, { phone: '13800000000' });
  });

  it('leaves system and resident actors as they are', () => {
    assert.deepEqual(webhookBody(event({ actor: { kind: 'resident' } }), null).actor, { kind: 'resident' });
    assert.deepEqual(webhookBody(event({ actor: { kind: 'system', service: 'sla' } }), null).actor, {
      kind: 'system',
      service: 'sla',
    });
  });
});

describe('domain/webhooks webhookWants', () => {
  const scope = { type: 'ticket.accepted', unitId: 'municipal', assistUnitIds: ['water'] };
  const cases: Array<
    [string, Parameters<typeof webhookWants>[0], Parameters<typeof webhookWants>[1], boolean]
  > = [
    ['admin, every type', { eventTypes: [], unitId: null }, scope, true],
    ['admin, subscribed type', { eventTypes: ['ticket.accepted'], unitId: null }, scope, true],
    ['admin, other type', { eventTypes: ['ticket.closed'], unitId: null }, scope, false],
    ['lead unit', { eventTypes: [], unitId: 'municipal' }, scope, true],
    ['assisting unit', { eventTypes: [], unitId: 'water' }, scope, true],
    ['unrelated unit', { eventTypes: [], unitId: 'power' }, scope, false],
    ['unit that just gave it away', { eventTypes: [], unitId: 'gas' }, { ...scope, fromUnitId: 'gas' }, true],
    ['lead unit, other type', { eventTypes: ['ticket.closed'], unitId: 'municipal' }, scope, false],
  ];
  for (const [name, endpoint, event, wanted] of cases) {
    it(`${name}: ${wanted ? 'receives' : 'does not receive'}`, () => {
      assert.equal(webhookWants(endpoint, event), wanted);
    });
  }

  it('allows personal data to a unit’s endpoint only', () => {
    assert.equal(webhookMayCarryPersonalData({ unitId: 'power' }), true);
    assert.equal(webhookMayCarryPersonalData({ unitId: null }), false);
  });
});

describe('domain/webhooks retry schedule', () => {
  it('doubles from the base up to the cap', () => {
    const s = { baseMs: 500, maxMs: 4000, attempts: 7 };
    assert.deepEqual(webhookRetrySchedule(s), [500, 1000, 2000, 4000, 4000, 4000]);
    assert.equal(webhookRetryDelayMs(1, s), 500);
    assert.equal(webhookRetryDelayMs(1000, s), 4000, 'no overflow far out');
  });

  it('by default outlasts a receiver down for a minute, and about six hours in all', () => {
    const waits = webhookRetrySchedule(DEFAULT_WEBHOOK_RETRY);
    assert.deepEqual(waits.slice(0, 4), [5000, 10000, 20000, 40000]);
    const total = waits.reduce((a, b) => a + b, 0);
    assert.ok(total > 60_000);
    assert.equal(
      total,
      5000 + 10000 + 20000 + 40000 + 80000 + 160000 + 320000 + 640000 + 1280000 + 2560000 + 3600000,
    );
  });

  it('retries until the attempts are used up, and switches off after the streak', () => {
    const s = { baseMs: 1, maxMs: 1, attempts: 3 };
    assert.deepEqual(
      [1, 2, 3].map((n) => webhookMayRetry(n, s)),
      [true, true, false],
    );
    assert.deepEqual(
      [0, 4, 5, 6].map((n) => webhookShouldDisable(n, 5)),
      [false, false, true, true],
    );
  });
});
