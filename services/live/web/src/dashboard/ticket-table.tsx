import { t, useLang } from '../lib/i18n';
import { DeadlineCell } from './deadline-cell';
import type { Names } from './names';
import type { TicketView } from './ticket.types';
import { TicketFlags } from './ticket-flags';
import { VerifyButton } from './verify-button';

interface Props {
  tickets: TicketView[];
  names: Names;
  onOpen: (id: string) => void;
  onChanged: (t: TicketView) => void;
  /** Test id of the table; the open list and the inbox must not share row ids with it. */
  rowPrefix?: string;
  /** With a selection, each row gets a checkbox (for actions on many tickets at once). */
  selection?: { ids: ReadonlySet<string>; toggle: (ids: string[], on: boolean) => void };
}

/** Open tickets, most urgent first, each with its countdown and the quick verify action. */
export function TicketTable({
  tickets,
  names,
  onOpen,
  onChanged,
  rowPrefix = 'ticket-row-',
  selection,
}: Props) {
  useLang();
  const allSelected = tickets.length > 0 && tickets.every((tk) => selection?.ids.has(tk.id));
  return (
    <table class="tickets">
      <thead>
        <tr>
          {selection && (
            <th>
              <input
                type="checkbox"
                data-testid="select-all"
                aria-label={t('bulk.selectAll')}
                checked={allSelected}
                onChange={(e) =>
                  selection.toggle(
                    tickets.map((tk) => tk.id),
                    e.currentTarget.checked,
                  )
                }
              />
            </th>
          )}
          <th>{t('dash.col.code')}</th>
          <th>{t('dash.col.category')}</th>
          <th>{t('dash.col.status')}</th>
          <th>{t('dash.col.unit')}</th>
          <th>{t('dash.col.countdown')}</th>
          <th>{t('dash.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((tk) => (
          <tr
            key={tk.id}
            data-testid={`${rowPrefix}${tk.trackingCode}`}
            data-status={tk.status}
            class={`row-${tk.priority}`}
          >
            {selection && (
              <td>
                <input
                  type="checkbox"
                  data-testid="select-row"
                  aria-label={t('bulk.selectRow', { code: tk.trackingCode })}
                  checked={selection.ids.has(tk.id)}
                  onChange={(e) => selection.toggle([tk.id], e.currentTarget.checked)}
                />
              </td>
            )}
            <td>
              <button type="button" class="link" onClick={() => onOpen(tk.id)}>
                {tk.trackingCode}
              </button>
            </td>
            <td>
              <span class={`badge prio prio-${tk.priority}`}>{t(`priority.${tk.priority}`)}</span>{' '}
              {names.category(tk.category)}
            </td>
            <td>
              {t(`status.${tk.status}`)} <TicketFlags ticket={tk} />
            </td>
            <td>{tk.unitId ? names.unit(tk.unitId) : t('dash.noUnit')}</td>
            <td>
              <DeadlineCell ticket={tk} />
            </td>
            <td class="row-actions">
              <button type="button" onClick={() => onOpen(tk.id)}>
                {t('dash.open')}
              </button>
              {tk.status === 'resolved' && rowPrefix === 'ticket-row-' && (
                <VerifyButton ticket={tk} onDone={onChanged} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
