import { AppError } from '@grid-dispatch/errors';
import { type ClientThrottle, parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import type { IntakePlatform } from '../intake-platform';
import { publicViewOf } from '../public-view';
import type { ReportIntake } from '../report-intake';
import { supportReport } from '../report-support';
import { normalizeTrackingCode } from '../tracking-code';
import { feedbackHandler } from './feedback.routes';
import { parseNearbyQuery } from './nearby-query';
import { reportBodySchema, supportBodySchema } from './report.schema';
import { smsOptOutHandler } from './sms-opt-out.routes';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function reportsRouter(
  platform: IntakePlatform,
  intake: ReportIntake,
  verifyWithin: string,
  reads: ClientThrottle,
): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const key = req.header('idempotency-key') ?? null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
      throw new AppError('MALFORMED_REQUEST', 'Idempotency-Key must be 1–200 printable ASCII characters.', {
        fields: [{ path: 'Idempotency-Key', message: 'invalid' }],
      });
    }
    const body = parseBody(reportBodySchema, req.body);
    const result = await intake.submit(body, key);
    res.status(result.status).json(result.body);
  });

  // Before sending, the form shows open reports of the same kind nearby, described but not
  // identified (see `publicNearby`). Tracking codes are upper case, so "nearby" never shadows one.
  router.get('/nearby', async (req, res) => {
    await reads.take(req.ip ?? 'unknown');
    const { category, at } = parseNearbyQuery(req.query);
    res.json({ duplicates: await intake.publicNearby(category, at) });
  });

  // "I have this too": the resident joins an open report near them instead of filing a copy.
  router.post('/nearby/:ref/support', async (req, res) => {
    await reads.take(req.ip ?? 'unknown');
    const { device } = parseBody(supportBodySchema, req.body);
    if (!/^[0-9a-f-]{36}$/.test(req.params.ref))
      throw new AppError('NOT_FOUND', 'No open report has this reference; it may have been closed.');
    res.json(await supportReport(platform, req.params.ref, device));
  });

  router.get('/:trackingCode', async (req, res) => {
    await reads.take(req.ip ?? 'unknown');
    const code = normalizeTrackingCode(req.params.trackingCode);
    const ticket = code ? await platform.tickets.findByTrackingCode(code) : null;
    if (!ticket) throw new AppError('NOT_FOUND', 'No report has this tracking code; check it and try again.');
    res.json(await publicViewOf(platform, ticket));
  });

  router.post('/:trackingCode/feedback', feedbackHandler(platform, verifyWithin));
  router.post('/:trackingCode/sms-opt-out', smsOptOutHandler(platform, reads));

  return router;
}
