import { z } from '@grid-dispatch/config';
import {
  actorSchema,
  deadlinesSchema,
  geoJsonPolygonSchema,
  isoInstantSchema,
  latLngSchema,
  localizedNameSchema,
  pageSchemaOf,
  prioritySchema,
  ratingSchema,
  ticketStatusSchema,
} from '@grid-dispatch/contracts';
import {
  AREA_LEVELS,
  type AreaLevel,
  CLOCK_KINDS,
  type ClockKind,
  emptyCounts,
  type KpiCounts,
} from '@grid-dispatch/domain';

/*
 * The answers of the workflow service's public endpoints. The OpenAPI
 * document is generated from these; the end-to-end OpenAPI test checks every answer against it.
 * A plain object may gain fields (the API changes only by addition); a strict one lists every
 * field it will ever carry (no personal data beyond what is named).
 */

const id = z.string();
const ids = z.array(z.string());

/** GET /api/v1/categories: an active category with its priority and limits. */
export const categoryAnswer = z.object({
  code: z.string(),
  name: localizedNameSchema,
  description: localizedNameSchema.optional(),
  priority: prioritySchema,
  ackWithin: z.string().describe('ISO-8601 duration; on a working clock P1D is one working day'),
  resolveWithin: z.string().describe('ISO-8601 duration, from signing'),
  calendar: z.enum(CLOCK_KINDS as readonly [ClockKind, ...ClockKind[]]).optional(),
  active: z.boolean(),
});

/** GET /api/v1/areas: one area of the hierarchy. */
export const areaAnswer = z.object({
  id,
  name: localizedNameSchema,
  level: z.enum(AREA_LEVELS as readonly [AreaLevel, ...AreaLevel[]]),
  parentId: z.string().nullable(),
  boundary: geoJsonPolygonSchema.optional(),
  dutyUnitId: z
    .string()
    .nullable()
    .optional()
    .describe('Districts only: the duty desk unit that takes what the responsibility list does not cover'),
});

/** GET /api/v1/units: a member unit, for staff pickers. */
export const unitAnswer = z.object({
  id,
  name: localizedNameSchema,
  kind: z.string(),
  areaIds: ids,
  active: z.boolean(),
});

/** One entry of a ticket's history as staff see it. */
const ticketEvent = z.object({
  eventId: z.string(),
  type: z.string(),
  version: z.number().int(),
  at: isoInstantSchema,
  actor: actorSchema,
  payload: z.record(z.string(), z.unknown()).optional(),
});

/** GET /api/v1/tickets/{id} and every action's answer: the staff view of a ticket. */
export const staffTicketAnswer = z.object({
  id,
  trackingCode: z.string(),
  version: z.number().int().min(1).describe('Send it back as If-Match with an action'),
  status: ticketStatusSchema,
  category: z.string(),
  priority: prioritySchema,
  description: z.string().optional(),
  address: z.string().nullable().optional(),
  location: latLngSchema.nullable(),
  photos: ids.optional(),
  areaIds: ids.describe('Most specific first: grid, community, sub-district, district'),
  unitId: z.string().nullable(),
  assistUnitIds: ids,
  escalationLevel: z.number().int().min(0).max(3),
  deadlines: deadlinesSchema,
  pendingRequest: z
    .object({ kind: z.enum(['return', 'extension']) })
    .nullable()
    .optional()
    .describe('A return or an extension awaiting a secretary’s decision'),
  clockPauses: z
    .array(
      z.object({
        deadline: z.string(),
        from: z.string(),
        to: z.string().nullable(),
        reason: z.string().optional(),
      }),
    )
    .optional(),
  mergedInto: z.string().nullable().optional(),
  rating: ratingSchema.nullable().optional(),
  supporters: z.number().int().min(0).optional().describe('Residents nearby who said "I have this too"'),
  heldByPlannedWorks: z
    .string()
    .optional()
    .describe('The planned works holding this report back from dispatch until they end (absent otherwise)'),
  channel: z
    .enum(['web', 'open311', 'hotline'])
    .optional()
    .describe('How the report came in: the own form, an Open311 client, or a hotline agent for a caller'),
  createdAt: isoInstantSchema.optional(),
  updatedAt: isoInstantSchema.optional(),
  reporter: z
    .strictObject({ name: z.string().optional(), phoneMasked: z.string().optional() })
    .optional()
    .describe('The reporter’s contact as staff see it: the phone masked (138****8000)'),
  events: z.array(ticketEvent).optional().describe('The full history, oldest first (not in lists)'),
});

/** GET /api/v1/tickets: a page of the caller's tickets. */
export const ticketPageAnswer = pageSchemaOf(staffTicketAnswer);

const rate = (what: string) =>
  z.number().min(0).max(1).nullable().describe(`${what}; 0..1, null over nothing`);
const duration = (what: string) =>
  z.string().regex(/^P/).nullable().describe(`${what}, ISO-8601 duration; null over nothing`);

/** The names of the KPI counts, from the domain's own tally. */
const COUNT_NAMES = Object.keys(emptyCounts()) as Array<keyof KpiCounts>;

/** The KPI figures of a scope: the four rates, the times to sign and to fix, the counts. */
const kpiFigures = z.object({
  responseRate: rate('响应率: dispatches signed within the sign limit / dispatches'),
  onTimeRate: rate(
    '按时办结率: dispatches fixed within the fix limit (after approved extensions) / came due',
  ),
  resolutionRate: rate('解决率: closures not undone by a dissatisfied rating / closures'),
  satisfactionRate: rate('满意率: (satisfied + basically satisfied) / ratings'),
  returnRate: rate('退单率: dispatches the unit returned / dispatches'),
  extensionRate: rate('延期率: dispatches with an extension request / signed'),
  reworkRate: rate('返工率: fixes sent back / fixes'),
  ackP50: duration('Median time to sign, from dispatch'),
  ackP90: duration('90th percentile time to sign'),
  resolveP50: duration('Median time to fix, from signing'),
  resolveP90: duration('90th percentile time to fix'),
  counts: z.object(
    Object.fromEntries(COUNT_NAMES.map((name) => [name, z.number().int().min(0)])) as Record<
      keyof KpiCounts,
      z.ZodNumber
    >,
  ),
});

/** GET /api/v1/kpis: the figures of a scope and period, units ranked, drill-downs. */
export const kpiReportAnswer = kpiFigures.extend({
  areaId: z.string().nullable(),
  unitId: z.string().nullable(),
  from: z.iso.date(),
  to: z.iso.date(),
  units: z.array(
    kpiFigures.extend({
      unitId: z.string(),
      name: localizedNameSchema.nullable(),
      score: z.number().nullable().describe('The mean of the four headline rates that count (0..1)'),
      rank: z.number().int().min(1),
    }),
  ),
  byCategory: z.array(kpiFigures.extend({ category: z.string() })),
  byArea: z.array(kpiFigures.extend({ areaId: z.string() }).describe('The areas one level below')),
});
