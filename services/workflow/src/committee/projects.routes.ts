import { randomUUID } from 'node:crypto';
import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { NeedDoc, ProjectDoc, ProjectMilestone, ResourceDoc } from '@grid-dispatch/db';
import {
  acceptsEvaluation,
  advanceProject,
  canBeServedByNewProject,
  changeMilestone,
  type FieldError,
  needStatusAfterDelivery,
  PROJECT_STATUSES,
  PROJECT_STEPS,
  type ProjectRefusal,
  type ProjectRole,
  type ProjectStep,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody, principalOf, requireStaff } from '@grid-dispatch/http';
import { type Request, Router } from 'express';
import { conflict, invalid, throwIfInvalid } from '../http/admin/admin.common';
import {
  type CommitteeContext,
  findCommunity,
  isSecretaryOf,
  memberUnitIds,
  pathId,
  residentKey,
  staffActor,
} from './committee-context';
import { listQuery, pageOf } from './committee-query';
import { projectView, publicProjectView } from './committee-views';
import { COMMITTEE_STAFF, matchableResourceFilter } from './needs.routes';
import {
  milestoneWaiveBody,
  type ProjectCreateBody,
  projectApproveBody,
  projectCreateBody,
  projectEvaluationBody,
  projectStepBody,
} from './projects-bodies';
import { changedMeanwhile, checkIfMatch } from './version-check';

/** Writes to other records that follow a project's step are retried this often on a version conflict. */
const ATTEMPTS = 3;
/** The statuses residents see a project in (a proposal is the committee's business until approved). */
const PUBLIC_STATUSES = ['approved', 'in_progress', 'delivered', 'evaluated'] as const;

function scopeFilter(principal: StaffPrincipal): Record<string, unknown> | null {
  if (principal.role.endsWith('_secretary') && principal.areaId) return { areaIds: principal.areaId };
  if (principal.role === 'unit_member' && principal.unitId) return { unitIds: principal.unitId };
  return null;
}

/** How the caller stands to a project they can see (see ProjectRole). */
function roleIn(principal: StaffPrincipal, project: ProjectDoc): ProjectRole {
  if (isSecretaryOf(principal, project)) return 'secretary';
  return principal.unitId === project.leadUnitId ? 'lead' : 'participant';
}

function refuse(outcome: ProjectRefusal): AppError {
  if (outcome.code === 'VALIDATION_FAILED') return invalid(outcome.field ?? '(body)', outcome.message);
  return new AppError(outcome.code, outcome.message);
}

/** Every problem with a new project only the data can show, each naming its field (422). */
async function checkedProject(ctx: CommitteeContext, principal: StaffPrincipal, body: ProjectCreateBody) {
  const { platform } = ctx;
  const community = await findCommunity(platform, body.communityId, 'communityId');
  if (!isSecretaryOf(principal, community)) throw invalid('communityId', 'not a community in your scope');
  const problems: FieldError[] = [];
  const needs = await platform.models.needs
    .find({ _id: { $in: body.needIds }, communityId: community.id })
    .lean<NeedDoc[]>()
    .exec();
  body.needIds.forEach((id, i) => {
    const need = needs.find((n) => n._id === id);
    if (!need) problems.push({ path: `needIds[${i}]`, message: `no need "${id}" in this community` });
    else if (!canBeServedByNewProject(need.status))
      problems.push({ path: `needIds[${i}]`, message: `the need is ${need.status}; accept it first` });
  });
  const resources = await platform.models.resources
    .find({ _id: { $in: body.resourceIds }, ...matchableResourceFilter(community.areaIds) })
    .lean<ResourceDoc[]>()
    .exec();
  body.resourceIds.forEach((id, i) => {
    if (!resources.some((r) => r._id === id))
      problems.push({ path: `resourceIds[${i}]`, message: `no resource "${id}" near this community` });
  });
  (body.commitments ?? []).forEach((c, i) => {
    const resource = resources.find((r) => r._id === c.resourceId);
    if (!body.resourceIds.includes(c.resourceId))
      problems.push({ path: `commitments[${i}].resourceId`, message: 'not one of resourceIds' });
    else if (resource && c.amount > resource.capacity - resource.committed)
      problems.push({
        path: `commitments[${i}].amount`,
        message: `only ${resource.capacity - resource.committed} left`,
      });
  });
  const members = await memberUnitIds(platform, community);
  if (!members.has(body.leadUnitId))
    problems.push({ path: 'leadUnitId', message: 'not a member unit of this joint committee' });
  (body.participantUnitIds ?? []).forEach((id, i) => {
    if (!members.has(id))
      problems.push({
        path: `participantUnitIds[${i}]`,
        message: 'not a member unit of this joint committee',
      });
    else if (id === body.leadUnitId)
      problems.push({ path: `participantUnitIds[${i}]`, message: 'already the lead unit' });
  });
  const now = Date.now();
  (body.milestones ?? []).forEach((m, i) => {
    if (Date.parse(m.dueAt) <= now)
      problems.push({ path: `milestones[${i}].dueAt`, message: 'must be in the future' });
  });
  throwIfInvalid(problems);
  return community;
}

