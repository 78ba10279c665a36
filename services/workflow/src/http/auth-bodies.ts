import { z } from '@grid-dispatch/config';
import { isoInstantSchema } from '@grid-dispatch/contracts';
import { ROLES, type Role } from '@grid-dispatch/domain';

/** The body of POST /api/v1/auth/login. */
export const loginBody = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

/** The answer of a successful login: a bearer token for the API and the sockets. */
export const loginAnswer = z.object({
  token: z.string().describe('Send it as Authorization: Bearer <token>, and as auth.token to socket.io'),
  expiresAt: isoInstantSchema,
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string().optional(),
    role: z.enum(ROLES as readonly [Role, ...Role[]]),
    unitId: z.string().optional().describe('Unit members: their unit'),
    areaId: z.string().optional().describe('Secretaries: their area'),
  }),
});
