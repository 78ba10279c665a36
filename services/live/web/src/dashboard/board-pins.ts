import { type CountdownLevel, countdownState } from '../lib/countdown-state';
import type { MapPin } from '../lib/map';
import type { TicketView } from './ticket.types';
import { activeDeadline } from './ticket-board';

/** The state of a ticket's running clock now; 'none' when no clock runs (e.g. not yet dispatched). */
export function levelOf(t: TicketView, now: number): CountdownLevel | 'none' {
  const d = activeDeadline(t);
  return d ? countdownState(d, now).level : 'none';
}

/** At risk and overdue, the two numbers a secretary looks at first. */
export function countLevels(
  tickets: readonly TicketView[],
  now: number,
): { warning: number; breached: number } {
  let warning = 0;
  let breached = 0;
  for (const t of tickets) {
    const level = levelOf(t, now);
    if (level === 'warning') warning += 1;
    else if (level === 'breached') breached += 1;
  }
  return { warning, breached };
}

/** A pin per located ticket, coloured by its running clock (a paused clock draws as ok). */
export function boardPins(tickets: readonly TicketView[], now: number): MapPin[] {
  return tickets
    .filter((t) => t.location)
    .map((t) => {
      const level = levelOf(t, now);
      return {
        id: t.id,
        lat: t.location!.lat,
        lng: t.location!.lng,
        level: level === 'warning' || level === 'breached' ? level : 'ok',
        label: level === 'breached' ? t.trackingCode : undefined,
      };
    });
}
