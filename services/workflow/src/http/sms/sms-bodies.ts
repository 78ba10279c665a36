import { z } from '@grid-dispatch/config';
import { isoInstantSchema } from '@grid-dispatch/contracts';
import { SMS_STATES } from '@grid-dispatch/domain';

/*
 * The bodies and answers of resident SMS (text messages to reporters): the gateway's replies at
 * /api/v1/sms/inbound and the administrator's message log at /api/v1/admin/sms. The OpenAPI
 * document is generated from them.
 */

/** POST /api/v1/sms/inbound: one reply a resident sent to our messages, as the gateway passes it on. */
export const smsInboundBody = z
  .object({
    from: z.string().min(1).max(40).describe('The number the reply came from, as the gateway gives it'),
    text: z
      .string()
      .max(1000)
      .describe('The reply; TD, 退订 or STOP (any case, trimmed) opts the number out'),
  })
  .strict();

export const smsInboundAnswer = z.object({
  optedOut: z.boolean().describe('Whether the reply turned messages to that number off'),
});

export const smsMessageAnswer = z.strictObject({
  id: z.string(),
  ticketId: z.string(),
  trackingCode: z.string(),
  state: z.enum(SMS_STATES),
  maskedPhone: z.string().describe('The number with its middle digits hidden: 138****8000'),
  text: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  attempts: z.number().int(),
  provider: z.string().nullable().describe('`dev` (recorded, not sent) or `http`'),
  providerMessageId: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: isoInstantSchema,
  sentAt: isoInstantSchema.nullable(),
});

export const smsMessageListAnswer = z.object({
  items: z.array(smsMessageAnswer).describe('Newest first'),
  optOuts: z.object({
    phones: z.number().int().describe('Numbers that replied TD / 退订 / STOP'),
    reports: z.number().int().describe('Reports turned off on their tracking page'),
  }),
});
