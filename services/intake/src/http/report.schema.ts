import { z } from '@grid-dispatch/config';
import { isPhotoReference, PHOTO_REFERENCE_RULE } from '@grid-dispatch/http';

/** China: mobile 1[3-9]xxxxxxxxx (optionally +86), or a landline 0xx(x)-xxxxxxx(x) with optional extension. */
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}[- ]?\d{7,8}(?:[- ]?\d{1,6})?$/;

export const MAX_PHOTOS = 9;

/** The body of POST /api/v1/reports (README, "The API"). Unknown fields are refused, not ignored. */
export const reportBodySchema = z
  .object({
    category: z.string().min(1, 'required').max(64, 'too long'),
    description: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(5, 'at least 5 characters').max(2000, 'at most 2000 characters')),
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
          .refine(isPhotoReference, `${PHOTO_REFERENCE_RULE} (no private, loopback or link-local address)`),
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
          .optional(),
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
  });

export type ReportBody = z.infer<typeof reportBodySchema>;
