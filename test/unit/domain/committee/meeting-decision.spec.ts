import assert from 'node:assert/strict';
import { type DecisionContext, decisionProblems, type MeetingDecision } from '@grid-dispatch/domain';

const context: DecisionContext = {
  memberUnitIds: ['kindergarten', 'property', 'clinic'],
  projects: [
    {
      id: 'baby-room',
      status: 'proposed',
      leadUnitId: 'kindergarten',
      participantUnitIds: ['property'],
      milestones: [],
    },
    {
      id: 'canteen',
      status: 'in_progress',
      leadUnitId: 'property',
      participantUnitIds: [],
      milestones: [{ id: 'm1' }],
    },
    { id: 'gala', status: 'delivered', leadUnitId: 'property', participantUnitIds: [], milestones: [] },
  ],
};
const dueAt = '2027-01-15T00:00:00Z';

describe('meeting decisions', () => {
  const cases: Array<[string, MeetingDecision, string[]]> = [
    ['approves a proposed project', { kind: 'approve_project', projectId: 'baby-room' }, []],
    ['approving needs a project', { kind: 'approve_project' }, ['projectId']],
    ['approves only a proposed project', { kind: 'approve_project', projectId: 'canteen' }, ['projectId']],
    [
      'a project of another committee is unknown',
      { kind: 'approve_project', projectId: 'elsewhere' },
      ['projectId'],
    ],
    ['assigns a member unit', { kind: 'assign_unit', projectId: 'canteen', unitId: 'clinic' }, []],
    ['assigning needs a unit', { kind: 'assign_unit', projectId: 'canteen' }, ['unitId']],
    ['assigns member units only', { kind: 'assign_unit', projectId: 'canteen', unitId: 'bank' }, ['unitId']],
    [
      'a unit on the project already',
      { kind: 'assign_unit', projectId: 'baby-room', unitId: 'property' },
      ['unitId'],
    ],
    [
      'no unit for a delivered project',
      { kind: 'assign_unit', projectId: 'gala', unitId: 'clinic' },
      ['projectId'],
    ],
    [
      'sets a new milestone',
      { kind: 'set_milestone', projectId: 'canteen', milestone: { title: 'kitchen', dueAt } },
      [],
    ],
    [
      'moves an existing milestone',
      { kind: 'set_milestone', projectId: 'canteen', milestone: { id: 'm1', title: 'kitchen', dueAt } },
      [],
    ],
    [
      'an unknown milestone',
      { kind: 'set_milestone', projectId: 'canteen', milestone: { id: 'm9', title: 'kitchen', dueAt } },
      ['milestone.id'],
    ],
    [
      'a due date that is no date, a blank title',
      { kind: 'set_milestone', projectId: 'canteen', milestone: { title: ' ', dueAt: 'soon' } },
      ['milestone.title', 'milestone.dueAt'],
    ],
    ['setting a milestone needs one', { kind: 'set_milestone', projectId: 'canteen' }, ['milestone']],
    ['a note', { kind: 'note', text: 'Next meeting at the kindergarten' }, []],
    ['a note about a project', { kind: 'note', text: 'Thanks', projectId: 'gala' }, []],
    ['a note needs text', { kind: 'note' }, ['text']],
    ['a blank note', { kind: 'note', text: '  ' }, ['text']],
    ['a note takes no unit', { kind: 'note', text: 'x', unitId: 'clinic' }, ['unitId']],
    [
      'an approval takes no milestone',
      { kind: 'approve_project', projectId: 'baby-room', milestone: { title: 'x', dueAt } },
      ['milestone'],
    ],
    ['an unknown kind', { kind: 'vote' as MeetingDecision['kind'] }, ['kind']],
  ];
  for (const [name, decision, paths] of cases) {
    it(name, () =>
      assert.deepEqual(
        decisionProblems(decision, context).map((p) => p.path),
        paths,
      ),
    );
  }
});
