import { z } from '@grid-dispatch/config';
import { phoneKey } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { type ClientThrottle, parseBody } from '@grid-dispatch/http';
import type { Request, Response } from 'express';
import type { IntakePlatform } from '../intake-platform';
import { reporterTokenMatches } from '../reporter-token';
import { normalizeTrackingCode } from '../tracking-code';
import { typedPhoneSchema } from './report.schema';

/** The body of POST /api/v1/reports/{trackingCode}/sms-opt-out: who the reporter is. */
export const smsOptOutBodySchema = z
  .object({
    reporterToken: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('The token answered when the report was made: it proves the reporter'),
    contactPhone: typedPhoneSchema
      .optional()
      .describe('Instead of the token (another device): the phone number given with the report'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.reporterToken === undefined && body.contactPhone === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reporterToken'],
        message: 'give the reporter token, or the phone number given with the report (contactPhone)',
      });
  });

export const smsOptOutAnswer = z.object({
  smsOptedOut: z.literal(true).describe('No more text messages are sent about this report'),
});

/**
 * POST /api/v1/reports/{trackingCode}/sms-opt-out: the reporter turns the text messages about this
 * report off, proving who they are as for a rating (the reporter token, or the phone number the
 * report was filed with). Doing it again is fine. The sending worker checks it before each message.
 */
export function smsOptOutHandler(platform: IntakePlatform, reads: ClientThrottle) {
  return async (req: Request<{ trackingCode: string }>, res: Response) => {
    await reads.take(req.ip ?? 'unknown');
    const body = parseBody(smsOptOutBodySchema, req.body);
    const code = normalizeTrackingCode(req.params.trackingCode);
    const ticket = code ? await platform.tickets.findByTrackingCode(code) : null;
    if (!ticket) throw new AppError('NOT_FOUND', 'No report has this tracking code; check it and try again.');
    if (body.reporterToken !== undefined) {
      if (!reporterTokenMatches(body.reporterToken, ticket.reporterTokenHash))
        throw new AppError('FORBIDDEN', 'This reporter token does not belong to this report.', {
          fields: [{ path: 'reporterToken', message: 'does not match' }],
        });
    } else {
      const given = ticket.contact?.phone;
      if (!given || phoneKey(body.contactPhone!) !== phoneKey(given))
        throw new AppError('FORBIDDEN', 'This phone number is not the one given with this report.', {
          fields: [{ path: 'contactPhone', message: 'does not match' }],
        });
    }
    await platform.models.smsOptOuts.updateOne(
      { _id: `ticket:${ticket._id}` },
      { $setOnInsert: { kind: 'ticket', via: 'tracking_page' } },
      { upsert: true },
    );
    res.json({ smsOptedOut: true });
  };
}
