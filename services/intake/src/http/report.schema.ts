import { z } from '@grid-dispatch/config';
import { ratingSchema } from '@grid-dispatch/contracts';
import { isChinesePhoneNumber, REPORT_LIMITS } from '@grid-dispatch/domain';
import { isPhotoReference, PHOTO_REFERENCE_RULE } from '@grid-dispatch/http';

export const MAX_PHOTOS = REPORT_LIMITS.photosMax;

/** A Chinese mobile or landline number, as the report form and the hotline take it. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .max(30)
  .refine(isChinesePhoneNumber, 'not a valid Chinese mobile or landline number');

/** A phone number as people type it to prove who they are ("138 0013 8000"): spaces and dashes dropped. */
export const typedPhoneSchema = z
  .string()
  .max(40)
  .transform((p) => p.replace(/[\s-]/g, ''))
  .pipe(phoneNumberSchema);

const L = REPORT_LIMITS;

/** What a report says, whoever files it: the resident's own form, or a hotline agent for a caller. */
export const reportFields = {
  category: z.string().min(1, 'required').max(64, 'too long'),
  description: z
    .string()
    .trim()
    .min(L.descriptionMin, `at least ${L.descriptionMin} characters`)
    .max(L.descriptionMax, `at most ${L.descriptionMax} characters`)
    .describe(
      `What is wrong, where exactly; ${L.descriptionMin}–${L.descriptionMax} characters after trimming`,
    ),
  location: z
    .object({
      lat: z
        .number()
        .min(-90, 'latitude must be between -90 and 90')
        .max(90, 'latitude must be between -90 and 90'),
      lng: z
        .number()
        .min(-180, 'longitude must be between -180 and 180')
        .max(180, 'longitude must be between -180 and 180'),
    })
    .strict()
    .optional(),
  address: z
    .string()
    .trim()
    .min(L.addressMin, `at least ${L.addressMin} characters`)
    .max(L.addressMax, `at most ${L.addressMax} characters`)
    .optional(),
  photos: z
    .array(
      z
        .string()
        .max(2048, 'URL too long')
        .refine(isPhotoReference, `${PHOTO_REFERENCE_RULE} (no private, loopback or link-local address)`)
        .describe('A public http(s) URL, or the url of a photo stored with POST /api/v1/photos'),
    )
    .max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`)
    .optional(),
  contact: z
    .object({
      name: z.string().trim().min(1).max(L.nameMax, `at most ${L.nameMax} characters`).optional(),
      phone: phoneNumberSchema
        .optional()
        .describe('A Chinese mobile or landline number; staff see it masked'),
    })
    .strict()
    .optional(),
};

/** A report needs a place: a map pin or an address (the field named is `location`). */
export function requirePlace(
  body: { location?: unknown; address?: unknown },
  ctx: { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void },
): void {
  if (!body.location && !body.address) {
    ctx.addIssue({
      code: 'custom',
      path: ['location'],
      message: 'give a location (map pin) or an address',
    });
  }
}

/**
 * The body of POST /api/v1/reports (README.md#the-api). Unknown fields are refused, not ignored.
 * The OpenAPI document's request body is generated from it (checks in code, such as the photo
 * reference and the phone number, appear there as descriptions).
 */
export const reportBodySchema = z
  .object(reportFields)
  .strict()
  .superRefine(requirePlace)
  .describe('A location (map pin) or an address is required.');

/** The body of POST /api/v1/reports/{trackingCode}/feedback: the reporter rates the fix. */
export const feedbackBodySchema = z
  .object({
    reporterToken: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('The token answered when the report was made (评价凭证): it proves the reporter'),
    contactPhone: typedPhoneSchema
      .optional()
      .describe('Instead of the token (another device): the phone number given with the report'),
    rating: ratingSchema.describe('dissatisfied reopens the ticket and dispatches it again'),
    comment: z.string().max(2000, 'at most 2000 characters').optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.reporterToken === undefined && body.contactPhone === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reporterToken'],
        message: 'give the rating token, or the phone number given with the report (contactPhone)',
      });
  });

/** The body of POST /api/v1/reports/nearby/{ref}/support: "I have this too". */
export const supportBodySchema = z
  .object({
    device: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, '16–64 letters, digits, _ or -')
      .describe("The device's own random id, kept by the page: one support per device and report"),
  })
  .strict();

export type ReportBody = z.infer<typeof reportBodySchema>;
