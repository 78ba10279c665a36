import type { TicketDoc } from '@grid-dispatch/db';
import { phoneKey } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody } from '@grid-dispatch/http';
import { runLifecycle } from '@grid-dispatch/ticketing';
import type { Request, Response } from 'express';
import type { IntakePlatform } from '../intake-platform';
import { publicViewOf } from '../public-view';
import { reporterTokenMatches } from '../reporter-token';
import { normalizeTrackingCode } from '../tracking-code';
import { feedbackBodySchema } from './report.schema';

type FeedbackBody = ReturnType<typeof feedbackBodySchema.parse>;

function provesReporter(ticket: TicketDoc, body: FeedbackBody): void {
  if (body.reporterToken !== undefined) {
    if (reporterTokenMatches(body.reporterToken, ticket.reporterTokenHash)) return;
    throw new AppError('FORBIDDEN', 'This reporter token does not belong to this report.', {
      fields: [{ path: 'reporterToken', message: 'does not match' }],
    });
  }
  const given = ticket.contact?.phone;
  if (!given)
    throw new AppError(
      'FORBIDDEN',
      'This report was filed without a phone number; rate it with its rating token.',
      {
        fields: [{ path: 'contactPhone', message: 'the report has no phone number' }],
      },
    );
  if (phoneKey(body.contactPhone!) !== phoneKey(given))
    throw new AppError('FORBIDDEN', 'This phone number is not the one given with this report.', {
      fields: [{ path: 'contactPhone', message: 'does not match' }],
    });
}

/**
 * POST /api/v1/reports/{trackingCode}/feedback: the reporter rates the fix. Only the reporter may:
 * the holder of the reporter token (kept by the browser that filed the report, and shown on its
 * confirmation), or, from another device, whoever gives the phone number the report was filed with
 * (with the tracking code, both of which only the reporter should have). "dissatisfied" reopens the
 * ticket and the router dispatches it again.
 */
export function feedbackHandler(platform: IntakePlatform, verifyWithin: string) {
  return async (req: Request<{ trackingCode: string }>, res: Response) => {
    const body = parseBody(feedbackBodySchema, req.body);
    const code = normalizeTrackingCode(req.params.trackingCode);
    const ticket = code ? await platform.tickets.findByTrackingCode(code) : null;
    if (!ticket) throw new AppError('NOT_FOUND', 'No report has this tracking code; check it and try again.');
    provesReporter(ticket, body);
    const updated = await runLifecycle(
      platform,
      ticket,
      {
        action: 'feedback',
        rating: body.rating,
        ...(body.comment ? { comment: body.comment } : {}),
        actor: { kind: 'resident' },
        now: new Date().toISOString(),
      },
      { kind: 'resident' },
      { verifyWithin },
    );
    res.json(await publicViewOf(platform, updated));
  };
}
