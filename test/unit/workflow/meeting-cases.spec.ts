import assert from 'node:assert/strict';
import { committeeFigures } from '@grid-dispatch/domain';
import { buildKpiReport } from '@grid-dispatch/workflow/dist/kpi/kpi-report';
import {
  type CaseTicket,
  MEETING_CASES_LISTED,
  meetingCases,
} from '@grid-dispatch/workflow/dist/kpi/meeting-cases';
import { meetingCsv, meetingHtml } from '@grid-dispatch/workflow/dist/kpi/meeting-report';

function ticket(n: number, extra: Partial<CaseTicket> = {}): CaseTicket {
  return {
    trackingCode: `CODE-${String(n).padStart(4, '0')}`,
    category: 'road_collapse',
    priority: 'P1',
    status: 'closed',
    unitId: 'municipal',
    createdAt: new Date(Date.UTC(2026, 10, 1, 0, n)),
    escalationLevel: 0,
    events: [{ type: 'ticket.dispatched', payload: {} }],
    ...extra,
  };
}

/** A history with these events after the dispatch. */
function history(...events: Array<[string, Record<string, unknown>?]>): CaseTicket['events'] {
  return [
    { type: 'ticket.dispatched', payload: {} },
    ...events.map(([type, payload = {}]) => ({ type, payload })),
  ];
}

const breached = (deadline: string) => ['sla.breached', { deadline }] as [string, Record<string, unknown>];

describe('meeting report: overdue and difficult cases', () => {
  it('lists a ticket that missed a limit, was escalated or left its resident dissatisfied, and no other', () => {
    const { listed, more } = meetingCases([
      ticket(1),
      // Fixed late: the breach is in its history, no longer in its deadlines.
      ticket(2, { events: history(breached('resolve'), ['ticket.resolved']) }),
      ticket(3, {
        escalationLevel: 2,
        events: history(breached('ack'), ['ticket.escalated']),
        status: 'accepted',
      }),
      // Dissatisfied, reopened, then satisfied with the second fix: still a case to talk about.
      ticket(4, {
        priority: 'P3',
        events: history(
          ['ticket.rated', { rating: 'dissatisfied' }],
          ['ticket.rated', { rating: 'satisfied' }],
        ),
      }),
      ticket(5, {
        events: history(['sla.warning', { deadline: 'ack' }], ['ticket.rated', { rating: 'satisfied' }]),
      }),
    ]);
    assert.deepEqual(
      listed.map((c) => [c.trackingCode, c.reasons]),
      [
        // P1 before P3; of the P1s, the one with more reasons first.
        ['CODE-0003', ['overdue', 'escalated']],
        ['CODE-0002', ['overdue']],
        ['CODE-0004', ['dissatisfied']],
      ],
    );
    assert.equal(more, 0);
  });

  it(`lists at most ${MEETING_CASES_LISTED} and counts the rest`, () => {
    const many = Array.from({ length: MEETING_CASES_LISTED + 7 }, (_, n) =>
      ticket(n, { escalationLevel: 1 }),
    );
    const { listed, more } = meetingCases(many);
    assert.equal(listed.length, MEETING_CASES_LISTED);
    assert.equal(more, 7);
    assert.equal(listed[0]!.trackingCode, 'CODE-0000', 'oldest first among equals');
  });

  it('prints them on the page and after the units in the CSV, with no personal data', () => {
    const scope = {
      scope: 'area:chunhai',
      areaId: 'chunhai',
      unitId: null,
      from: '2026-11-01',
      to: '2026-11-30',
    };
    const report = {
      area: { id: 'chunhai', name: { zh: '春海社区', en: 'Chunhai' } },
      month: '2026-11',
      chair: null,
      kpis: buildKpiReport(scope, [], new Map()),
      categoryNames: new Map([['road_collapse', { zh: '道路塌陷', en: 'Road collapse' }]]),
      unitNames: new Map([['municipal', { zh: '市政', en: 'Municipal works' }]]),
      cases: meetingCases([ticket(2, { events: history(breached('resolve')), status: 'accepted' })]),
      // A need raised on the 2nd and served by a project the municipal works delivered on the 12th.
      committee: committeeFigures({
        communityIds: ['chunhai'],
        needs: [{ id: 'n1', communityId: 'chunhai', status: 'served', raisedAt: '2026-11-02T02:00:00.000Z' }],
        projects: [
          {
            id: 'p1',
            communityId: 'chunhai',
            needIds: ['n1'],
            leadUnitId: 'municipal',
            participantUnitIds: [],
            proposedAt: '2026-11-03T02:00:00.000Z',
            deliveredAt: '2026-11-12T02:00:00.000Z',
            evaluations: [{ score: 4, at: '2026-11-13T02:00:00.000Z' }],
          },
        ],
        resources: [],
        from: '2026-11-01',
        to: '2026-11-30',
      }).total,
      generatedAt: '2026-11-30T16:05:09.000Z',
    };
    const html = meetingHtml(report);
    assert.match(html, /逾期与疑难案件 · Overdue and difficult cases/);
    assert.match(html, /CODE-0002<\/td><td>P1 道路塌陷<br><small>Road collapse<\/small><\/td><td>市政/);
    assert.match(html, /未办结<br><small>open<\/small><\/td><td>逾期<br><small>overdue<\/small>/);
    const csv = meetingCsv(report)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const blank = csv.indexOf('');
    assert.ok(blank > 0, 'the cases follow the units after a blank line');
    assert.deepEqual(csv.slice(blank + 1, blank + 4), [
      'case_tracking_code,category,priority,unit_id,reported_at,open,reasons',
      'CODE-0002,road_collapse,P1,municipal,2026-11-01 08:02 (UTC+8),open,overdue',
      '',
    ]);
    // Then the committee's figures and each unit's part, as two more tables.
    assert.deepEqual(csv.slice(blank + 4), [
      'committee_figure,value',
      'needs_raised,1',
      'needs_accepted,1',
      'needs_served,1',
      'projects_delivered,1',
      'median_days_need_to_delivered,10',
      'satisfaction_mean,4',
      'satisfaction_count,1',
      '',
      'unit_id,projects_led,projects_joined,resources_offered',
      'municipal,1,0,0',
    ]);
    assert.match(html, /需求、资源与项目清单 · Needs, resources and projects/);
    assert.match(html, /交付项目 · projects delivered<\/th><td>1</);
    assert.match(html, /市政<br><small>Municipal works<\/small><\/td><td>1<\/td><td>0<\/td><td>0</);
    const none = meetingHtml({ ...report, cases: { listed: [], more: 0 } });
    assert.match(none, /本月无逾期或疑难案件 · none this month/);
  });
});
