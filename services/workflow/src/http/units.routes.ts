import { STAFF_ROLES } from '@grid-dispatch/auth';
import { requireStaff } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowConfig } from '../config';
import type { WorkflowPlatform } from '../workflow-platform';

/**
 * GET /api/v1/units: the member units, for staff pickers (a secretary re-routing a ticket or
 * approving a return chooses the next unit). Names and areas only; members are not listed.
 */
export function unitsRouter(platform: WorkflowPlatform, config: WorkflowConfig): Router {
  const router = Router();
  const staff = requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, STAFF_ROLES);
  router.get('/units', staff, async (_req, res) => {
    const units = await platform.models.units.find({}).sort({ _id: 1 }).lean().exec();
    res.json(
      units.map((u) => ({ id: u._id, name: u.name, kind: u.kind, areaIds: u.areaIds, active: u.active })),
    );
  });
  return router;
}
