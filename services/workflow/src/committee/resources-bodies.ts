import { z } from '@grid-dispatch/config';
import { isoInstantSchema } from '@grid-dispatch/contracts';
import { NEED_KINDS, RESOURCE_KINDS } from '@grid-dispatch/domain';
import { isoDateBody, latLngBody, phoneBody, recordId, text } from './committee-fields';

/*
 * Bodies and answers of the resources list: a member unit's staff keep their unit's entries at
 * /api/v1/units/{unitId}/resources; secretaries list their committees' at /api/v1/resources.
 */

/** POST and PUT /api/v1/units/{unitId}/resources[/{id}]. */
export const resourceBody = z
  .object({
    communityId: recordId.describe('The joint committee (a community the unit serves)'),
    title: text(2, 100),
    description: text(2, 2000).describe('What it is; for volunteers, their skills'),
    kind: z.enum(RESOURCE_KINDS),
    serves: z.array(z.enum(NEED_KINDS)).max(NEED_KINDS.length).describe('The kinds of need it can serve'),
    capacity: z.number().int().min(1, 'at least 1').max(1_000_000).describe('People or sessions'),
    availableFrom: isoDateBody,
    availableTo: isoDateBody.nullable().optional().describe('Not before availableFrom; absent: open-ended'),
    openingHours: z.string().trim().max(200).nullable().optional(),
    location: latLngBody.nullable().optional(),
    contact: z
      .object({ name: text(1, 50), phone: phoneBody })
      .strict()
      .describe("The unit's contact person"),
  })
  .strict();
export type ResourceBody = z.infer<typeof resourceBody>;

/** A resource as staff see it (with the contact person). */
export const resourceAnswer = z.object({
  id: z.string(),
  unitId: z.string(),
  communityId: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  serves: z.array(z.enum(NEED_KINDS)),
  capacity: z.number().int(),
  committed: z.number().int().describe('Used by approved projects until they are delivered'),
  remaining: z.number().int(),
  availableFrom: z.string(),
  availableTo: z.string().nullable(),
  openingHours: z.string().nullable(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  contact: z.object({ name: z.string(), phone: z.string() }),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  version: z.number().int(),
});

export const resourceListAnswer = z.object({ items: z.array(resourceAnswer) });
export const resourcePageAnswer = z.object({
  items: z.array(resourceAnswer),
  nextCursor: z.string().nullable(),
});

/** GET /api/v1/needs/{id}/matches: the resources that could serve the need, best first. */
export const needMatchesAnswer = z.object({
  needId: z.string(),
  today: z.string().describe('The day availability was judged on (China Standard Time)'),
  items: z.array(
    z.object({
      rank: z.number().int().min(1),
      resource: resourceAnswer,
      servesKind: z.boolean(),
      availableToday: z.boolean(),
      remaining: z.number().int(),
      coversPeople: z.boolean(),
      distanceM: z.number().int().nullable(),
      reasons: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
    }),
  ),
});
