import { z } from '@grid-dispatch/config';
import { isChinesePhoneNumber } from '@grid-dispatch/domain';

/*
 * Field schemas the committee's bodies share. Whether ids exist and belong together is checked by
 * the routes, which answer 422 naming the field.
 */

export const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1–64 letters, digits, _ or -');

export const latLngBody = z
  .object({
    lat: z.number().min(-90, 'between -90 and 90').max(90, 'between -90 and 90'),
    lng: z.number().min(-180, 'between -180 and 180').max(180, 'between -180 and 180'),
  })
  .strict();

/** A phone number as people type it ("138 0013 8000"): spaces and dashes dropped. */
export const phoneBody = z
  .string()
  .max(40)
  .transform((p) => p.replace(/[\s-]/g, ''))
  .pipe(z.string().refine(isChinesePhoneNumber, 'not a valid Chinese mobile or landline number'));

/** The page's own random id for the device, as the report page keeps it. */
export const deviceBody = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, '16–64 letters, digits, _ or -')
  .describe("The device's own random id, kept by the page: one per device and record");

/** A calendar day, YYYY-MM-DD. */
export const isoDateBody = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a real date',
  );

export const text = (min: number, max: number) =>
  z.string().trim().min(min, `at least ${min} characters`).max(max, `at most ${max} characters`);
