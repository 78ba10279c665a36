import { clockShown } from '@grid-dispatch/domain';
import { useEffect, useState } from 'preact/hooks';
import { Countdown, countdownState, useNow } from '../lib/countdown';
import { t, useLang } from '../lib/i18n';
import { Pager } from '../lib/list-controls';
import { matchesSearch, pageOf } from '../lib/list-view';
import { inboxOrder, runningDeadline } from './inbox-order';
import type { TicketRow } from './ticket.types';

/**
 * The inbox: most urgent first, each row with its running countdown, coloured by SLA level; the
 * rows that match the search, a page at a time.
 */
export function TicketList({
  tickets,
  selected,
  categoryName,
  onSelect,
  query = '',
}: {
  tickets: TicketRow[];
  selected: string | null;
  categoryName: (code: string) => string;
  onSelect: (id: string) => void;
  query?: string;
}) {
  useLang();
  // Re-render now and then so row borders turn amber/red without waiting for a push.
  const now = useNow(5000);
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [query]);
  const rows = [...tickets]
    .sort(inboxOrder)
    .filter((tk) =>
      matchesSearch([tk.trackingCode, categoryName(tk.category), tk.description, tk.address], query),
    );
  if (rows.length === 0) return <p class="muted">{t('list.noMatch')}</p>;
  const shown = pageOf(rows, page);
  return (
    <>
      <ul class="list ticket-list" data-testid="inbox">
        {shown.items.map((tk) => {
          const d = runningDeadline(tk);
          const level = d ? countdownState(d, now).level : 'ok';
          return (
            <li key={tk.id}>
              <button
                type="button"
                class={`ticket-row level-border-${level}${tk.id === selected ? ' selected' : ''}`}
                data-testid={`inbox-row-${tk.trackingCode}`}
                data-status={tk.status}
                aria-current={tk.id === selected ? 'true' : undefined}
                onClick={() => onSelect(tk.id)}
              >
                <span class="row-head">
                  <span class={`prio prio-${tk.priority}`}>{t(`priority.${tk.priority}`)}</span>
                  <strong>{categoryName(tk.category)}</strong>
                  <code class="muted">{tk.trackingCode}</code>
                </span>
                <span class="row-sub">
                  <span class={`status status-${tk.status}`} data-testid="row-status">
                    {t(`status.${tk.status}`)}
                  </span>
                  {/* A fixed ticket's clock is the secretaries' verification, not the unit's work. */}
                  {d && clockShown(tk) === 'verify' && <span class="muted">{t('c.verifyClock')}</span>}
                  {d && <Countdown deadline={d} />}
                  {tk.escalationLevel > 0 && (
                    <span class="escalated">{t('c.escalation', { level: tk.escalationLevel })}</span>
                  )}
                </span>
                {tk.address && <span class="row-address muted">{tk.address}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <Pager page={shown.page} pages={shown.pages} onPage={setPage} />
    </>
  );
}
