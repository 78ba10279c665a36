import { z } from '@grid-dispatch/config';
import { isoInstantSchema } from '@grid-dispatch/contracts';
import { NEED_KINDS, NEED_STATUSES } from '@grid-dispatch/domain';
import { deviceBody, latLngBody, phoneBody, recordId, text } from './committee-fields';

/*
 * Bodies and answers of the needs list: residents raise and support needs at
 * /api/v1/communities/{communityId}/needs without login; staff raise them on a resident's behalf,
 * list and triage them at /api/v1/needs.
 */

const needFields = {
  title: text(2, 100),
  description: text(5, 2000),
  kind: z.enum(NEED_KINDS),
  peopleConcerned: z.number().int().min(1, 'at least 1').max(100000, 'at most 100000'),
  location: latLngBody.optional().describe('Where, when the need is tied to a place'),
};

/** POST /api/v1/communities/{communityId}/needs: a resident, no login. */
export const residentNeedBody = z
  .object({
    ...needFields,
    contactPhone: phoneBody.optional().describe('Staff may call back; never shown publicly'),
    device: deviceBody,
  })
  .strict();
export type ResidentNeedBody = z.infer<typeof residentNeedBody>;

/** POST /api/v1/needs: staff on a resident's behalf. */
export const staffNeedBody = z
  .object({ communityId: recordId, ...needFields, contactPhone: phoneBody.optional() })
  .strict();
export type StaffNeedBody = z.infer<typeof staffNeedBody>;

/** POST /api/v1/communities/{communityId}/needs/{id}/support: "me too", once per device or phone. */
export const needSupportBody = z
  .object({ device: deviceBody.optional(), phone: phoneBody.optional() })
  .strict()
  .superRefine((body, ctx) => {
    if (body.device === undefined && body.phone === undefined)
      ctx.addIssue({ code: 'custom', path: ['device'], message: 'give the device id or a phone number' });
  });

/** POST /api/v1/needs/{id}/triage. */
export const needTriageBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }).strict(),
  z
    .object({
      decision: z.literal('decline'),
      reason: z.string().max(2000).describe('Shown to the resident'),
    })
    .strict(),
  z
    .object({
      decision: z.literal('merge'),
      into: recordId.describe('An open or accepted need of the same community'),
    })
    .strict(),
]);
export type NeedTriageBody = z.infer<typeof needTriageBody>;

const latLng = z.object({ lat: z.number(), lng: z.number() });

/** A need as anyone sees it: no phone, no staff names, no place (it may be a resident's home). */
export const publicNeedAnswer = z.strictObject({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(NEED_KINDS),
  peopleConcerned: z.number().int(),
  status: z.enum(NEED_STATUSES),
  declineReason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  supporters: z.number().int(),
  raisedAt: isoInstantSchema,
});

export const publicNeedListAnswer = z.object({ items: z.array(publicNeedAnswer) });

export const needSupportAnswer = z.object({
  id: z.string(),
  supporters: z.number().int(),
  alreadySupported: z.boolean().describe('This device or phone had said so before: nothing changed'),
});

/** A need as staff in scope see it. */
export const needAnswer = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(NEED_KINDS),
  peopleConcerned: z.number().int(),
  location: latLng.nullable(),
  raisedBy: z.object({
    channel: z.enum(['resident', 'staff']),
    userId: z.string().nullable(),
    unitId: z.string().nullable(),
  }),
  contactPhone: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  declineReason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  supporters: z.number().int(),
  raisedAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  version: z.number().int(),
});

export const needListAnswer = z.object({ items: z.array(needAnswer), nextCursor: z.string().nullable() });
