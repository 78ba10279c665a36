import { bearerToken, type StaffPrincipal, type StaffRole, verifyStaffToken } from '@grid-dispatch/auth';
import { AppError } from '@grid-dispatch/errors';
import type { Request, RequestHandler } from 'express';

const PRINCIPAL = Symbol('staff-principal');
type WithPrincipal = Request & { [PRINCIPAL]?: StaffPrincipal };

/** How staff tokens are checked: the signing secret, and which sessions still count. */
export interface StaffAuth {
  secret: string;
  sessions: { isCurrent(claims: { userId: string; sessionVersion: number }): Promise<boolean> };
}

/**
 * Requires a valid staff token of a session that still counts (not ended by a change to the
 * account); optionally one of `roles`. 401 without one; 404-style hiding is the route's job.
 */
export function requireStaff(auth: StaffAuth, roles?: readonly StaffRole[]): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req.header('authorization'));
    if (!token)
      return next(new AppError('UNAUTHENTICATED', 'Log in first: send Authorization: Bearer <token>.'));
    const principal = verifyStaffToken(token, auth.secret);
    if (!(await auth.sessions.isCurrent(principal))) {
      return next(
        new AppError('UNAUTHENTICATED', 'Your session has ended (the account was changed); log in again.'),
      );
    }
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
