import { z } from '@grid-dispatch/config';
import { isoInstantSchema, localizedNameSchema } from '@grid-dispatch/contracts';
import { PHOTO_CONTENT_TYPES } from '@grid-dispatch/db';
import { PHOTO_ID } from '@grid-dispatch/http';

/*
 * The answers of intake's public endpoints (README.md#the-api). The OpenAPI document is generated
 * from these; the end-to-end OpenAPI test checks every answer against it. A strict object lists
 * every field it will ever carry: what residents and the public see holds no personal data.
 */

/** POST /api/v1/reports: the stored report (or the same one again for a repeated Idempotency-Key). */
export const reportCreatedAnswer = z.object({
  ticketId: z.string(),
  trackingCode: z
    .string()
    .regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    .describe('What the resident follows the report by'),
  reporterToken: z.string().describe('Shown once: proves the reporter when rating the fix'),
  status: z.string(),
  duplicates: z
    .array(z.object({ trackingCode: z.string(), distanceM: z.number() }))
    .describe('Open reports of the category within the duplicate radius, distance rounded up to 50 m'),
  plannedWorks: z
    .strictObject({
      id: z.string(),
      unitId: z.string(),
      unitName: localizedNameSchema,
      endsAt: isoInstantSchema,
      notice: localizedNameSchema.describe('The unit’s public notice, Chinese and English'),
    })
    .optional()
    .describe(
      'Planned works of this category already cover the place: the report is linked to them and dispatched only if still open when they end',
    ),
});

/** GET /api/v1/reports/nearby: open reports of a category near a place, described, not identified. */
export const nearbyReportsAnswer = z.object({
  duplicates: z.array(
    z.strictObject({
      ref: z.string().describe('Names the report for POST /api/v1/reports/nearby/{ref}/support'),
      category: z.string(),
      summary: z.string().max(60).describe('The description, phone numbers and emails taken out, cut short'),
      photo: z.string().optional().describe('Its first photo (a path of GET /api/v1/photos/{id})'),
      status: z.string(),
      reportedAt: isoInstantSchema.describe('To the hour'),
      distanceM: z.number().min(50).multipleOf(50),
      supporters: z.number().int().min(0).describe('Residents who said "I have this too"'),
    }),
  ),
});

/** POST /api/v1/reports/nearby/{ref}/support: the answer. */
export const supportAnswer = z.strictObject({
  trackingCode: z.string().describe('The supported report, to follow it'),
  supporters: z.number().int().min(1),
  alreadySupported: z.boolean().describe('This device had said so before: nothing changed'),
});

/** A running clock as the public sees it: when it started and is due, and since when it stands still. */
const publicDeadline = z.strictObject({
  dueAt: isoInstantSchema,
  startedAt: isoInstantSchema,
  pausedAt: isoInstantSchema.optional(),
});

/** GET /api/v1/reports/{trackingCode}: what anyone holding the tracking code may see. */
export const publicTicketAnswer = z.strictObject({
  trackingCode: z.string(),
  category: z.string(),
  status: z.string().describe('The ticket status, as staff see it (Ticket.status)'),
  createdAt: isoInstantSchema,
  unit: z.object({ name: localizedNameSchema }).optional().describe('The responsible unit: an organisation'),
  deadlines: z.record(z.string(), publicDeadline).describe('By kind: ack (sign), resolve (fix), verify'),
  timeline: z.array(z.object({ type: z.string(), at: isoInstantSchema, note: z.string().optional() })),
  mergedInto: z
    .object({ trackingCode: z.string() })
    .optional()
    .describe('The report this one was merged into'),
  fix: z
    .strictObject({
      at: isoInstantSchema,
      note: z.string().nullable(),
      photos: z.array(z.string()).describe('Paths of GET /api/v1/photos/{id}'),
      current: z.boolean().describe('False once a failed verification or a reopening came after it'),
    })
    .nullable()
    .describe("The unit's latest fix report (办结反馈): its note and photos, what the resident rates"),
  updates: z
    .array(z.strictObject({ at: isoInstantSchema, note: z.string() }))
    .describe("The unit's progress notes, oldest first"),
  plannedWorks: z
    .strictObject({ unitName: localizedNameSchema, endsAt: isoInstantSchema, notice: localizedNameSchema })
    .optional()
    .describe(
      'While the report is held by planned works of the same kind: it is dispatched if still open when they end',
    ),
});

/** POST /api/v1/photos: the stored photo. */
export const photoStoredAnswer = z.object({
  id: z.string().regex(PHOTO_ID),
  url: z
    .string()
    .regex(/^\/api\/v1\/photos\/[A-Za-z0-9_-]{22}$/)
    .describe('Give it in photos of a report or a fix'),
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  bytes: z.number().int().min(1),
});

/** POST /api/v1/hotline/reports: the stored report, for the agent to read the tracking code out. */
export const hotlineReportCreatedAnswer = z.strictObject({
  ticketId: z.string(),
  trackingCode: reportCreatedAnswer.shape.trackingCode,
  status: z.string(),
  duplicates: reportCreatedAnswer.shape.duplicates,
  /** For the agent to tell the caller at once that the works are known. */
  plannedWorks: reportCreatedAnswer.shape.plannedWorks,
});

/**
 * GET /api/v1/hotline/reports?phone=: a caller's earlier reports, as the caller may be told them
 * (their own tracking codes, how far each has got, the unit's public name); newest first, capped.
 */
export const callerReportsAnswer = z.strictObject({
  items: z.array(
    z.strictObject({
      trackingCode: z.string(),
      category: z.string(),
      status: z.string().describe('The ticket status (Ticket.status)'),
      channel: z.enum(['web', 'open311', 'hotline']),
      reportedAt: isoInstantSchema,
      updatedAt: isoInstantSchema,
      unit: z
        .strictObject({ name: localizedNameSchema })
        .nullable()
        .describe('The responsible unit: an organisation'),
    }),
  ),
});
