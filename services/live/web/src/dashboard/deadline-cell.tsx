import { Countdown } from '../lib/countdown';
import { t } from '../lib/i18n';
import type { DeadlineKind, TicketView } from './ticket.types';
import { activeDeadline } from './ticket-board';

/** The countdown of the clock that matters now, labelled with its kind; "—" when none runs. */
export function DeadlineCell({ ticket }: { ticket: TicketView }) {
  const deadline = activeDeadline(ticket);
  if (!deadline)
    return (
      <span class="countdown" data-testid="countdown" data-level="none">
        —
      </span>
    );
  const kind = (Object.keys(ticket.deadlines) as DeadlineKind[]).find(
    (k) => ticket.deadlines[k] === deadline,
  );
  return <Countdown deadline={deadline} label={kind ? t(`deadline.${kind}`) : undefined} />;
}
