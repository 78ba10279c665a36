import type { ProjectStatus } from './committee-kinds';

/**
 * How a member of staff stands to a project: a secretary whose area holds the project's community,
 * a member of its lead unit, or of a participating unit. (Anyone else is outside its scope and
 * never reaches these rules: the route answers 404.)
 */
export type ProjectRole = 'secretary' | 'lead' | 'participant';

/** The steps of a project's life, each from one status to the next. */
export const PROJECT_STEPS = ['approve', 'start', 'deliver', 'evaluate'] as const;
export type ProjectStep = (typeof PROJECT_STEPS)[number];

export interface ProjectStepRule {
  from: ProjectStatus;
  to: ProjectStatus;
  /** Who may take the step. */
  roles: readonly ProjectRole[];
  /** What the step requires beyond the status, in words (the API document and errors quote it). */
  requires: string;
}

/**
 * The project status machine, proposed → approved → in_progress → delivered → evaluated.
 *
 * - approve: the committee decides, so only a secretary records it: at a joint meeting (the
 *   meeting's id is kept) or, between meetings, as approved by the secretary (no meeting id).
 * - start / deliver: the lead unit does the work and says so; the secretary may too (a lead unit
 *   without a staff account). Delivery requires every milestone done or explicitly waived by the
 *   secretary with a reason, so a project is never delivered with a silently skipped milestone.
 * - evaluate: the secretary closes the residents' evaluation, once at least one resident has rated
 *   the delivered project; evaluations are taken only while the project is delivered.
 */
export const PROJECT_STEP_RULES: Record<ProjectStep, ProjectStepRule> = {
  approve: {
    from: 'proposed',
    to: 'approved',
    roles: ['secretary'],
    requires: 'a secretary; a meeting id when approved at a joint meeting',
  },
  start: { from: 'approved', to: 'in_progress', roles: ['secretary', 'lead'], requires: 'nothing more' },
  deliver: {
    from: 'in_progress',
    to: 'delivered',
    roles: ['secretary', 'lead'],
    requires: 'every milestone done or waived',
  },
  evaluate: {
    from: 'delivered',
    to: 'evaluated',
    roles: ['secretary'],
    requires: 'at least one resident evaluation',
  },
};

export interface MilestoneState {
  id: string;
  title: string;
  dueAt: Date | string;
  doneAt?: Date | string | null;
  waivedAt?: Date | string | null;
}

export interface ProjectState {
  status: ProjectStatus;
  milestones: readonly MilestoneState[];
  evaluations: readonly unknown[];
}

/** Why a project rule refused: 403 the role may not, 409 the status does not allow, 422 a field. */
export type ProjectRefusal = {
  ok: false;
  code: 'FORBIDDEN' | 'ILLEGAL_TRANSITION' | 'VALIDATION_FAILED';
  field?: string;
  message: string;
};

export type ProjectStepOutcome = { ok: true; status: ProjectStatus } | ProjectRefusal;

/** Is a milestone finished for delivery's sake: done, or waived by the secretary. */
export function isMilestoneSettled(milestone: MilestoneState): boolean {
  return Boolean(milestone.doneAt) || Boolean(milestone.waivedAt);
}

/** Takes one step of the status machine, or says why it may not be taken. */
export function advanceProject(
  project: ProjectState,
  step: ProjectStep,
  role: ProjectRole,
): ProjectStepOutcome {
  const rule = PROJECT_STEP_RULES[step];
  if (!rule.roles.includes(role)) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `Only ${rule.roles.map(roleName).join(' or ')} may ${step} a project.`,
    };
  }
  if (project.status !== rule.from) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `The project is ${project.status}; ${step} needs it ${rule.from}.`,
    };
  }
  if (step === 'deliver') {
    const open = project.milestones.filter((m) => !isMilestoneSettled(m));
    if (open.length > 0) {
      return {
        ok: false,
        code: 'ILLEGAL_TRANSITION',
        message: `Milestones not done or waived: ${open.map((m) => m.title).join(', ')}.`,
      };
    }
  }
  if (step === 'evaluate' && project.evaluations.length === 0) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: 'No resident has evaluated the project yet.',
    };
  }
  return { ok: true, status: rule.to };
}

/** Milestones are worked on once the project is approved and until it is delivered. */
const MILESTONE_STATUSES: readonly ProjectStatus[] = ['approved', 'in_progress'];

export type MilestoneChange = { kind: 'done' } | { kind: 'waive'; reason: string };

/**
 * Marks a milestone done (any unit of the project, or the secretary) or waives it (the secretary
 * only, with a reason of 4–500 characters), while the project is approved or in progress.
 */
export function changeMilestone(
  project: ProjectState,
  milestoneId: string,
  change: MilestoneChange,
  role: ProjectRole,
): { ok: true } | ProjectRefusal {
  if (change.kind === 'waive' && role !== 'secretary') {
    return { ok: false, code: 'FORBIDDEN', message: 'Only a secretary may waive a milestone.' };
  }
  const milestone = project.milestones.find((m) => m.id === milestoneId);
  if (!milestone) return { ok: false, code: 'ILLEGAL_TRANSITION', message: `No milestone "${milestoneId}".` };
  if (!MILESTONE_STATUSES.includes(project.status)) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `The project is ${project.status}; milestones change while it is approved or in progress.`,
    };
  }
  if (isMilestoneSettled(milestone)) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `Milestone "${milestone.title}" is already ${milestone.doneAt ? 'done' : 'waived'}.`,
    };
  }
  if (change.kind === 'waive') {
    const length = change.reason.trim().length;
    if (length < 4 || length > 500)
      return { ok: false, code: 'VALIDATION_FAILED', field: 'reason', message: '4–500 characters' };
  }
  return { ok: true };
}

/** Residents rate a project while it is delivered (the secretary then closes the evaluation). */
export function acceptsEvaluation(status: ProjectStatus): boolean {
  return status === 'delivered';
}

function roleName(role: ProjectRole): string {
  return role === 'secretary' ? 'a secretary' : role === 'lead' ? 'the lead unit' : 'a participating unit';
}
