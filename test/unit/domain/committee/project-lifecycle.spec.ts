import assert from 'node:assert/strict';
import {
  acceptsEvaluation,
  advanceProject,
  changeMilestone,
  PROJECT_STATUSES,
  PROJECT_STEP_RULES,
  PROJECT_STEPS,
  type ProjectRole,
  type ProjectState,
  type ProjectStatus,
  type ProjectStep,
} from '@grid-dispatch/domain';

const ROLES: ProjectRole[] = ['secretary', 'lead', 'participant'];
const done = { id: 'm1', title: 'Room fitted', dueAt: '2026-12-10', doneAt: '2026-12-09' };
const waived = { id: 'm2', title: 'Opening party', dueAt: '2026-12-20', waivedAt: '2026-12-19' };
const pending = { id: 'm3', title: 'Staff trained', dueAt: '2026-12-15' };

const project = (status: ProjectStatus, overrides: Partial<ProjectState> = {}): ProjectState => ({
  status,
  milestones: [done, waived],
  evaluations: [{ score: 5 }],
  ...overrides,
});

describe('committee: project status machine', () => {
  // Every step × every status × every role: allowed exactly when the table says so.
  for (const step of PROJECT_STEPS) {
    const rule = PROJECT_STEP_RULES[step];
    for (const status of PROJECT_STATUSES) {
      for (const role of ROLES) {
        const allowedRole = rule.roles.includes(role);
        const expected = !allowedRole ? 'FORBIDDEN' : status === rule.from ? rule.to : 'ILLEGAL_TRANSITION';
        it(`${step} by ${role} from ${status} → ${expected}`, () => {
          const outcome = advanceProject(project(status), step, role);
          assert.equal(outcome.ok ? outcome.status : outcome.code, expected);
        });
      }
    }
  }

  it('runs proposed → approved → in_progress → delivered → evaluated', () => {
    const path: [ProjectStep, ProjectRole][] = [
      ['approve', 'secretary'],
      ['start', 'lead'],
      ['deliver', 'lead'],
      ['evaluate', 'secretary'],
    ];
    let state = project('proposed');
    for (const [step, role] of path) {
      const outcome = advanceProject(state, step, role);
      assert.ok(outcome.ok, step);
      state = { ...state, status: outcome.status };
    }
    assert.equal(state.status, 'evaluated');
  });

  it('refuses delivery while a milestone is neither done nor waived, naming it', () => {
    const outcome = advanceProject(
      project('in_progress', { milestones: [done, pending] }),
      'deliver',
      'lead',
    );
    assert.equal(outcome.ok, false);
    assert.match(!outcome.ok ? outcome.message : '', /Staff trained/);
  });

  it('delivers a project without milestones', () => {
    assert.deepEqual(advanceProject(project('in_progress', { milestones: [] }), 'deliver', 'secretary'), {
      ok: true,
      status: 'delivered',
    });
  });

  it('closes the evaluation only once a resident has rated', () => {
    const outcome = advanceProject(project('delivered', { evaluations: [] }), 'evaluate', 'secretary');
    assert.equal(outcome.ok ? outcome.status : outcome.code, 'ILLEGAL_TRANSITION');
  });

  it('takes residents’ evaluations only while delivered', () => {
    assert.deepEqual(
      PROJECT_STATUSES.filter((s) => acceptsEvaluation(s)),
      ['delivered'],
    );
  });
});

describe('committee: milestones', () => {
  const withPending = (status: ProjectStatus) => project(status, { milestones: [done, waived, pending] });
  const table: [string, ProjectState, string, Parameters<typeof changeMilestone>[2], ProjectRole, string][] =
    [
      ['the lead unit marks one done', withPending('in_progress'), 'm3', { kind: 'done' }, 'lead', 'ok'],
      ['a participant marks one done', withPending('approved'), 'm3', { kind: 'done' }, 'participant', 'ok'],
      ['the secretary marks one done', withPending('in_progress'), 'm3', { kind: 'done' }, 'secretary', 'ok'],
      [
        'the secretary waives one with a reason',
        withPending('in_progress'),
        'm3',
        { kind: 'waive', reason: 'Trainer moved away' },
        'secretary',
        'ok',
      ],
      [
        'a waiver needs a reason',
        withPending('in_progress'),
        'm3',
        { kind: 'waive', reason: ' ' },
        'secretary',
        'VALIDATION_FAILED',
      ],
      [
        'only a secretary waives',
        withPending('in_progress'),
        'm3',
        { kind: 'waive', reason: 'Trainer moved away' },
        'lead',
        'FORBIDDEN',
      ],
      [
        'a done one stays done',
        withPending('in_progress'),
        'm1',
        { kind: 'done' },
        'lead',
        'ILLEGAL_TRANSITION',
      ],
      [
        'a waived one stays waived',
        withPending('in_progress'),
        'm2',
        { kind: 'done' },
        'lead',
        'ILLEGAL_TRANSITION',
      ],
      ['an unknown one', withPending('in_progress'), 'mx', { kind: 'done' }, 'lead', 'ILLEGAL_TRANSITION'],
      ['not before approval', withPending('proposed'), 'm3', { kind: 'done' }, 'lead', 'ILLEGAL_TRANSITION'],
      ['not after delivery', withPending('delivered'), 'm3', { kind: 'done' }, 'lead', 'ILLEGAL_TRANSITION'],
    ];
  for (const [title, state, id, change, role, expected] of table) {
    it(title, () => {
      const outcome = changeMilestone(state, id, change, role);
      assert.equal(outcome.ok ? 'ok' : outcome.code, expected);
    });
  }
});
