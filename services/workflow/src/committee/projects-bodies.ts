import { z } from '@grid-dispatch/config';
import { isoInstantSchema } from '@grid-dispatch/contracts';
import { PROJECT_STATUSES } from '@grid-dispatch/domain';
import { deviceBody, recordId, text } from './committee-fields';

/*
 * Bodies and answers of the projects list: secretaries make projects from accepted needs and
 * resources at /api/v1/projects; the lead unit and the secretary move them on; residents rate a
 * delivered project at /api/v1/communities/{communityId}/projects/{id}/evaluations.
 */

/** POST /api/v1/projects. */
export const projectCreateBody = z
  .object({
    communityId: recordId,
    title: text(2, 100),
    description: text(5, 2000),
    needIds: z.array(recordId).min(1).max(20).describe('Accepted needs of the community'),
    resourceIds: z.array(recordId).min(1).max(20).describe("Resources of the community's sub-district"),
    commitments: z
      .array(z.object({ resourceId: recordId, amount: z.number().int().min(1, 'at least 1') }).strict())
      .max(20)
      .optional()
      .describe('How much of each resource the project uses once approved (at most what is left)'),
    leadUnitId: recordId.describe('A member unit of the community’s joint committee'),
    participantUnitIds: z.array(recordId).max(20).optional(),
    milestones: z
      .array(z.object({ title: text(2, 100), dueAt: isoInstantSchema.describe('In the future') }).strict())
      .max(30)
      .optional(),
  })
  .strict();
export type ProjectCreateBody = z.infer<typeof projectCreateBody>;

/** POST /api/v1/projects/{id}/approve. */
export const projectApproveBody = z
  .object({
    meetingId: recordId
      .optional()
      .describe('The joint meeting that approved it; absent: approved by the secretary'),
  })
  .strict();

/** POST /api/v1/projects/{id}/start, /deliver, /evaluate: nothing more than the step. */
export const projectStepBody = z.object({}).strict();

/** POST /api/v1/projects/{id}/milestones/{milestoneId}/waive. */
export const milestoneWaiveBody = z.object({ reason: z.string().max(2000) }).strict();

/** POST /api/v1/communities/{communityId}/projects/{id}/evaluations: a resident, once per device. */
export const projectEvaluationBody = z
  .object({
    device: deviceBody,
    score: z.number().int().min(1, '1 to 5').max(5, '1 to 5'),
    comment: z.string().trim().max(500, 'at most 500 characters').optional(),
  })
  .strict();

const milestone = {
  id: z.string(),
  title: z.string(),
  dueAt: isoInstantSchema,
  doneAt: isoInstantSchema.nullable(),
  waivedAt: isoInstantSchema.nullable(),
};

const publicProject = {
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  description: z.string(),
  needIds: z.array(z.string()),
  leadUnitId: z.string(),
  participantUnitIds: z.array(z.string()),
  status: z.enum(PROJECT_STATUSES),
  evaluationCount: z.number().int(),
  averageScore: z.number().nullable(),
  proposedAt: isoInstantSchema,
  deliveredAt: isoInstantSchema.nullable(),
};

/** A project as residents see it (no comments, no staff, no commitments). */
export const publicProjectAnswer = z.strictObject({
  ...publicProject,
  milestones: z.array(z.strictObject(milestone)),
});
export const publicProjectListAnswer = z.object({ items: z.array(publicProjectAnswer) });

/** A project as staff in scope see it. */
export const projectAnswer = z.object({
  ...publicProject,
  milestones: z.array(z.object({ ...milestone, waiveReason: z.string().nullable() })),
  resourceIds: z.array(z.string()),
  commitments: z.array(z.object({ resourceId: z.string(), amount: z.number().int() })),
  approvedAtMeetingId: z.string().nullable(),
  evaluations: z.array(
    z.object({ score: z.number().int(), comment: z.string().nullable(), at: isoInstantSchema }),
  ),
  approvedAt: isoInstantSchema.nullable(),
  startedAt: isoInstantSchema.nullable(),
  evaluatedAt: isoInstantSchema.nullable(),
  updatedAt: isoInstantSchema,
  version: z.number().int(),
});
export const projectListAnswer = z.object({
  items: z.array(projectAnswer),
  nextCursor: z.string().nullable(),
});
