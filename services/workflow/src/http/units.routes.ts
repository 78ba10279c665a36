import { STAFF_ROLES } from '@grid-dispatch/auth';
import type { Models } from '@grid-dispatch/db';
import { requireStaff } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowConfig } from '../config';

/**
 * GET /api/v1/units: the member units, for staff pickers (a secretary re-routing a ticket or
 * approving a return chooses the next unit). Names and areas only; members are not listed.
 */
export function unitsRouter(models: Models, config: WorkflowConfig): Router {
  const router = Router();
  router.get('/units', requireStaff(config.AUTH_SECRET, STAFF_ROLES), async (_req, res) => {
    const units = await models.units.find({}).sort({ _id: 1 }).lean().exec();
    res.json(
      units.map((u) => ({ id: u._id, name: u.name, kind: u.kind, areaIds: u.areaIds, active: u.active })),
    );
  });
  return router;
}
