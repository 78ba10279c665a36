import { OPEN_STATUSES } from '@grid-dispatch/domain';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api';
import { connectLive, type LiveStatus, mergeFetched } from '../lib/live';
import type { Page, TicketUpdate, TicketView } from './ticket.types';
import { fresher, mergeUpdate } from './ticket-board';

/** Ten pages of 100: the whole open load of a district on a normal day, and a bound in a storm. */
const MAX_PAGES = 10;

export interface Board {
  tickets: Map<string, TicketView>;
  loading: boolean;
  error: unknown;
  /** More open tickets exist than were fetched (MAX_PAGES reached). */
  truncated: boolean;
  live: LiveStatus;
  /** Puts a ticket the page already has in full (an action's answer) into the board. */
  put(ticket: TicketView): void;
  reload(): void;
}

/**
 * The open tickets of the secretary's scope, kept live: fetched in full on every (re)connect,
 * then moved forward by `ticket.updated` pushes applied by version. A push for a ticket the
 * board does not know yet, or one that opened a request, is followed by a fetch of that ticket,
 * because the push lacks its location, areas and the request's reason.
 */
export function useBoard(token: string, onKpi: () => void): Board {
  const ref = useRef(new Map<string, TicketView>());
  const [, setTick] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [truncated, setTruncated] = useState(false);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const kpiRef = useRef(onKpi);
  kpiRef.current = onKpi;

  const commit = useCallback((next: Map<string, TicketView>) => {
    if (next === ref.current) return;
    ref.current = next;
    setTick((n) => n + 1);
  }, []);

  const put = useCallback(
    (ticket: TicketView) => {
      const next = new Map(ref.current);
      next.set(ticket.id, fresher(ref.current.get(ticket.id), ticket));
      commit(next);
    },
    [commit],
  );

  const fetchOne = useCallback(
    async (id: string) => {
      try {
        put(await api<TicketView>('GET', `/api/v1/tickets/${encodeURIComponent(id)}`));
      } catch {
        // Out of scope now (reassigned elsewhere) or gone: the next resync settles it.
      }
    },
    [put],
  );

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const items: TicketView[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q = new URLSearchParams({ status: OPEN_STATUSES.join(','), limit: '100' });
        if (cursor) q.set('cursor', cursor);
        const page: Page<TicketView> = await api<Page<TicketView>>('GET', `/api/v1/tickets?${q}`);
        items.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < MAX_PAGES);
      setTruncated(cursor !== null);
      commit(mergeFetched(ref.current, items));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [commit]);

  // Load at once, not only on the socket's connect: a page whose socket cannot connect (a proxy
  // without WebSocket, a live service down) still shows the list, just not live.
  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    const conn = connectLive(
      { token },
      {
        onResync: () => {
          void reload();
          kpiRef.current();
        },
        onStatus: setLive,
        onTicket: (u) => {
          const update = u as unknown as TicketUpdate;
          const { ticket, refetch } = mergeUpdate(ref.current.get(update.id), update);
          if (ticket && ticket !== ref.current.get(update.id)) {
            const next = new Map(ref.current);
            next.set(ticket.id, ticket);
            commit(next);
          }
          if (refetch) void fetchOne(update.id);
        },
        onKpi: () => kpiRef.current(),
      },
    );
    return () => conn.close();
  }, [token, reload, fetchOne, commit]);

  return { tickets: ref.current, loading, error, truncated, live, put, reload: () => void reload() };
}
