import type { DeadlineKind } from '@grid-dispatch/domain';
import { io, type Socket } from 'socket.io-client';
import { type CommitteeUpdate, committeeUpdated } from './committee-updates';
import { expireSession } from './session-store';

export { applyByVersion, mergeFetched, type Versioned } from './version-map';

export interface LiveDeadline {
  dueAt: string;
  startedAt: string;
  seq?: number;
  pausedAt?: string | null;
  breachedAt?: string | null;
}
export type LiveDeadlines = Partial<Record<DeadlineKind, LiveDeadline>>;

/** `ticket.updated` as pushed (residents get no id and no unitId). */
export interface TicketUpdate {
  id: string;
  trackingCode: string;
  version: number;
  status: string;
  unitId?: string | null;
  areaIds?: string[];
  escalationLevel?: number;
  deadlines: LiveDeadlines;
  category: string;
  priority?: 'P1' | 'P2' | 'P3' | 'P4';
  eventType: string;
  at: string;
}
export interface SlaWarning {
  ticketId: string;
  deadline: DeadlineKind;
  fraction: number;
  dueAt: string;
}
export interface SlaBreached {
  ticketId: string;
  deadline: DeadlineKind;
  dueAt: string;
  escalationLevel: number;
}

export type LiveStatus = 'connecting' | 'connected' | 'disconnected';

export interface LiveHandlers {
  onTicket?: (u: TicketUpdate) => void;
  onWarning?: (w: SlaWarning) => void;
  onBreached?: (b: SlaBreached) => void;
  onKpi?: (k: Record<string, unknown>) => void;
  /** Called on every connect and reconnect: refetch the view, pushes missed meanwhile are lost. */
  onResync?: () => void;
  onExpired?: () => void;
  onStatus?: (s: LiveStatus, detail?: string) => void;
}

export interface LiveConnection {
  close(): void;
  socket: Socket;
}

/**
 * socket.io to the same origin, staff by token or resident by tracking code. The server picks the
 * rooms. A staff socket dropped for an expired token ends the session (StaffGate shows the login).
 */
export function connectLive(
  auth: { token: string } | { trackingCode: string },
  h: LiveHandlers,
): LiveConnection {
  const socket = io({ auth, transports: ['websocket', 'polling'] });
  h.onStatus?.('connecting');
  socket.on('connect', () => {
    h.onStatus?.('connected');
    h.onResync?.();
  });
  // Set once the session ended or the page closed the connection: then nothing reconnects.
  let ended = false;
  socket.on('disconnect', (why) => {
    h.onStatus?.('disconnected', why);
    // The server dropped us on purpose (a restart, a rolling deploy). socket.io retries only
    // lost transports, not this; come back after a spread-out pause so replicas are not stormed.
    if (why === 'io server disconnect' && !ended)
      setTimeout(
        () => {
          if (!ended) socket.connect();
        },
        1000 + Math.random() * 2000,
      );
  });
  socket.on('connect_error', (err) => {
    h.onStatus?.('disconnected', err.message);
    // A refused handshake for a bad or expired token will not get better by retrying.
    if ('token' in auth && /token|expired|unauthori[sz]ed/i.test(err.message)) {
      ended = true;
      socket.disconnect();
      expired();
    }
  });
  socket.on('ticket.updated', (u: TicketUpdate) => h.onTicket?.(u));
  socket.on('sla.warning', (w: SlaWarning) => h.onWarning?.(w));
  socket.on('sla.breached', (b: SlaBreached) => h.onBreached?.(b));
  socket.on('kpi.updated', (k: Record<string, unknown>) => h.onKpi?.(k));
  socket.on('committee.updated', (u: CommitteeUpdate) => committeeUpdated(u));
  socket.on('session.expired', () => {
    ended = true;
    socket.disconnect();
    expired();
  });
  function expired() {
    h.onExpired?.();
    if ('token' in auth) expireSession('expired');
  }
  return {
    socket,
    close: () => {
      ended = true;
      socket.disconnect();
    },
  };
}
