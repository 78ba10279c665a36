import { z } from '@grid-dispatch/config';

/*
 * The JSON answers of Open311 GeoReport v2 (README.md#open311-georeport-v2); the XML answers carry
 * the same fields (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).
 * The OpenAPI document is generated from these. The form of POST requests.{format} has no schema
 * here: parseOpen311Form reads it field by field, to answer in Open311's own error format.
 */

/** A W3C datetime with its offset, as Open311 answers write it (China Standard Time, +08:00). */
const w3cDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/)
  .describe('W3C datetime with its offset (+08:00)');

/** Every error answer: one entry per wrong field, named with its Open311 name. */
export const open311ErrorsAnswer = z
  .array(z.strictObject({ code: z.number().int(), description: z.string() }))
  .min(1);

export const open311DiscoveryAnswer = z.object({
  changeset: z.string(),
  contact: z.string().optional(),
  key_service: z.string().optional(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.string(),
      formats: z.array(z.string()),
    }),
  ),
});

/** An active category as an Open311 service. */
export const open311ServiceAnswer = z.object({
  service_code: z.string().describe('The category code'),
  service_name: z.string().describe('The category name in Chinese'),
  description: z.string(),
  metadata: z.literal(false).describe('Categories have no attributes'),
  type: z.literal('realtime'),
  keywords: z.string().describe('Comma-separated'),
  group: z.string().describe('The priority'),
});

export const open311ServiceDefinitionAnswer = z.object({
  service_code: z.string(),
  attributes: z.array(z.never()).max(0),
});

/** What anyone may read about a report through Open311. */
export const open311ServiceRequestAnswer = z
  .strictObject({
    service_request_id: z.string().describe('The tracking code'),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().optional(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string().optional().describe("The responsible unit's public name"),
    requested_datetime: w3cDateTime,
    updated_datetime: w3cDateTime,
    expected_datetime: w3cDateTime.optional().describe('The fix deadline while one runs'),
    lat: z.number().optional(),
    long: z.number().optional(),
  })
  .describe(
    'No personal data: no name, phone, email, address, photo, reporter token or staff identity; contact details in the description are removed; the position is the centre of its ~100 m cell.',
  );

/** POST requests.{format}: the filed request (the tracking code is known at once). */
export const open311FiledAnswer = z.array(
  z.object({
    service_request_id: z.string().describe('The tracking code, known at once'),
    token: z.string(),
    service_notice: z.string().optional(),
  }),
);

/** GET tokens/{token}.{format}: the request a token stands for. */
export const open311TokenAnswer = z.array(z.object({ service_request_id: z.string(), token: z.string() }));
