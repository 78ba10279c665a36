import { z } from '@grid-dispatch/config';
import { ratingSchema } from '@grid-dispatch/contracts';
import { isPhotoReference, PHOTO_REFERENCE_RULE } from '@grid-dispatch/http';

/** China: mobile 1[3-9]xxxxxxxxx (optionally +86), or a landline 0xx(x)-xxxxxxx(x) with optional extension. */
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}[- ]?\d{7,8}(?:[- ]?\d{1,6})?$/;

export const MAX_PHOTOS = 9;

/**
 * The body of POST /api/v1/reports (README.md#the-api). Unknown fields are refused, not ignored.
 * The OpenAPI document's request body is generated from it (checks in code, such as the photo
 * reference and the phone number, appear there as descriptions).
 */
export const reportBodySchema = z
  .object({
    category: z.string().min(1, 'required').max(64, 'too long'),
    description: z
      .string()
      .trim()
      .min(5, 'at least 5 characters')
      .max(2000, 'at most 2000 characters')
      .describe('What is wrong, where exactly; 5–2,000 characters after trimming'),
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
    address: z.string().trim().min(2, 'at least 2 characters').max(300, 'at most 300 characters').optional(),
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
        name: z.string().trim().min(1).max(50, 'at most 50 characters').optional(),
        phone: z
          .string()
          .trim()
          .max(30)
          .refine((p) => MOBILE.test(p) || LANDLINE.test(p), 'not a valid Chinese mobile or landline number')
          .optional()
          .describe('A Chinese mobile or landline number; staff see it masked'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.location && !body.address) {
      ctx.addIssue({
        code: 'custom',
        path: ['location'],
        message: 'give a location (map pin) or an address',
      });
    }
  })
  .describe('A location (map pin) or an address is required.');

/** The body of POST /api/v1/reports/{trackingCode}/feedback: the reporter rates the fix. */
export const feedbackBodySchema = z
  .object({
    reporterToken: z
      .string()
      .min(1)
      .max(200)
      .describe('The token answered when the report was made: it proves the reporter'),
    rating: ratingSchema.describe('dissatisfied reopens the ticket and dispatches it again'),
    comment: z.string().max(2000, 'at most 2000 characters').optional(),
  })
  .strict();

export type ReportBody = z.infer<typeof reportBodySchema>;
