import type { FieldError } from '@grid-dispatch/domain';
import { z } from 'zod';

/*
 * Pieces of the public HTTP API's answers that more than one service sends (README.md#the-api).
 * The OpenAPI document is generated from these and from each service's own body schemas.
 */

/** An instant: ISO-8601 with its zone (the API writes UTC, `Z`; a client's offset may come back). */
export const isoInstantSchema = z.iso.datetime({ offset: true });

/** A name shown to people: Simplified Chinese first, English beside it. */
export const localizedNameSchema = z
  .object({ zh: z.string(), en: z.string() })
  .describe('A name shown to people: Simplified Chinese first, English beside it');

/** A position in WGS 84 degrees. */
export const latLngSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/** An area boundary: one closed ring of [lng, lat] positions (GeoJSON order). */
export const geoJsonPolygonSchema = z
  .object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(z.array(z.number()).length(2)).min(4)),
  })
  .describe('GeoJSON Polygon: [lng, lat] positions, the ring closed (first position = last)');

/** One offending field on the wire: the domain's FieldError, so the two cannot drift apart. */
const fieldErrorSchema = z.object({ path: z.string(), message: z.string() }) satisfies z.ZodType<FieldError>;

/** The body of every error answer; `fields` names each offending field (400, 422, …). */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});

/** GET /healthz: each server up or down. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  kafka: z.enum(['up', 'down']),
  database: z.enum(['up', 'down']),
  redis: z.enum(['up', 'down']),
});

/** A page of a list: `?limit=` (≤ 100) and `?cursor=` (the `nextCursor` of the page before). */
export function pageSchemaOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Give it as ?cursor= for the next page; null on the last'),
  });
}

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
export type HealthBody = z.infer<typeof healthSchema>;
