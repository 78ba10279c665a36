import { formatDateTime } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import type { TicketView } from './ticket.types';

/**
 * Badges telling why a ticket needs the secretary (escalation level, a pending request) and how
 * many more residents have the problem.
 */
export function TicketFlags({ ticket }: { ticket: TicketView }) {
  const lang = useLang();
  const r = ticket.pendingRequest;
  return (
    <span class="flags">
      {ticket.escalationLevel > 0 && (
        <span class="badge badge-escalated" data-testid="escalated">
          {t('dash.escalated', { n: ticket.escalationLevel })}
        </span>
      )}
      {r?.kind === 'return' && <span class="badge badge-request">{t('dash.pending.return')}</span>}
      {r?.kind === 'extension' && (
        <span class="badge badge-request">
          {t('dash.pending.extension', { time: r.resolveBy ? formatDateTime(r.resolveBy, lang) : '?' })}
        </span>
      )}
      {ticket.heldByPlannedWorks && ticket.status === 'submitted' && (
        <span class="badge" data-testid="held-by-planned-works">
          {t('pw.held')}
        </span>
      )}
      {(ticket.supporters ?? 0) > 0 && (
        <span class="badge" data-testid="supporters">
          {t('dash.supporters', { n: ticket.supporters ?? 0 })}
        </span>
      )}
    </span>
  );
}
