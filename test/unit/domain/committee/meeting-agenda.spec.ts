import assert from 'node:assert/strict';
import { type AgendaKpis, type AgendaProject, meetingAgenda } from '@grid-dispatch/domain';

const kpis: AgendaKpis = {
  responseRate: 1,
  onTimeRate: null,
  resolutionRate: null,
  satisfactionRate: null,
  returnRate: null,
  extensionRate: null,
  reworkRate: null,
  ackP50: null,
  ackP90: null,
  resolveP50: null,
  resolveP90: null,
  counts: {} as AgendaKpis['counts'],
  units: [],
};
const need = (id: string, raisedAt: string, status = 'open', supporters = 0) => ({
  id,
  title: id,
  kind: 'childcare',
  status,
  peopleConcerned: 10,
  supporters,
  raisedAt,
});
const project = (
  id: string,
  status: string,
  milestones: AgendaProject['milestones'],
  proposedAt = '2026-10-01T00:00:00Z',
) => ({
  id,
  title: id,
  status,
  leadUnitId: 'kindergarten',
  milestones,
  proposedAt,
});
const now = '2026-12-10T02:00:00Z';

describe('meeting agenda', () => {
  const agenda = meetingAgenda({
    month: '2026-12',
    lastMeetingAt: '2026-11-12T02:00:00Z',
    now,
    needs: [
      need('before-last', '2026-11-01T00:00:00Z'),
      need('new-quiet', '2026-11-20T00:00:00Z'),
      need('new-popular', '2026-12-01T00:00:00Z', 'open', 7),
      need('new-declined', '2026-12-02T00:00:00Z', 'declined'),
    ],
    projects: [
      project('late-and-due', 'in_progress', [
        { id: 'm1', title: 'rooms', dueAt: '2026-12-01T00:00:00Z' },
        { id: 'm2', title: 'open', dueAt: '2026-12-20T00:00:00Z' },
        { id: 'm3', title: 'far', dueAt: '2027-03-01T00:00:00Z' },
        { id: 'm4', title: 'done', dueAt: '2026-11-01T00:00:00Z', doneAt: '2026-10-30T00:00:00Z' },
      ]),
      project('delivered', 'delivered', [{ id: 'm5', title: 'x', dueAt: '2026-11-01T00:00:00Z' }]),
      project('proposed-late', 'proposed', [], '2026-12-05T00:00:00Z'),
      project('proposed-early', 'proposed', [], '2026-11-15T00:00:00Z'),
    ],
    tickets: { overdue: 3, open: 9 },
    kpis,
  });

  const table: Array<[string, unknown, unknown]> = [
    [
      'new open needs since the last meeting, most supported first',
      agenda.newNeeds.map((n) => n.id),
      ['new-popular', 'new-quiet'],
    ],
    ['late milestones of running projects only', agenda.lateMilestones.map((m) => m.milestone.id), ['m1']],
    ['days late', agenda.lateMilestones[0]?.days, 9],
    ['milestones due within a month', agenda.dueMilestones.map((m) => m.milestone.id), ['m2']],
    ['days left', agenda.dueMilestones[0]?.days, 9],
    [
      'proposed projects, oldest first',
      agenda.awaitingApproval.map((p) => p.id),
      ['proposed-early', 'proposed-late'],
    ],
    ['ticket counts passed through', agenda.tickets, { overdue: 3, open: 9 }],
    ['the KPI summary passed through', agenda.kpis, kpis],
    ['since the last meeting', agenda.since, '2026-11-12T02:00:00Z'],
  ];
  for (const [name, actual, expected] of table) it(name, () => assert.deepEqual(actual, expected));

  it('a first meeting lists every open need, and a wider window shows more due', () => {
    const first = meetingAgenda({
      month: '2026-12',
      lastMeetingAt: null,
      now,
      needs: [need('a', '2020-01-01T00:00:00Z'), need('b', '2026-12-01T00:00:00Z', 'accepted')],
      projects: [project('p', 'approved', [{ id: 'far', title: 'far', dueAt: '2027-03-01T00:00:00Z' }])],
      tickets: { overdue: 0, open: 0 },
      kpis,
      dueWithinDays: 120,
    });
    assert.deepEqual(
      first.newNeeds.map((n) => n.id),
      ['a'],
    );
    assert.deepEqual(
      first.dueMilestones.map((m) => m.milestone.id),
      ['far'],
    );
  });
});