/**
 * The projects list:
 * - secretaries make a project from accepted needs and resources (/api/v1/projects), approve it
 *   (at a joint meeting or themselves), and may take every other step; the lead unit starts and
 *   delivers it; every unit of the project marks milestones done; a secretary waives one;
 * - the lead and participating units see their projects, secretaries those of their area;
 * - residents see the approved and later projects of their community and rate a delivered one,
 *   once per device (/api/v1/communities/{communityId}/projects).
 * Approval takes each commitment from its resource's remaining capacity; delivery gives it back
 * and marks the project's accepted needs served.
 */
export function projectsRouter(ctx: CommitteeContext): Router {
  const { platform, config, outbox } = ctx;
  const projects = platform.models.projects;
  const router = Router();
  const staff = requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, COMMITTEE_STAFF);

  const inScope = async (req: Request) => {
    const id = pathId(req, 'id', 'project');
    const scope = scopeFilter(principalOf(req));
    const project = scope
      ? await projects
          .findOne({ _id: id, ...scope })
          .lean<ProjectDoc>()
          .exec()
      : null;
    if (!project) throw new AppError('NOT_FOUND', `No project "${id}".`);
    return project;
  };
  const publicProject = async (req: Request) => {
    const id = pathId(req, 'id', 'project');
    const project = await projects
      .findOne({
        _id: id,
        communityId: pathId(req, 'communityId', 'community'),
        status: { $in: PUBLIC_STATUSES },
      })
      .lean<ProjectDoc>()
      .exec();
    if (!project) throw new AppError('NOT_FOUND', `No project "${id}" in this community.`);
    return project;
  };
  const respond = (res: import('express').Response, project: ProjectDoc, status = 200) => {
    res.setHeader('ETag', `"${project.version}"`);
    res.status(status).json(projectView(project));
  };

  router.get('/communities/:communityId/projects', async (req, res) => {
    await ctx.publicThrottle.take(req.ip ?? 'unknown');
    const community = await findCommunity(platform, pathId(req, 'communityId', 'community'));
    const items = await projects
      .find({ communityId: community.id, status: { $in: PUBLIC_STATUSES } })
      .sort({ proposedAt: -1 })
      .limit(200)
      .lean<ProjectDoc[]>()
      .exec();
    res.json({ items: items.map(publicProjectView) });
  });

  router.get('/communities/:communityId/projects/:id', async (req, res) => {
    await ctx.publicThrottle.take(req.ip ?? 'unknown');
    res.json(publicProjectView(await publicProject(req)));
  });

  router.post('/communities/:communityId/projects/:id/evaluations', async (req, res) => {
    await ctx.publicThrottle.take(req.ip ?? 'unknown');
    let project = await publicProject(req);
    const body = parseBody(projectEvaluationBody, req.body);
    for (let attempt = 1; ; attempt++) {
      if (!acceptsEvaluation(project.status))
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `This project is ${project.status}; it takes evaluations once delivered.`,
        );
      const key = residentKey(project._id, 'device', body.device);
      if (project.evaluatorKeys.includes(key))
        throw new AppError('ILLEGAL_TRANSITION', 'This device has evaluated the project already.');
      const evaluation = { score: body.score, comment: body.comment || null, at: new Date() };
      const updated = await outbox.update<ProjectDoc>(
        'project',
        project,
        { evaluations: [...project.evaluations, evaluation], evaluatorKeys: [...project.evaluatorKeys, key] },
        {
          type: 'project.rated',
          actor: { kind: 'resident' },
          payload: { score: body.score, evaluations: project.evaluations.length + 1 },
        },
      );
      if (updated) {
        res.status(201).json(publicProjectView(updated));
        return;
      }
      if (attempt >= ATTEMPTS) throw changedMeanwhile('project');
      project = await publicProject(req);
    }
  });

  router.get('/projects', staff, async (req, res) => {
    const { filter, limit } = listQuery(req.query, {
      communityId: null,
      status: PROJECT_STATUSES,
      leadUnitId: null,
    });
    const scope = scopeFilter(principalOf(req));
    if (!scope) {
      res.json({ items: [], nextCursor: null });
      return;
    }
    const docs = await projects
      .find({ ...filter, ...scope })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<ProjectDoc[]>()
      .exec();
    res.json(pageOf(docs, limit, projectView));
  });

  router.post('/projects', staff, async (req, res) => {
    const principal = principalOf(req);
    const body = parseBody(projectCreateBody, req.body);
    const community = await checkedProject(ctx, principal, body);
    const participantUnitIds = [...new Set(body.participantUnitIds ?? [])];
    const milestones: ProjectMilestone[] = (body.milestones ?? []).map((m) => ({
      id: randomUUID(),
      title: m.title,
      dueAt: new Date(m.dueAt),
      doneAt: null,
      waivedAt: null,
      waiveReason: null,
    }));
    const created = await outbox.create<ProjectDoc>(
      'project',
      {
        _id: randomUUID(),
        communityId: community.id,
        areaIds: community.areaIds,
        title: body.title,
        description: body.description,
        needIds: [...new Set(body.needIds)],
        resourceIds: [...new Set(body.resourceIds)],
        commitments: body.commitments ?? [],
        leadUnitId: body.leadUnitId,
        participantUnitIds,
        unitIds: [body.leadUnitId, ...participantUnitIds],
        milestones,
        status: 'proposed',
        approvedAtMeetingId: null,
        evaluations: [],
        evaluatorKeys: [],
        approvedAt: null,
        startedAt: null,
        deliveredAt: null,
        evaluatedAt: null,
        createdBy: principal.userId,
      } as unknown as Omit<ProjectDoc, 'version' | 'outbox' | 'outboxPending'>,
      {
        type: 'project.proposed',
        actor: staffActor(principal),
        payload: {
          needIds: body.needIds,
          resourceIds: body.resourceIds,
          leadUnitId: body.leadUnitId,
          participantUnitIds,
          milestones: milestones.length,
        },
      },
    );
    respond(res, created, 201);
  });

  router.get('/projects/:id', staff, async (req, res) => {
    respond(res, await inScope(req));
  });

  router.post('/projects/:id/milestones/:milestoneId/:change', staff, async (req, res) => {
    const change = req.params.change;
    if (change !== 'done' && change !== 'waive')
      throw new AppError('NOT_FOUND', `No milestone change "${change}"; done or waive.`);
    const principal = principalOf(req);
    const project = await inScope(req);
    const milestoneId = String(req.params.milestoneId);
    const reason = change === 'waive' ? parseBody(milestoneWaiveBody, req.body).reason.trim() : null;
    if (change === 'done') parseBody(projectStepBody, req.body ?? {});
    checkIfMatch(req, project.version, 'project');
    const outcome = changeMilestone(
      project,
      milestoneId,
      reason === null ? { kind: 'done' } : { kind: 'waive', reason },
      roleIn(principal, project),
    );
    if (!outcome.ok)
      throw outcome.code === 'ILLEGAL_TRANSITION' && !project.milestones.some((m) => m.id === milestoneId)
        ? new AppError('NOT_FOUND', `No milestone "${milestoneId}" in this project.`)
        : refuse(outcome);
    const now = new Date();
    const milestones = project.milestones.map((m) =>
      m.id !== milestoneId
        ? m
        : reason === null
          ? { ...m, doneAt: now }
          : { ...m, waivedAt: now, waiveReason: reason },
    );
    const updated = await outbox.update<ProjectDoc>(
      'project',
      project,
      { milestones },
      {
        type: 'project.milestone_done',
        actor: staffActor(principal),
        payload: { milestoneId, waived: reason !== null },
      },
    );
    if (!updated) throw changedMeanwhile('project');
    respond(res, updated);
  });

  router.post('/projects/:id/:step', staff, async (req, res) => {
    const step = req.params.step as ProjectStep;
    if (!PROJECT_STEPS.includes(step))
      throw new AppError('NOT_FOUND', `No project step "${req.params.step}".`);
    const principal = principalOf(req);
    const project = await inScope(req);
    const meetingId =
      step === 'approve' ? (parseBody(projectApproveBody, req.body ?? {}).meetingId ?? null) : null;
    if (step !== 'approve') parseBody(projectStepBody, req.body ?? {});
    checkIfMatch(req, project.version, 'project');
    const updated = await runProjectStep(ctx, project, step, principal, meetingId);
    respond(res, updated);
  });

  return router;
}

