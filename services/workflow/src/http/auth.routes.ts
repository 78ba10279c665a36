import type { PasswordHasher } from '@grid-dispatch/auth';
import { signStaffToken } from '@grid-dispatch/auth';
import type { Models } from '@grid-dispatch/db';
import { AppError } from '@grid-dispatch/errors';
import { parseBody } from '@grid-dispatch/http';
import bcrypt from 'bcryptjs';
import { Router } from 'express';
import type { WorkflowConfig } from '../config';
import type { LoginThrottle } from '../login-throttle';
import { loginBody } from './auth-bodies';

// Compared against when the user does not exist, so a wrong username costs as long as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);

export function authRouter(
  models: Models,
  config: WorkflowConfig,
  throttle: LoginThrottle,
  passwords: Pick<PasswordHasher, 'compare'>,
): Router {
  const router = Router();
  router.post('/login', async (req, res) => {
    const body = parseBody(loginBody, req.body);
    const address = req.ip ?? 'unknown';
    await throttle.beforeAttempt(body.username, address);
    const user = await models.users.findOne({ username: body.username, active: true }).lean().exec();
    const ok = await passwords.compare(body.password, user?.passwordHash ?? DUMMY_HASH);
    // The attempt was counted before the check (see LoginThrottle); only a success clears it.
    if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'Wrong username or password.');
    await throttle.succeeded(body.username, address);
    const principal = {
      userId: user._id,
      username: user.username,
      role: user.role,
      unitId: user.unitId,
      areaId: user.areaId,
      sessionVersion: user.sessionVersion ?? 0,
    };
    const { token, expiresAt } = signStaffToken(principal, config.AUTH_SECRET, config.TOKEN_TTL_SECONDS);
    res.json({
      token,
      expiresAt,
      user: {
        id: user._id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        ...(user.unitId ? { unitId: user.unitId } : {}),
        ...(user.areaId ? { areaId: user.areaId } : {}),
      },
    });
  });
  return router;
}
