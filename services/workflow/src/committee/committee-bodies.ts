import { z } from '@grid-dispatch/config';
import { isoInstantSchema, localizedNameSchema } from '@grid-dispatch/contracts';
import { DECISION_KINDS } from '@grid-dispatch/domain';

/*
 * The bodies and answers of the joint committee's routes: the chair order, the monthly meetings,
 * the activities and the figures. Whether ids name this committee's units, projects and venues is
 * checked by the route (422 naming the field); versions travel in If-Match (409 when stale).
 */

const id = z.string().trim().min(1).max(100);
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
  .describe('The meeting month, YYYY-MM');

/** PUT /api/v1/committees/{communityId}/chair-order. */
export const chairOrderBody = z
  .object({
    unitIds: z
      .array(id)
      .max(200)
      .describe('Member units in the order they take the chair; members left out follow by id'),
  })
  .strict();

/** POST /api/v1/committees/{communityId}/meetings. */
export const meetingCreateBody = z
  .object({
    month,
    chairUnitId: id.optional().describe('Another member unit than the one proposed by the rotation'),
  })
  .strict();

/** PUT /api/v1/committees/{communityId}/meetings/{month}/attendees. */
export const attendeesBody = z
  .object({ attendeeUnitIds: z.array(id).max(200).describe('Member units present') })
  .strict();

const milestone = z
  .object({
    id: id.optional().describe('An existing milestone of the project, to move its due date'),
    title: z.string().trim().min(1).max(200),
    dueAt: isoInstantSchema,
  })
  .strict();

/** POST /api/v1/committees/{communityId}/meetings/{month}/decisions. */
export const decisionBody = z
  .object({
    kind: z.enum(DECISION_KINDS),
    projectId: id.optional().describe('approve_project, assign_unit, set_milestone; may go with a note'),
    unitId: id.optional().describe('assign_unit: a member unit to join the project'),
    milestone: milestone.optional().describe('set_milestone'),
    text: z.string().max(2000).optional().describe('note (required), or a remark with any other kind'),
  })
  .strict();

/** POST /api/v1/committees/{communityId}/meetings/{month}/hold. */
export const holdBody = z
  .object({
    minutes: z.string().max(20000).optional().describe('The minutes as written after the meeting'),
    heldAt: isoInstantSchema.optional().describe('When it was held; now if left out'),
  })
  .strict();

/** POST /api/v1/committees/{communityId}/activities. */
export const activityCreateBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(''),
    startsAt: isoInstantSchema,
    endsAt: isoInstantSchema.describe('Later than `startsAt`'),
    resourceId: id.optional().describe('A venue from the committee’s resources list'),
    organiserUnitId: id
      .optional()
      .describe('A member unit; a unit’s staff organise for their own unit (the default)'),
  })
  .strict();

const unitRef = z.object({ unitId: z.string(), name: localizedNameSchema });

export const chairOrderAnswer = z.object({
  communityId: z.string(),
  unitIds: z.array(z.string()).describe('The stored order'),
  order: z.array(unitRef).describe('The members in turn order (stored order, then the others by id)'),
  version: z.number().int().min(0).describe('0 while no order was stored'),
});

const decision = z.object({
  kind: z.enum(DECISION_KINDS),
  projectId: z.string().optional(),
  unitId: z.string().optional(),
  milestone: z.object({ id: z.string().optional(), title: z.string(), dueAt: z.string() }).optional(),
  text: z.string().optional(),
  at: isoInstantSchema,
});

export const meetingAnswer = z.object({
  id: z.string(),
  communityId: z.string(),
  month: z.string(),
  chair: unitRef,
  status: z.enum(['planned', 'held']),
  heldAt: isoInstantSchema.nullable(),
  attendeeUnitIds: z.array(z.string()),
  decisions: z.array(decision),
  minutes: z.string().nullable(),
  version: z.number().int().positive(),
  createdAt: isoInstantSchema,
});

export const meetingListAnswer = z.object({ items: z.array(meetingAnswer) });

const milestoneItem = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  leadUnitId: z.string(),
  milestone: z.object({
    id: z.string(),
    title: z.string(),
    dueAt: z.string(),
    doneAt: z.string().nullable().optional(),
  }),
  days: z.number().int(),
});

export const agendaAnswer = z.object({
  month: z.string(),
  since: isoInstantSchema.nullable().describe('When the previous meeting was held'),
  chair: unitRef,
  newNeeds: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      status: z.string(),
      peopleConcerned: z.number(),
      supporters: z.number(),
      raisedAt: z.string(),
    }),
  ),
  lateMilestones: z.array(milestoneItem),
  dueMilestones: z.array(milestoneItem),
  awaitingApproval: z.array(
    z.object({ id: z.string(), title: z.string(), leadUnitId: z.string(), proposedAt: z.string() }),
  ),
  tickets: z.object({ overdue: z.number().int(), open: z.number().int() }),
  kpis: z
    .object({})
    .passthrough()
    .describe('The KPI report of the community for the month (as GET /api/v1/kpis)'),
});

const bilingual = z.object({ zh: z.string(), en: z.string() });
export const minutesAnswer = z.object({
  title: bilingual,
  communityId: z.string(),
  community: bilingual,
  month: z.string(),
  status: z.enum(['planned', 'held']),
  heldAt: z.string().nullable(),
  chair: unitRef,
  attendees: z.array(unitRef),
  absent: z.array(unitRef),
  decisions: z.array(
    z.object({
      n: z.number().int(),
      kind: z.enum(DECISION_KINDS),
      label: bilingual,
      projectId: z.string().nullable(),
      projectTitle: z.string().nullable(),
      unitId: z.string().nullable(),
      unitName: bilingual.nullable(),
      milestone: z.object({ id: z.string().nullable(), title: z.string(), dueAt: z.string() }).nullable(),
      text: z.string().nullable(),
      at: z.string(),
    }),
  ),
  minutes: z.string().nullable(),
});

const activity = {
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: isoInstantSchema,
  endsAt: isoInstantSchema,
  venue: z.object({ resourceId: z.string(), title: z.string() }).nullable(),
  organiser: unitRef,
};

export const activityAnswer = z.object({
  ...activity,
  published: z.boolean(),
  publishedAt: isoInstantSchema.nullable(),
  version: z.number().int().positive(),
});
export const activityListAnswer = z.object({ items: z.array(activityAnswer) });

/** GET /api/v1/communities/{communityId}/activities: public, no staff data (closed). */
export const publicActivityListAnswer = z.object({ items: z.array(z.strictObject(activity)) });

const participation = z.object({
  unitId: z.string(),
  name: localizedNameSchema.nullable(),
  projectsLed: z.number().int(),
  projectsJoined: z.number().int(),
  resourcesOffered: z.number().int(),
});
const figures = {
  needs: z.object({ raised: z.number().int(), accepted: z.number().int(), served: z.number().int() }),
  delivered: z.object({
    total: z.number().int(),
    byMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
    byYear: z.array(z.object({ year: z.string(), count: z.number().int() })),
  }),
  medianDaysNeedToDelivered: z.number().nullable(),
  units: z.array(participation),
  satisfaction: z.object({ mean: z.number().nullable(), count: z.number().int() }),
};

export const committeeFiguresAnswer = z.object({
  areaId: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.object(figures),
  committees: z.array(z.object({ communityId: z.string(), name: localizedNameSchema, ...figures })),
});
