import { bearerToken, type StaffPrincipal, type StaffRole, verifyStaffToken } from '@grid-dispatch/auth';
import { AppError } from '@grid-dispatch/errors';
import type { Request, RequestHandler } from 'express';

const PRINCIPAL = Symbol('staff-principal');
type WithPrincipal = Request & { [PRINCIPAL]?: StaffPrincipal };

/** Requires a valid staff token; optionally one of `roles`. 401 without one, 404-style hiding is the route's job. */
export function requireStaff(secret: string, roles?: readonly StaffRole[]): RequestHandler {
  return (req, _res, next) => {
    const token = bearerToken(req.header('authorization'));
    if (!token)
      return next(new AppError('UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <token>.'));
    const principal = verifyStaffToken(token, secret);
    if (roles && !roles.includes(principal.role)) {
      return next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
    }
    (req as WithPrincipal)[PRINCIPAL] = principal;
    next();
  };
}

export function principalOf(req: Request): StaffPrincipal {
  const principal = (req as WithPrincipal)[PRINCIPAL];
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  return principal;
}
