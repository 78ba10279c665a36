import { HOTLINE_AGENT_ROLE } from '@grid-dispatch/auth';
import { AppError } from '@grid-dispatch/errors';
import { parseBody, principalOf, requireStaff } from '@grid-dispatch/http';
import { type RequestHandler, Router } from 'express';
import { callerReports } from '../caller-reports';
import type { IntakeConfig } from '../config';
import type { IntakePlatform } from '../intake-platform';
import type { ReportIntake } from '../report-intake';
import { CALLER_REPORTS_LIMIT, callerLookupQuerySchema, hotlineReportBodySchema } from './hotline.schema';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The hotline agent's API (README.md#hotline-intake): file a report for a caller, and find the
 * caller's earlier reports by phone. Other staff are told plainly that this is not theirs (403):
 * the path is documented, so hiding it would protect nothing.
 */
export function hotlineRouter(platform: IntakePlatform, config: IntakeConfig, intake: ReportIntake): Router {
  const router = Router();
  router.use(requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }));
  router.use(agentsOnly);

  router.post('/reports', async (req, res) => {
    const agent = principalOf(req);
    const key = req.header('idempotency-key') ?? null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
      throw new AppError('MALFORMED_REQUEST', 'Idempotency-Key must be 1–200 printable ASCII characters.', {
        fields: [{ path: 'Idempotency-Key', message: 'invalid' }],
      });
    }
    const { callerPhone, callerName, callReference, ...report } = parseBody(
      hotlineReportBodySchema,
      req.body,
    );
    // An agent's keys never meet a resident's, an Open311 client's or another agent's.
    const scopedKey = key === null ? null : `hotline:${agent.userId}:${key}`;
    const result = await intake.submit(
      { ...report, contact: { phone: callerPhone, ...(callerName ? { name: callerName } : {}) } },
      scopedKey,
      { channel: 'hotline', hotline: { agentId: agent.userId, callReference } },
    );
    // The reporter token rates the fix; it belongs to the resident's own page, not to a call.
    const { reporterToken: _notForTheAgent, ...answer } = result.body;
    res.status(result.status).json(answer);
  });

  router.get('/reports', async (req, res) => {
    const { phone } = parseBody(callerLookupQuerySchema, { ...req.query });
    res.json({ items: await callerReports(platform, phone, CALLER_REPORTS_LIMIT) });
  });

  return router;
}

const agentsOnly: RequestHandler = (req, _res, next) => {
  const { role } = principalOf(req);
  if (role === HOTLINE_AGENT_ROLE) return next();
  next(
    new AppError(
      'FORBIDDEN',
      `Only a hotline agent files and looks up reports for callers; you are ${role}.`,
    ),
  );
};
