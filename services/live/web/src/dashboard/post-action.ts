import { api } from '../lib/api';
import type { TicketView } from './ticket.types';
import type { SecretaryAction } from './ticket-actions';

/**
 * POST /api/v1/tickets/{id}/{action} with If-Match: the version the secretary looked at, so a
 * decision made on a stale view is refused (409) instead of applied to a ticket that moved on.
 */
export function postAction(
  ticket: Pick<TicketView, 'id' | 'version'>,
  action: SecretaryAction,
  body: Record<string, unknown>,
): Promise<TicketView> {
  return api<TicketView>('POST', `/api/v1/tickets/${encodeURIComponent(ticket.id)}/${action}`, body, {
    headers: { 'if-match': String(ticket.version) },
  });
}
