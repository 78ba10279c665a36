import { AppError } from '@grid-dispatch/errors';
import { principalOf } from '@grid-dispatch/http';
import type { NextFunction, Request, Response } from 'express';

/**
 * For `/units/:unitId/…` routes: a unit's staff reach only their own unit's, the administrator any.
 * Another unit's answers 404, as a route that does not exist would, so nothing tells whether it has
 * any (webhook endpoints, planned works).
 */
export function ownUnitOnly(req: Request, _res: Response, next: NextFunction): void {
  const principal = principalOf(req);
  const own = principal.role === 'admin' || principal.unitId === req.params.unitId;
  next(
    own
      ? undefined
      : new AppError('NOT_FOUND', `No route for ${req.method} ${req.originalUrl.split('?')[0]}`),
  );
}