/**
 * One step of a project's life (approve, start, deliver, close the evaluation) by a member of
 * staff, with everything it brings: capacity taken at approval and given back at delivery, the
 * milestone timers, the needs served. The projects API and the joint meeting's decisions both
 * take this path. Throws the refusal (403, 409, 422) when the step is not allowed.
 */
export async function runProjectStep(
  ctx: CommitteeContext,
  project: ProjectDoc,
  step: ProjectStep,
  principal: StaffPrincipal,
  meetingId: string | null,
): Promise<ProjectDoc> {
  const { outbox } = ctx;
  const outcome = advanceProject(project, step, roleIn(principal, project));
  if (!outcome.ok) throw refuse(outcome);
  if (step === 'approve') await checkCommitmentsFit(ctx, project);
  const now = new Date();
  const stamps: Partial<ProjectDoc> =
    step === 'approve'
      ? { approvedAt: now, approvedAtMeetingId: meetingId }
      : step === 'start'
        ? { startedAt: now }
        : step === 'deliver'
          ? { deliveredAt: now }
          : { evaluatedAt: now };
  const updated = await outbox.update<ProjectDoc>(
    'project',
    project,
    { status: outcome.status, ...stamps },
    {
      type: 'project.status_changed',
      actor: staffActor(principal),
      payload: {
        from: project.status,
        to: outcome.status,
        ...(step === 'approve' ? { approvedAtMeetingId: meetingId } : {}),
      },
    },
  );
  if (!updated) throw changedMeanwhile('project');
  const actor = staffActor(principal);
  if (step === 'approve') {
    await moveCommitments(ctx, updated, +1, actor);
    await ctx.milestoneTimers.schedule(updated);
  }
  if (step === 'deliver') {
    await moveCommitments(ctx, updated, -1, actor);
    await serveNeeds(ctx, updated, actor);
  }
  return updated;
}

