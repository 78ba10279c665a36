import type { FieldError } from '../validation/field-error';

export const DECISION_KINDS = ['approve_project', 'assign_unit', 'set_milestone', 'note'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A decision recorded at a joint meeting. */
export interface MeetingDecision {
  kind: DecisionKind;
  projectId?: string;
  unitId?: string;
  /** A new milestone (no id) or a new due date for an existing one (its id). */
  milestone?: { id?: string; title: string; dueAt: string };
  text?: string;
}

/** What a decision is checked against: the committee's projects and member units. */
export interface DecisionContext {
  projects: ReadonlyArray<{
    id: string;
    status: string;
    leadUnitId: string;
    participantUnitIds: readonly string[];
    milestones: ReadonlyArray<{ id: string }>;
  }>;
  memberUnitIds: readonly string[];
}

/** Which fields each kind takes: required ones, and the ones it may carry besides. */
const FIELDS: Record<
  DecisionKind,
  { required: Array<keyof MeetingDecision>; optional: Array<keyof MeetingDecision> }
> = {
  approve_project: { required: ['projectId'], optional: ['text'] },
  assign_unit: { required: ['projectId', 'unitId'], optional: ['text'] },
  set_milestone: { required: ['projectId', 'milestone'], optional: ['text'] },
  note: { required: ['text'], optional: ['projectId'] },
};

/** A project whose work is over takes no more units or milestones. */
const FINISHED = new Set(['delivered', 'evaluated']);

/**
 * Every problem with a decision, named by field (empty when it may be recorded): the fields its
 * kind takes, a project of this committee in a status that allows it, a member unit not already on
 * the project, a milestone of that project with a real due date.
 */
export function decisionProblems(decision: MeetingDecision, context: DecisionContext): FieldError[] {
  const problems: FieldError[] = [];
  const fields = FIELDS[decision.kind];
  if (!fields) return [{ path: 'kind', message: `expected one of ${DECISION_KINDS.join(', ')}` }];
  for (const key of fields.required) {
    if (decision[key] === undefined) problems.push({ path: key, message: `required for ${decision.kind}` });
  }
  for (const key of ['projectId', 'unitId', 'milestone', 'text'] as const) {
    if (decision[key] !== undefined && !fields.required.includes(key) && !fields.optional.includes(key)) {
      problems.push({ path: key, message: `not taken by ${decision.kind}` });
    }
  }
  if (decision.text !== undefined && decision.text.trim() === '') {
    problems.push({ path: 'text', message: 'must not be blank' });
  }
  if (problems.length > 0 || decision.projectId === undefined) return problems;

  const project = context.projects.find((p) => p.id === decision.projectId);
  if (!project)
    return [{ path: 'projectId', message: `no project "${decision.projectId}" in this committee` }];
  if (decision.kind === 'approve_project' && project.status !== 'proposed') {
    problems.push({ path: 'projectId', message: `the project is ${project.status}, not proposed` });
  }
  if (
    (decision.kind === 'assign_unit' || decision.kind === 'set_milestone') &&
    FINISHED.has(project.status)
  ) {
    problems.push({ path: 'projectId', message: `the project is ${project.status} already` });
  }
  if (decision.kind === 'assign_unit' && decision.unitId !== undefined) {
    if (!context.memberUnitIds.includes(decision.unitId)) {
      problems.push({
        path: 'unitId',
        message: `"${decision.unitId}" is not a member unit of this committee`,
      });
    } else if (
      project.leadUnitId === decision.unitId ||
      project.participantUnitIds.includes(decision.unitId)
    ) {
      problems.push({ path: 'unitId', message: 'the unit takes part in the project already' });
    }
  }
  if (decision.kind === 'set_milestone' && decision.milestone) {
    const { id, title, dueAt } = decision.milestone;
    if (id !== undefined && !project.milestones.some((m) => m.id === id)) {
      problems.push({ path: 'milestone.id', message: `the project has no milestone "${id}"` });
    }
    if (title.trim() === '') problems.push({ path: 'milestone.title', message: 'must not be blank' });
    if (Number.isNaN(Date.parse(dueAt))) {
      problems.push({ path: 'milestone.dueAt', message: 'expected an ISO-8601 instant' });
    }
  }
  return problems;
}
