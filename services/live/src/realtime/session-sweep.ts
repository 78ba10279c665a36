import type { SessionRegistry } from '@grid-dispatch/db';
import type { Logger } from '@grid-dispatch/logger';
import type { Server } from 'socket.io';
import type { SocketIdentity } from './socket-auth';

/**
 * Drops the open staff sockets whose session has ended (an administrator changed or deactivated
 * the account), within `everyMs`: a socket checked its token only when it connected. One session
 * lookup per user per pass (Redis, see SessionRegistry), for this replica's sockets only.
 */
export function startSessionSweep(
  io: Server,
  sessions: Pick<SessionRegistry, 'isCurrent'>,
  logger: Logger,
  everyMs = 5000,
): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const byUser = new Map<
        string,
        {
          version: number;
          sockets: Array<{ disconnect(close: boolean): void; emit(event: string, body: unknown): void }>;
        }
      >();
      for (const socket of io.of('/').sockets.values()) {
        const session = (socket.data.identity as SocketIdentity | undefined)?.session;
        if (!session) continue;
        const key = `${session.userId}|${session.sessionVersion}`;
        const entry = byUser.get(key) ?? { version: session.sessionVersion, sockets: [] };
        entry.sockets.push(socket);
        byUser.set(key, entry);
      }
      for (const [key, { version, sockets }] of byUser) {
        const userId = key.slice(0, key.lastIndexOf('|'));
        if (await sessions.isCurrent({ userId, sessionVersion: version })) continue;
        for (const socket of sockets) {
          socket.emit('session.expired', {
            message: 'Your session has ended (the account was changed); log in again.',
          });
          socket.disconnect(true);
        }
      }
    } catch (err) {
      // The database or Redis is away: try again at the next pass.
      logger.debug({ err: String(err) }, 'session sweep skipped');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
