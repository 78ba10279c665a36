import { t, useLang } from '../lib/i18n';
import { DeadlineCell } from './deadline-cell';
import type { Names } from './names';
import type { TicketView } from './ticket.types';
import { TicketFlags } from './ticket-flags';

/**
 * 待处理事项: escalated tickets and pending returns/extensions, the secretary's own work. Kept as a
 * compact list beside the map; opening one shows the detail with the decide/reassign forms.
 */
export function EscalationInbox({
  tickets,
  names,
  onOpen,
}: {
  tickets: TicketView[];
  names: Names;
  onOpen: (id: string) => void;
}) {
  useLang();
  if (tickets.length === 0) return <p class="muted">{t('dash.inboxEmpty')}</p>;
  return (
    <ul class="inbox" data-testid="inbox">
      {tickets.map((tk) => (
        <li key={tk.id} data-testid={`inbox-row-${tk.trackingCode}`}>
          <button type="button" class="link" onClick={() => onOpen(tk.id)}>
            {tk.trackingCode}
          </button>{' '}
          <span class={`badge prio prio-${tk.priority}`}>{t(`priority.${tk.priority}`)}</span>{' '}
          {names.category(tk.category)} · {tk.unitId ? names.unit(tk.unitId) : t('dash.noUnit')}
          <div>
            <TicketFlags ticket={tk} /> <DeadlineCell ticket={tk} />
          </div>
        </li>
      ))}
    </ul>
  );
}
