import { verifyStaffToken } from '@grid-dispatch/auth';
import { rooms } from '@grid-dispatch/contracts';
import type { Models, SessionClaims, SessionRegistry } from '@grid-dispatch/db';
import { isAppError } from '@grid-dispatch/errors';
import type { Socket } from 'socket.io';

export interface SocketIdentity {
  kind: 'staff' | 'resident';
  /** A staff socket's session, checked again while it stays open. */
  session: SessionClaims | null;
  rooms: string[];
  /** When the staff token expires (ms since epoch); the socket is dropped then. */
  expiresAt: number | null;
}

const TRACKING = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * Decides, from the handshake alone, which rooms a socket may join: a unit member their unit, a
 * secretary their area (events are sent to every area a ticket lies in, so the area room covers
 * everything below it), a resident the one tracking code. The client names no room.
 */
export async function identifySocket(
  socket: Socket,
  secret: string,
  models: Models,
  sessions: Pick<SessionRegistry, 'isCurrent'>,
): Promise<SocketIdentity> {
  const auth = (socket.handshake.auth ?? {}) as { token?: unknown; trackingCode?: unknown };
  if (typeof auth.token === 'string') {
    const principal = verifyStaffToken(auth.token, secret);
    if (!(await sessions.isCurrent(principal))) {
      throw new Error('Your session has ended (the account was changed); log in again.');
    }
    const joined: string[] = [];
    if (principal.role === 'unit_member' && principal.unitId) joined.push(rooms.unit(principal.unitId));
    if (principal.role.endsWith('_secretary') && principal.areaId) joined.push(rooms.area(principal.areaId));
    return {
      kind: 'staff',
      session: { userId: principal.userId, sessionVersion: principal.sessionVersion },
      rooms: joined,
      expiresAt: principal.exp * 1000,
    };
  }
  if (typeof auth.trackingCode === 'string' && TRACKING.test(auth.trackingCode)) {
    const exists = await models.tickets.exists({ trackingCode: auth.trackingCode });
    if (exists) {
      return { kind: 'resident', session: null, rooms: [rooms.tracking(auth.trackingCode)], expiresAt: null };
    }
  }
  throw new Error('unauthorized: send auth.token (staff) or auth.trackingCode (resident)');
}

export function authErrorMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  return error instanceof Error ? error.message : 'unauthorized';
}
