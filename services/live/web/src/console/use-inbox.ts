import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { applyByVersion, connectLive, type LiveStatus, mergeFetched, type TicketUpdate } from '../lib/live';
import type { Session } from '../lib/session';
import { INBOX_STATUSES, type TicketRow } from './ticket.types';

export interface P1Alert {
  id: string;
  trackingCode: string;
  category: string;
  /** The ticket's areas, most specific first: the banner says where. */
  areaIds: string[];
  at: number;
}

export interface Inbox {
  tickets: Map<string, TicketRow>;
  loading: boolean;
  error: unknown;
  live: LiveStatus;
  alerts: P1Alert[];
  dismissAlert: (id: string) => void;
  reload: () => Promise<void>;
  /** A fresher state of a ticket from the API (an action's answer, the detail view's fetch). */
  applyTicket: (t: TicketRow) => void;
  /** Bumped on every applied change of a ticket, so an open detail view knows to refetch. */
  changed: Map<string, number>;
}

const LIST = `/api/v1/tickets?status=${INBOX_STATUSES.join(',')}&limit=100`;

/** Whether this push brings a new emergency to this unit (dispatched to it, or handed over). */
function isNewP1(u: TicketUpdate, unitId: string | undefined): boolean {
  return (
    u.priority === 'P1' &&
    u.status === 'dispatched' &&
    u.unitId === unitId &&
    ['ticket.dispatched', 'ticket.reassigned', 'ticket.return_approved'].includes(u.eventType)
  );
}

/**
 * The unit's live inbox: fetched on load and on every (re)connect, then kept current by pushes
 * applied by version. A ticket that leaves the unit (reassigned, closed) leaves the inbox.
 */
export function useInbox(session: Session, onP1: (a: P1Alert) => void): Inbox {
  const [tickets, setTickets] = useState<Map<string, TicketRow>>(new Map());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [alerts, setAlerts] = useState<P1Alert[]>([]);
  const [changed, setChanged] = useState<Map<string, number>>(new Map());
  const seq = useRef(0);
  /** When each ticket was last pushed, so a list fetched before a push does not drop it. */
  const pushedAt = useRef(new Map<string, number>());
  const unitId = session.user.unitId;
  const onP1Ref = useRef(onP1);
  onP1Ref.current = onP1;

  const bump = (id: string) => setChanged((m) => new Map(m).set(id, (m.get(id) ?? 0) + 1));

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    const startedAt = Date.now();
    try {
      const page = await api<{ items: TicketRow[] }>('GET', LIST);
      if (mine !== seq.current) return;
      setTickets((m) => mergeFetched(m, page.items, (id) => (pushedAt.current.get(id) ?? 0) >= startedAt));
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  // The caller holds the fresh ticket already (an action's answer, a detail fetch): no bump, so
  // the detail view does not refetch what it just got.
  const applyTicket = useCallback((t: TicketRow) => {
    setTickets((m) => {
      const next = applyByVersion(m, t);
      if (next === m) return m;
      if (!INBOX_STATUSES.includes(t.status)) next.delete(t.id);
      return next;
    });
  }, []);

  useEffect(() => {
    void reload();
    const conn = connectLive(
      { token: session.token },
      {
        onStatus: setLive,
        onResync: () => void reload(),
        onTicket: (u) => {
          pushedAt.current.set(u.id, Date.now());
          const gone = !INBOX_STATUSES.includes(u.status);
          setTickets((m) => {
            const known = m.get(u.id);
            if (known && known.version >= u.version) return m;
            if (gone) {
              if (!known) return m;
              const next = new Map(m);
              next.delete(u.id);
              return next;
            }
            return applyByVersion(m, { ...u, escalationLevel: u.escalationLevel ?? 0 } as TicketRow);
          });
          bump(u.id);
          if (isNewP1(u, unitId)) {
            const alert = {
              id: u.id,
              trackingCode: u.trackingCode,
              category: u.category,
              areaIds: u.areaIds ?? [],
              at: Date.now(),
            };
            setAlerts((list) => [alert, ...list.filter((a) => a.id !== u.id)]);
            onP1Ref.current(alert);
          }
          // A push carries no description or address, and the server also tells a unit that just
          // lost a ticket: the full row says whether it is still ours (lead or assisting).
          if (!gone) void fillIn(u.id);
        },
        onWarning: (w) => bump(w.ticketId),
        onBreached: (b) => bump(b.ticketId),
      },
    );
    return () => conn.close();
  }, [session.token]);

  async function fillIn(id: string) {
    let full: TicketRow | null;
    try {
      full = await api<TicketRow>('GET', `/api/v1/tickets/${encodeURIComponent(id)}`);
    } catch (err) {
      // 404: no longer in our scope. Other failures: the next reload fills it in.
      if (!(err instanceof ApiError && err.status === 404)) return;
      full = null;
    }
    const ours =
      full !== null && (full.unitId === unitId || Boolean(unitId && full.assistUnitIds?.includes(unitId)));
    setTickets((m) => {
      const known = m.get(id);
      if (!known) return m;
      const next = new Map(m);
      if (!full || !ours) {
        next.delete(id);
        return next;
      }
      // Same or newer than the push: take all of it; older: only the fields a push lacks.
      next.set(
        id,
        full.version >= known.version
          ? { ...known, ...full }
          : { ...known, description: full.description, address: full.address, location: full.location },
      );
      return next;
    });
  }

  return {
    tickets,
    loading,
    error,
    live,
    alerts,
    dismissAlert: (id) => setAlerts((list) => list.filter((a) => a.id !== id)),
    reload,
    applyTicket,
    changed,
  };
}
