import { AppError } from '@grid-dispatch/errors';
import { parseBody } from '@grid-dispatch/http';
import type { Platform } from '@grid-dispatch/runtime';
import { runLifecycle } from '@grid-dispatch/ticketing';
import type { Request, Response } from 'express';
import { publicViewOf } from '../public-view';
import { reporterTokenMatches } from '../reporter-token';
import { normalizeTrackingCode } from '../tracking-code';
import { feedbackBodySchema } from './report.schema';

/**
 * POST /api/v1/reports/{trackingCode}/feedback: the reporter rates the fix. Only the holder of the
 * reporter token may; "dissatisfied" reopens the ticket and the router dispatches it again.
 */
export function feedbackHandler(platform: Platform, verifyWithin: string) {
  return async (req: Request<{ trackingCode: string }>, res: Response) => {
    const body = parseBody(feedbackBodySchema, req.body);
    const code = normalizeTrackingCode(req.params.trackingCode);
    const ticket = code ? await platform.tickets.findByTrackingCode(code) : null;
    if (!ticket) throw new AppError('NOT_FOUND', 'No report has this tracking code; check it and try again.');
    if (!reporterTokenMatches(body.reporterToken, ticket.reporterTokenHash)) {
      throw new AppError('FORBIDDEN', 'This reporter token does not belong to this report.', {
        fields: [{ path: 'reporterToken', message: 'does not match' }],
      });
    }
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
