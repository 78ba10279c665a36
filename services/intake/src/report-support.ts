import { createHash } from 'node:crypto';
import type { TicketDoc } from '@grid-dispatch/db';
import { isOpenStatus, type TicketStatus } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import type { IntakePlatform } from './intake-platform';

/** How many supporters' device keys a ticket keeps (the count goes on beyond). */
const KEPT_KEYS = 1000;
/** Version conflicts with staff acting on the ticket at the same moment are retried this often. */
const ATTEMPTS = 3;

export interface SupportAnswer {
  /** The supported report's tracking code, to follow it (its public view has no personal data). */
  trackingCode: string;
  supporters: number;
  /** This device had already said so: nothing changed. */
  alreadySupported: boolean;
}

/** The device's own random id (made and kept by the report page) as stored: not reversible. */
function supporterKey(ticketId: string, device: string): string {
  return createHash('sha256').update(`${ticketId}\n${device}`).digest('base64url');
}

/**
 * "I have this too": a resident near an open report of the same kind adds themselves to it
 * instead of filing a copy. The ticket counts its supporters (staff see how many people the
 * problem touches) and records a `ticket.supported` event, so consoles and dashboards hear it.
 */
export async function supportReport(
  platform: IntakePlatform,
  ticketId: string,
  device: string,
): Promise<SupportAnswer> {
  const key = supporterKey(ticketId, device);
  for (let attempt = 1; ; attempt++) {
    const ticket = await platform.tickets.findById(ticketId);
    if (!ticket)
      throw new AppError('NOT_FOUND', 'No open report has this reference; it may have been closed.');
    if (!isOpenStatus(ticket.status as TicketStatus))
      throw new AppError(
        'ILLEGAL_TRANSITION',
        'This report is no longer open; file a new report if the problem is back.',
      );
    const supporters = ticket.supporters ?? 0;
    if (ticket.supporterKeys?.includes(key))
      return { trackingCode: ticket.trackingCode, supporters, alreadySupported: true };
    try {
      const updated: TicketDoc = await platform.tickets.applyChange(
        ticket,
        {
          supporters: supporters + 1,
          supporterKeys: [...(ticket.supporterKeys ?? []), key].slice(-KEPT_KEYS),
        },
        {
          type: 'ticket.supported',
          payload: { supporters: supporters + 1 },
          actor: { kind: 'resident' },
          at: new Date(),
        },
      );
      return {
        trackingCode: updated.trackingCode,
        supporters: updated.supporters ?? supporters + 1,
        alreadySupported: false,
      };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'VERSION_CONFLICT') || attempt >= ATTEMPTS)
        throw error;
    }
  }
}
