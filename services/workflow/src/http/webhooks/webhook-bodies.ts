import { z } from '@grid-dispatch/config';
import { EVENT_TYPES, type EventType, isoInstantSchema } from '@grid-dispatch/contracts';

/*
 * The bodies and answers of the webhook endpoints (README.md#webhooks), for the administrator at
 * /api/v1/admin/webhooks and for a unit's staff at /api/v1/units/{unitId}/webhooks. The OpenAPI
 * document is generated from them. Whether the URL is http(s) is checked by the route, so that a
 * wrong one answers 400 naming `url`.
 */

const eventTypes = z
  .array(z.string().pipe(z.enum(EVENT_TYPES as [EventType, ...EventType[]])))
  .max(EVENT_TYPES.length)
  .describe('Event types to receive; empty or left out for every type');

const url = z.string().max(2000).describe('Where deliveries are POSTed: an http or https URL');

const personalData = z
  .boolean()
  .describe(
    "Deliveries carry personal data (reporter contact, staff names, free text). Only for a unit's own endpoint",
  );

/** POST /api/v1/units/{unitId}/webhooks: a unit's own endpoint. */
export const unitWebhookCreateBody = z
  .object({ url, eventTypes: eventTypes.optional(), personalData: personalData.optional() })
  .strict();

/** POST /api/v1/admin/webhooks: the administrator's endpoint, or one registered for a unit. */
export const webhookCreateBody = unitWebhookCreateBody
  .extend({
    unitId: z
      .string()
      .max(100)
      .nullable()
      .optional()
      .describe(
        "The unit whose tickets it receives; left out or null for every ticket (the administrator's)",
      ),
  })
  .strict();

/** PATCH …/webhooks/{id}: any of the settings; `enabled: true` also clears an automatic switch-off. */
export const webhookUpdateBody = z
  .object({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    personalData: personalData.optional(),
    enabled: z.boolean().optional().describe('Switch deliveries on or off; on clears the failure streak'),
  })
  .strict();

/** POST …/webhooks/{id}/replay: one logged delivery, or every failed one. */
export const webhookReplayBody = z
  .object({
    deliveryId: z
      .string()
      .max(200)
      .optional()
      .describe('The delivery to send again; left out to send every failed delivery again, oldest first'),
  })
  .strict();

export const webhookEndpointAnswer = z.strictObject({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()).describe('Empty for every type'),
  unitId: z.string().nullable().describe("The owning unit; null for the administrator's"),
  personalData: z.boolean(),
  enabled: z.boolean(),
  failureStreak: z.number().int().describe('Deliveries failed in a row, each after all its attempts'),
  disabledAt: isoInstantSchema.nullable().describe('When it was switched off after repeated failures'),
  disabledReason: z.string().nullable(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
});

/** Creating an endpoint or rotating its secret: the only times the secret is shown. */
export const webhookEndpointWithSecretAnswer = webhookEndpointAnswer.extend({
  secret: z.string().describe('Signs every delivery (HMAC-SHA256); shown this once'),
});

export const webhookEndpointListAnswer = z.object({ items: z.array(webhookEndpointAnswer) });

export const webhookDeliveryAnswer = z.strictObject({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  ticketId: z.string(),
  ticketVersion: z.number().int(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().describe('Attempts since it was logged or last replayed'),
  lastStatus: z
    .number()
    .int()
    .nullable()
    .describe("The receiver's last HTTP status; null if it never answered"),
  lastError: z.string().nullable(),
  lastAttemptAt: isoInstantSchema.nullable(),
  deliveredAt: isoInstantSchema.nullable(),
  replays: z.number().int(),
  createdAt: isoInstantSchema,
});

export const webhookDeliveryListAnswer = z.object({ items: z.array(webhookDeliveryAnswer) });

export const webhookReplayAnswer = z.object({
  replayed: z.number().int().describe('Deliveries queued to be sent again'),
});
