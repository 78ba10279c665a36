import { z } from '@grid-dispatch/config';
import { reportFields, requirePlace, typedPhoneSchema } from './report.schema';

/** How many of a caller's reports the lookup answers, newest first. */
export const CALLER_REPORTS_LIMIT = 20;

/**
 * The body of POST /api/v1/hotline/reports: what a resident's report says, the caller's phone
 * instead of the contact (required: the agent reads the tracking code out, and the caller is
 * found by it next time) and the call's reference in the hotline's telephony system.
 */
export const hotlineReportBodySchema = z
  .object({
    category: reportFields.category,
    description: reportFields.description,
    location: reportFields.location,
    address: reportFields.address,
    photos: reportFields.photos,
    callerPhone: typedPhoneSchema.describe(
      "The caller's Chinese mobile or landline number, spaces and dashes allowed as agents type it; staff in scope see it masked",
    ),
    callerName: z.string().trim().min(1).max(50, 'at most 50 characters').optional(),
    callReference: z
      .string()
      .trim()
      .min(1, 'required')
      .max(64, 'at most 64 characters')
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
      .describe(
        "The call's reference in the hotline's telephony system; kept with the report, never shown to residents",
      ),
  })
  .strict()
  .superRefine(requirePlace)
  .describe('A location (map pin) or an address is required.');

export type HotlineReportBody = z.infer<typeof hotlineReportBodySchema>;

/** The query of GET /api/v1/hotline/reports: the caller's phone. */
export const callerLookupQuerySchema = z
  .object({
    phone: z
      .string({ error: 'required' })
      .pipe(typedPhoneSchema)
      .describe("The caller's number, in any of the forms a report accepts"),
  })
  .strict();
