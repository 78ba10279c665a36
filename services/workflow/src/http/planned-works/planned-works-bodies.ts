import { z } from '@grid-dispatch/config';
import { isoInstantSchema, localizedNameSchema } from '@grid-dispatch/contracts';

/*
 * The bodies and answers of planned works: a unit's staff announce them
 * at /api/v1/units/{unitId}/planned-works; anyone reads the running and coming ones at
 * /api/v1/planned-works/current. Whether categories and grids exist, the polygon is usable and the
 * end follows the start is checked by the route, which answers 422 naming the field.
 */

const polygon = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) })
  .describe('A GeoJSON Polygon, positions [lng, lat], rings closed');

/** POST /api/v1/units/{unitId}/planned-works. */
export const plannedWorksCreateBody = z
  .object({
    categories: z.array(z.string()).min(1).max(20).describe('Category ids the works cover'),
    gridIds: z.array(z.string()).min(1).max(50).optional().describe('Whole grids (or give `polygon`)'),
    polygon: polygon.optional().describe('A drawn area (or give `gridIds`)'),
    startsAt: isoInstantSchema,
    endsAt: isoInstantSchema.describe('Later than `startsAt` and than now'),
    notice: z
      .object({ zh: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) })
      .strict()
      .describe('The public notice residents see on the map and when they report'),
  })
  .strict();

export type PlannedWorksCreateBody = z.infer<typeof plannedWorksCreateBody>;

const works = {
  id: z.string(),
  unitId: z.string(),
  unitName: localizedNameSchema,
  categories: z.array(z.string()),
  gridIds: z.array(z.string()),
  polygon: polygon.nullable(),
  startsAt: isoInstantSchema,
  endsAt: isoInstantSchema,
  notice: localizedNameSchema,
};

/** One announcement as its unit's staff see it. */
export const plannedWorksAnswer = z.object({
  ...works,
  state: z.enum(['active', 'ended', 'cancelled']),
  stoppedAt: isoInstantSchema.nullable(),
  heldReports: z.number().int().min(0).describe('Reports linked to it and still waiting for its end'),
  createdAt: isoInstantSchema,
});

export const plannedWorksListAnswer = z.object({ items: z.array(plannedWorksAnswer) });

/** GET /api/v1/planned-works/current: public, no personal data (closed). */
export const publicPlannedWorksAnswer = z.object({
  items: z.array(
    z.strictObject({
      ...works,
      running: z.boolean().describe('Running now (else it starts later)'),
      areas: z.array(polygon).describe('Where, as polygons to draw: the drawn one, or each grid’s boundary'),
    }),
  ),
});