/** Approval takes capacity: 409 when a resource no longer has what the project was made with. */
async function checkCommitmentsFit(ctx: CommitteeContext, project: ProjectDoc): Promise<void> {
  if (project.commitments.length === 0) return;
  const resources = await ctx.platform.models.resources
    .find({ _id: { $in: project.commitments.map((c) => c.resourceId) } })
    .lean<ResourceDoc[]>()
    .exec();
  for (const c of project.commitments) {
    const r = resources.find((x) => x._id === c.resourceId);
    const left = r && !r.withdrawnAt ? r.capacity - r.committed : 0;
    if (c.amount > left)
      throw conflict(
        `Resource "${r?.title ?? c.resourceId}" has ${left} left, the project needs ${c.amount}.`,
      );
  }
}

/**
 * Adds (approval) or gives back (delivery) each commitment on its resource, with a
 * resource.changed event. After the project's own write, each retried on a version conflict.
 */
async function moveCommitments(
  ctx: CommitteeContext,
  project: ProjectDoc,
  sign: 1 | -1,
  actor: ReturnType<typeof staffActor>,
): Promise<void> {
  for (const c of project.commitments) {
    await retried(ctx, async () => {
      const r = await ctx.platform.models.resources.findById(c.resourceId).lean<ResourceDoc>().exec();
      if (!r) return true;
      const committed = Math.max(0, r.committed + sign * c.amount);
      return ctx.outbox.update<ResourceDoc>(
        'resource',
        r,
        { committed },
        {
          type: 'resource.changed',
          actor,
          payload: {
            change: sign > 0 ? 'committed' : 'released',
            unitId: r.unitId,
            kind: r.kind,
            capacity: r.capacity,
            committed,
            projectId: project._id,
          },
        },
      );
    });
  }
}

/** A delivered project's accepted needs become served (see needStatusAfterDelivery). */
async function serveNeeds(ctx: CommitteeContext, project: ProjectDoc, actor: ReturnType<typeof staffActor>) {
  for (const needId of project.needIds) {
    await retried(ctx, async () => {
      const need = await ctx.platform.models.needs.findById(needId).lean<NeedDoc>().exec();
      if (!need) return true;
      const status = needStatusAfterDelivery(need.status);
      if (status === need.status) return true;
      return ctx.outbox.update<NeedDoc>(
        'need',
        need,
        { status },
        { type: 'need.served', actor, payload: { status, projectId: project._id } },
      );
    });
  }
}

async function retried(ctx: CommitteeContext, write: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) if (await write()) return;
  ctx.platform.logger.warn('a committee follow-up write lost to concurrent changes three times');
}
