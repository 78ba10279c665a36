import assert from 'node:assert/strict';
import {
  milestoneTimerIsLive,
  PROJECT_STATUSES,
  type ProjectStatus,
  planMilestoneTimers,
  type TimedMilestone,
} from '@grid-dispatch/domain';

const due = '2026-12-10T08:00:00.000Z';
const open: TimedMilestone = { id: 'm1', title: 'Room fitted', dueAt: due };
const project = (status: ProjectStatus, milestones: TimedMilestone[] = [open]) => ({ status, milestones });
const hour = 3600_000;

describe('committee: milestone timers', () => {
  it('plans a reminder a day before and the miss at the due time while the project is worked on', () => {
    for (const status of PROJECT_STATUSES) {
      const plan = planMilestoneTimers(project(status));
      if (status === 'approved' || status === 'in_progress') {
        assert.deepEqual(
          plan.map((t) => [t.step, t.at.toISOString(), t.dueAt]),
          [
            ['remind', '2026-12-09T08:00:00.000Z', due],
            ['missed', due, due],
          ],
          status,
        );
      } else assert.deepEqual(plan, [], status);
    }
  });

  const table: [string, TimedMilestone, string[]][] = [
    ['nothing for a done milestone', { ...open, doneAt: '2026-12-01T00:00:00Z' }, []],
    ['nothing for a waived milestone', { ...open, waivedAt: '2026-12-01T00:00:00Z' }, []],
    ['only the miss once reminded', { ...open, remindedAt: '2026-12-09T08:00:00Z' }, ['missed']],
    ['nothing once missed', { ...open, missedAt: due }, []],
  ];
  for (const [title, milestone, steps] of table) {
    it(title, () =>
      assert.deepEqual(
        planMilestoneTimers(project('in_progress', [milestone])).map((t) => t.step),
        steps,
      ),
    );
  }

  it('takes the reminder lead time as given', () => {
    const [remind] = planMilestoneTimers(project('approved'), 2 * hour);
    assert.equal(remind?.at.toISOString(), '2026-12-10T06:00:00.000Z');
  });

  const live: [string, ReturnType<typeof project>, 'remind' | 'missed', string, boolean][] = [
    ['a reminder for an open milestone', project('in_progress'), 'remind', due, true],
    ['the miss of an open milestone', project('approved'), 'missed', due, true],
    ['not after delivery', project('delivered'), 'missed', due, false],
    ['not for a moved due time', project('in_progress'), 'missed', '2026-12-11T08:00:00.000Z', false],
    ['not for a done milestone', project('in_progress', [{ ...open, doneAt: due }]), 'missed', due, false],
    ['not a second reminder', project('in_progress', [{ ...open, remindedAt: due }]), 'remind', due, false],
    [
      'the miss after the reminder',
      project('in_progress', [{ ...open, remindedAt: due }]),
      'missed',
      due,
      true,
    ],
    ['not a second miss', project('in_progress', [{ ...open, missedAt: due }]), 'missed', due, false],
    ['not for an unknown milestone', project('in_progress', []), 'missed', due, false],
  ];
  for (const [title, state, step, dueAt, expected] of live) {
    it(`live: ${title}`, () =>
      assert.equal(milestoneTimerIsLive(state, { milestoneId: 'm1', step, dueAt }), expected));
  }
});
