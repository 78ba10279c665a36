import { randomUUID } from 'node:crypto';
import type { ProjectDoc, ProjectMilestone } from '@grid-dispatch/db';
import type { MeetingDecision } from '@grid-dispatch/domain';
import { invalid } from '../http/admin/admin.common';
import { type CommitteeContext, staffActor } from './committee-context';
import type { DecisionEffectContext, DecisionEffects } from './decision-effects';
import { runProjectStep } from './projects.routes';
import { changedMeanwhile } from './version-check';

/**
 * What a joint meeting's decisions do to projects, through the projects' own write path: an
 * approval is the projects API's approve step (capacity, milestone timers, events); a unit joining
 * or a milestone set or moved is a version-checked change of the project with its event
 * (`project.changed`), and moved milestones get their timers again. A refusal (409, 422) throws,
 * so the meeting does not record a decision that did not happen.
 */
export function projectDecisionEffects(ctx: CommitteeContext): DecisionEffects {
  return {
    async apply(decision: MeetingDecision, { communityId, meetingId, principal }: DecisionEffectContext) {
      if (decision.kind === 'note' || decision.projectId === undefined) return;
      const project = await ctx.platform.models.projects
        .findOne({ _id: decision.projectId, communityId })
        .lean<ProjectDoc>()
        .exec();
      if (!project) throw invalid('projectId', `no project "${decision.projectId}" in this committee`);
      if (decision.kind === 'approve_project') {
        await runProjectStep(ctx, project, 'approve', principal, meetingId);
        return;
      }
      const actor = staffActor(principal);
      if (decision.kind === 'assign_unit' && decision.unitId !== undefined) {
        const updated = await ctx.outbox.update<ProjectDoc>(
          'project',
          project,
          { participantUnitIds: [...project.participantUnitIds, decision.unitId] },
          { type: 'project.changed', actor, payload: { unitJoined: decision.unitId, meetingId } },
        );
        if (!updated) throw changedMeanwhile('project');
        return;
      }
      if (decision.kind === 'set_milestone' && decision.milestone !== undefined) {
        const { id, title, dueAt } = decision.milestone;
        const milestones: ProjectMilestone[] = id
          ? project.milestones.map((m) =>
              m.id === id ? { ...m, title, dueAt: new Date(dueAt), remindedAt: null, missedAt: null } : m,
            )
          : [
              ...project.milestones,
              {
                id: randomUUID(),
                title,
                dueAt: new Date(dueAt),
                doneAt: null,
                waivedAt: null,
                waiveReason: null,
              },
            ];
        const updated = await ctx.outbox.update<ProjectDoc>(
          'project',
          project,
          { milestones },
          {
            type: 'project.changed',
            actor,
            payload: { milestone: { id: id ?? null, title, dueAt }, meetingId },
          },
        );
        if (!updated) throw changedMeanwhile('project');
        await ctx.milestoneTimers.schedule(updated);
      }
    },
  };
}
