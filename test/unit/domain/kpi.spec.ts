import assert from 'node:assert/strict';
import {
  affectsKpis,
  cellsOf,
  computeKpis,
  daysBetween,
  emptyTicketFact,
  foldTicketFact,
  type KpiEntry,
  type KpiEvent,
  kpiEntriesOf,
  monthDays,
  percentile,
  rankUnits,
  ratio,
  reportDay,
  rotatingChair,
  type TicketFact,
} from '@grid-dispatch/domain';

const T0 = Date.parse('2026-11-27T02:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** Builds the events of one ticket: each step gives a type, a minute, and the summary's changes. */
function history(
  steps: Array<[string, number, Partial<KpiEvent['ticket']>?, Record<string, unknown>?]>,
): KpiEvent[] {
  let ticket: KpiEvent['ticket'] = {
    status: 'submitted',
    category: 'road_collapse',
    priority: 'P1',
    unitId: null,
    areaIds: ['chunhai-g1', 'chunhai', 'laohutan', 'zhongshan'],
    deadlines: {},
    createdAt: at(0),
  };
  return steps.map(([type, minute, change, payload], i) => {
    ticket = { ...ticket, ...change };
    return {
      type,
      occurredAt: at(minute),
      ticketId: 't1',
      ticketVersion: i + 1,
      payload: payload ?? {},
      ticket,
    };
  });
}

function fold(events: KpiEvent[]): TicketFact {
  return events.reduce(foldTicketFact, emptyTicketFact('t1'));
}

const dispatched = (minute: number, unitId = 'municipal', ackDue = 15) =>
  [
    'ticket.dispatched',
    minute,
    { status: 'dispatched', unitId, deadlines: { ack: { dueAt: at(minute + ackDue) } } },
  ] as [string, number, Partial<KpiEvent['ticket']>];
const accepted = (minute: number, resolveDue = minute + 240) =>
  ['ticket.accepted', minute, { status: 'accepted', deadlines: { resolve: { dueAt: at(resolveDue) } } }] as [
    string,
    number,
    Partial<KpiEvent['ticket']>,
  ];

describe('kpi: folding a ticket’s events into its fact', () => {
  it('records a dispatch signed and fixed in time, then a closure and a rating', () => {
    const fact = fold(
      history([
        ['ticket.submitted', 0],
        dispatched(1),
        accepted(10),
        ['ticket.resolved', 100, { status: 'resolved', deadlines: {} }],
        ['ticket.verified', 120, { status: 'closed' }],
        ['ticket.rated', 130, {}, { rating: 'satisfied' }],
      ]),
    );
    const [d, c, r] = kpiEntriesOf(fact);
    assert.deepEqual(
      [
        d!.kind,
        (d as any).signedOnTime,
        (d as any).ackSeconds,
        (d as any).fixedOnTime,
        (d as any).resolveSeconds,
      ],
      ['dispatch', true, 540, true, 5400],
    );
    assert.deepEqual(
      [c!.kind, (c as any).standing, r!.kind, (r as any).rating],
      ['closure', true, 'rating', 'satisfied'],
    );
  });

  it('names the event types that can never change a fact (the projection skips them)', () => {
    for (const type of [
      'ticket.progress_reported',
      'ticket.urged',
      'sla.warning',
      'sla.reminder',
      'ticket.escalated',
    ]) {
      assert.equal(affectsKpis({ type }), false, type);
      const events = history([['ticket.submitted', 0], dispatched(1), [type, 2, {}, {}]]);
      const before = fold(events.slice(0, 2));
      const after = foldTicketFact(before, events[2]!);
      assert.deepEqual(kpiEntriesOf(after), kpiEntriesOf(before), `${type} changes no entry`);
    }
    for (const type of ['ticket.dispatched', 'ticket.accepted', 'ticket.rated', 'ticket.verified']) {
      assert.equal(affectsKpis({ type }), true, type);
    }
    assert.equal(affectsKpis({ type: 'sla.breached', payload: { deadline: 'resolve' } }), true);
    assert.equal(affectsKpis({ type: 'sla.breached', payload: { deadline: 'ack' } }), false);
    assert.equal(affectsKpis({ type: 'sla.breached', payload: { deadline: 'verify' } }), false);
  });

  it('ignores a redelivered or older event (same version)', () => {
    const events = history([['ticket.submitted', 0], dispatched(1)]);
    const once = fold(events);
    assert.equal(foldTicketFact(once, events[1]!), once);
  });

  it('counts a late signature and a fix after the fix deadline lapsed as not on time, but due', () => {
    const fact = fold(
      history([
        dispatched(0, 'municipal', 15),
        accepted(20, 60),
        ['sla.breached', 60, {}, { deadline: 'resolve' }],
        ['ticket.resolved', 90, { status: 'resolved', deadlines: {} }],
      ]),
    );
    const d = kpiEntriesOf(fact)[0] as any;
    assert.deepEqual([d.signedOnTime, d.due, d.fixedOnTime], [false, true, false]);
  });

  it('judges the fix against the deadline an approved extension moved', () => {
    const fact = fold(
      history([
        dispatched(0),
        accepted(5, 60),
        ['ticket.extension_requested', 30, {}, {}],
        ['ticket.extension_approved', 40, { deadlines: { resolve: { dueAt: at(600) } } }],
        ['ticket.resolved', 300, { status: 'resolved', deadlines: {} }],
      ]),
    );
    const d = kpiEntriesOf(fact)[0] as any;
    assert.deepEqual([d.extensionRequested, d.fixedOnTime], [true, true]);
  });

  it('opens a new dispatch when a return is approved to another unit', () => {
    const fact = fold(
      history([
        dispatched(0, 'municipal'),
        ['ticket.return_requested', 5, { status: 'returned' }],
        [
          'ticket.return_approved',
          8,
          { status: 'dispatched', unitId: 'water', deadlines: { ack: { dueAt: at(23) } } },
        ],
        accepted(9),
      ]),
    );
    const [first, second] = kpiEntriesOf(fact) as any[];
    assert.deepEqual([first.unitId, first.returned, first.signed], ['municipal', true, false]);
    assert.deepEqual([second.unitId, second.signed, second.signedOnTime], ['water', true, true]);
  });

  it('undoes a closure when the resident is dissatisfied, and counts every rating', () => {
    const fact = fold(
      history([
        dispatched(0),
        accepted(5),
        ['ticket.resolved', 30, { status: 'resolved' }],
        ['ticket.verified', 40, { status: 'closed' }],
        ['ticket.rated', 50, { status: 'reopened' }, { rating: 'dissatisfied' }],
        dispatched(51),
        accepted(55),
        ['ticket.resolved', 70, { status: 'resolved' }],
        ['ticket.verified', 80, { status: 'closed' }],
        ['ticket.rated', 90, {}, { rating: 'basically_satisfied' }],
      ]),
    );
    const k = computeKpis(kpiEntriesOf(fact));
    assert.deepEqual(
      [k.counts.dispatched, k.counts.closed, k.counts.solved, k.counts.rated, k.counts.reworked],
      [2, 2, 1, 2, 1],
    );
    assert.deepEqual([k.resolutionRate, k.satisfactionRate], [0.5, 0.5]);
  });

  it('a failed verification is rework and restarts the fix', () => {
    const fact = fold(
      history([
        dispatched(0),
        accepted(5),
        ['ticket.resolved', 30, { status: 'resolved', deadlines: {} }],
        ['ticket.verification_failed', 40, { status: 'accepted', deadlines: { resolve: { dueAt: at(50) } } }],
        ['ticket.resolved', 60, { status: 'resolved', deadlines: {} }],
      ]),
    );
    const d = kpiEntriesOf(fact)[0] as any;
    assert.deepEqual([d.reworks, d.fixedOnTime, d.resolveSeconds], [1, false, 55 * 60]);
  });
});

describe('kpi: figures, percentiles and ranking', () => {
  const cases: Array<[number[], number, number | undefined]> = [
    [[], 0.5, undefined],
    [[7], 0.5, 7],
    [[1, 2, 3, 4], 0.5, 2],
    [[4, 1, 3, 2, 5], 0.5, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9, 10],
  ];
  for (const [values, p, expected] of cases) {
    it(`percentile(${JSON.stringify(values)}, ${p}) = ${expected}`, () =>
      assert.equal(percentile(values, p), expected));
  }

  it('rates are rounded to 4 places and null over nothing', () => {
    assert.deepEqual([ratio(2, 3), ratio(0, 0), ratio(1, 1)], [0.6667, null, 1]);
  });

  it('has null rates and durations when nothing happened', () => {
    const k = computeKpis([]);
    assert.deepEqual([k.responseRate, k.ackP50, k.counts.dispatched], [null, null, 0]);
  });

  it('ranks units by score, then by work, sharing ranks on ties', () => {
    const entry = (unitId: string, signedOnTime: boolean, key: string): KpiEntry => ({
      kind: 'dispatch',
      key,
      day: '2026-11-27',
      unitId,
      category: 'c',
      areaIds: ['a'],
      signed: true,
      signedOnTime,
      ackSeconds: 60,
      due: false,
      fixedOnTime: false,
      resolveSeconds: null,
      fixed: false,
      returned: false,
      extensionRequested: false,
      reworks: 0,
    });
    const ranked = rankUnits(
      cellsOf([
        entry('gas', false, '1'),
        entry('water', true, '2'),
        entry('power', true, '3'),
        entry('power', true, '4'),
        entry('heat', true, '5'),
      ]),
    );
    assert.deepEqual(
      ranked.map((u) => [u.unitId, u.rank]),
      [
        ['power', 1],
        ['heat', 2],
        ['water', 2],
        ['gas', 4],
      ],
    );
  });
});

describe('kpi: reporting days and the rotating chair', () => {
  it('counts days in China Standard Time', () => {
    assert.equal(reportDay('2026-11-26T15:59:59.000Z'), '2026-11-26');
    assert.equal(reportDay('2026-11-26T16:00:00.000Z'), '2026-11-27');
  });
  it('lists the days of a period and of a month', () => {
    assert.deepEqual(daysBetween('2026-12-30', '2027-01-02'), [
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    assert.deepEqual(daysBetween('2026-01-02', '2026-01-01'), []);
    assert.deepEqual(monthDays('2028-02'), { from: '2028-02-01', to: '2028-02-29' });
  });
  it('rotates the chair month by month through every member in a stable order', () => {
    const members = [{ id: 'water' }, { id: 'gas' }, { id: 'power' }];
    const chairs = ['2026-01', '2026-02', '2026-03', '2026-04'].map((m) => rotatingChair(members, m)!.id);
    assert.equal(new Set(chairs.slice(0, 3)).size, 3);
    assert.equal(chairs[3], chairs[0]);
    assert.equal(rotatingChair([...members].reverse(), '2026-01')!.id, chairs[0]);
    assert.equal(rotatingChair([], '2026-01'), null);
  });
});
