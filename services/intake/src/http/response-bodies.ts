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
});

/** GET /api/v1/reports/nearby: open reports of a category near a place, described, not identified. */
export const nearbyReportsAnswer = z.object({
  duplicates: z.array(
    z.object({
      category: z.string(),
      status: z.string(),
      reportedAt: isoInstantSchema.describe('To the hour'),
      distanceM: z.number().min(50).multipleOf(50),
    }),
  ),
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
