import assert from 'node:assert/strict';
import {
  computeKpis,
  emptyTicketFact,
  foldTicketFact,
  type KpiEvent,
  kpiEntriesOf,
  phoneKey,
  sumCounts,
  tallyOf,
} from '@grid-dispatch/domain';

describe('domain: a caller’s phone as the store looks it up', () => {
  it('keeps digits only and drops the +86 of a mobile, however it was written', () => {
    for (const written of ['13800138000', '+86 138 0013 8000', '86-138-0013-8000', '+8613800138000']) {
      assert.equal(phoneKey(written), '13800138000', written);
    }
  });
  it('keeps a landline with its area code (and extension)', () => {
    assert.equal(phoneKey('0411-82813456'), '041182813456');
    assert.equal(phoneKey('0411 8281 3456-12'), '04118281345612');
    assert.equal(phoneKey('010-86001234'), '01086001234', 'an 86 inside a landline stays');
  });
});

describe('domain: KPIs count reports by the channel they came in by', () => {
  const T0 = Date.parse('2026-11-27T02:00:00.000Z');
  const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
  const ticket = (
    channel: string | undefined,
    unitId: string | null,
    status: string,
  ): KpiEvent['ticket'] => ({
    status,
    category: 'road_collapse',
    priority: 'P1',
    unitId,
    areaIds: ['chunhai-g1', 'chunhai', 'laohutan', 'zhongshan'],
    deadlines: {},
    createdAt: at(0),
    ...(channel ? { channel } : {}),
  });
  const event = (type: string, minute: number, version: number, t: KpiEvent['ticket']): KpiEvent => ({
    type,
    occurredAt: at(minute),
    ticketId: 't1',
    ticketVersion: version,
    payload: {},
    ticket: t,
  });

  it('counts a report once, at its first dispatch, however often it is dispatched again', () => {
    const fact = [
      event('ticket.dispatched', 1, 2, ticket('hotline', 'municipal', 'dispatched')),
      event('ticket.reassigned', 5, 3, ticket('hotline', 'water', 'dispatched')),
    ].reduce(foldTicketFact, emptyTicketFact('t1'));
    assert.equal(fact.channel, 'hotline');
    const entries = kpiEntriesOf(fact);
    assert.deepEqual(
      entries.map((e) => (e.kind === 'dispatch' ? e.reportChannel : undefined)),
      ['hotline', null],
    );
    const { counts } = computeKpis(entries);
    assert.deepEqual(
      [counts.dispatched, counts.reportsWeb, counts.reportsOpen311, counts.reportsHotline],
      [2, 0, 0, 1],
    );
    assert.equal(tallyOf(entries.filter((e) => e.unitId === 'water')).counts.reportsHotline, 0);
  });

  it('takes a ticket whose events carry no channel (recorded before) for the own form', () => {
    const fact = foldTicketFact(
      emptyTicketFact('t1'),
      event('ticket.dispatched', 1, 2, ticket(undefined, 'municipal', 'dispatched')),
    );
    assert.equal(computeKpis(kpiEntriesOf(fact)).counts.reportsWeb, 1);
  });

  it('adds up over tallies stored before reports were counted', () => {
    const old = tallyOf([]);
    const { reportsHotline: _h, ...withoutChannels } = old.counts;
    const stored = { ...old, counts: withoutChannels as typeof old.counts };
    const fact = foldTicketFact(
      emptyTicketFact('t1'),
      event('ticket.dispatched', 1, 2, ticket('open311', 'gas', 'dispatched')),
    );
    assert.equal(sumCounts([stored, tallyOf(kpiEntriesOf(fact))]).reportsOpen311, 1);
  });
});
