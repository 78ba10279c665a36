import { formatDateTime } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import type { Names } from './names';
import type { TicketEvent } from './ticket.types';

/** Payload details worth a line in the history; ids become names. */
function details(e: TicketEvent, names: Names): string[] {
  const p = e.payload;
  const out: string[] = [];
  for (const key of ['note', 'reason', 'comment'] as const)
    if (typeof p[key] === 'string') out.push(p[key] as string);
  if (typeof p.unitId === 'string') out.push(`→ ${names.unit(p.unitId)}`);
  if (typeof p.resolveBy === 'string') out.push(`⏱ ${formatDateTime(p.resolveBy)}`);
  if (typeof p.rating === 'string') out.push(t(`rating.${p.rating}`));
  if (typeof p.intoTicketId === 'string') out.push(`⇒ ${p.intoTicketId}`);
  if (typeof p.escalationLevel === 'number' && p.escalationLevel > 0)
    out.push(t('dash.escalated', { n: p.escalationLevel }));
  if (typeof p.deadline === 'string') out.push(t(`deadline.${p.deadline}`));
  return out;
}

/** Every event of the ticket, oldest first: who (role), what, when, and the notes given. */
export function EventHistory({ events, names }: { events: TicketEvent[]; names: Names }) {
  const lang = useLang();
  return (
    <ol class="history" data-testid="history">
      {events.map((e) => (
        <li key={e.eventId} data-event={e.type}>
          <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> <strong>{t(`event.${e.type}`)}</strong>
          <span class="muted">
            {' '}
            · {e.actor.role ? t(`role.${e.actor.role}`) : t(`actor.${e.actor.kind}`)}
          </span>
          {details(e, names).map((d) => (
            <div class="history-detail" key={d}>
              {d}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
