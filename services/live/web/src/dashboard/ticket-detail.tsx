import { fixEvidence } from '@grid-dispatch/domain';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { FixEvidencePanel } from '../lib/fix-evidence';
import { t, useLang } from '../lib/i18n';
import { PlaceFacts } from '../lib/place';
import { SkeletonRows } from '../lib/skeleton';
import { useAreas } from '../lib/use-areas';
import { ActionPanel } from './action-panel';
import { DeadlineCell } from './deadline-cell';
import { EventHistory } from './event-history';
import type { Names } from './names';
import type { TicketView } from './ticket.types';
import { TicketFlags } from './ticket-flags';
import type { UnitRef } from './use-reference';

interface Props {
  id: string;
  /** The board's copy: when a push makes it newer than ours, the detail is fetched again. */
  boardVersion: number | undefined;
  names: Names;
  units: UnitRef[];
  mergeTargets: TicketView[];
  onChanged: (t: TicketView) => void;
  onClose: () => void;
}

/** One ticket in full (GET /api/v1/tickets/{id}): facts, the full history, and the actions. */
export function TicketDetail({ id, boardVersion, names, units, mergeTargets, onChanged, onClose }: Props) {
  useLang();
  const areas = useAreas();
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (ticket && ticket.id === id && boardVersion !== undefined && boardVersion <= ticket.version) return;
    let alive = true;
    api<TicketView>('GET', `/api/v1/tickets/${encodeURIComponent(id)}`).then(
      (tk) => {
        if (!alive) return;
        setTicket(tk);
        setError(null);
      },
      (e) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, [id, boardVersion]);

  function changed(tk: TicketView) {
    setTicket(tk);
    onChanged(tk);
  }

  // A dialog takes focus when it opens (a keyboard or screen-reader user lands in it) and
  // closes on Esc; focus goes back to where it was.
  const drawer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    drawer.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, [id]);

  const evidence = fixEvidence(ticket?.events ?? []);
  return (
    <div
      class="drawer"
      role="dialog"
      aria-modal="false"
      aria-label={t('dash.detail')}
      data-testid="ticket-detail"
      tabIndex={-1}
      ref={drawer}
    >
      <div class="drawer-head">
        <h2>
          {t('dash.detail')} {ticket?.trackingCode ?? ''}
        </h2>
        <button type="button" data-testid="detail-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ErrorBox error={error} />
      {!ticket && !error && <SkeletonRows rows={6} />}
      {ticket && ticket.id === id && (
        <>
          <dl class="facts">
            <dt>{t('dash.col.status')}</dt>
            <dd data-testid="detail-status">
              {t(`status.${ticket.status}`)} <TicketFlags ticket={ticket} />
              {ticket.mergedInto && <span> {t('dash.mergedInto', { id: ticket.mergedInto })}</span>}
            </dd>
            <dt>{t('dash.col.category')}</dt>
            <dd>
              {t(`priority.${ticket.priority}`)} · {names.category(ticket.category)}
            </dd>
            <dt>{t('dash.col.unit')}</dt>
            <dd>
              {ticket.unitId ? names.unit(ticket.unitId) : t('dash.noUnit')}
              {ticket.assistUnitIds.length > 0 &&
                ` + ${ticket.assistUnitIds.map((u) => names.unit(u)).join('、')}`}
            </dd>
            <dt>{t('dash.col.countdown')}</dt>
            <dd>
              <DeadlineCell ticket={ticket} />
            </dd>
            <dt>{t('dash.description')}</dt>
            <dd>{ticket.description}</dd>
            {ticket.address && (
              <>
                <dt>{t('dash.address')}</dt>
                <dd>{ticket.address}</dd>
              </>
            )}
            {(ticket.location || ticket.areaIds.length > 0) && (
              <>
                <dt>{t('dash.place')}</dt>
                <dd>
                  <PlaceFacts areaIds={ticket.areaIds} location={ticket.location} areas={areas} />
                </dd>
              </>
            )}
            {ticket.reporter && (
              <>
                <dt>{t('dash.reporter')}</dt>
                <dd>{[ticket.reporter.name, ticket.reporter.phoneMasked].filter(Boolean).join(' ')}</dd>
              </>
            )}
            {ticket.channel && (
              <>
                <dt>{t('channel.label')}</dt>
                <dd data-testid="ticket-channel">{t(`channel.${ticket.channel}`)}</dd>
              </>
            )}
            {ticket.rating && (
              <>
                <dt>{t('dash.rating')}</dt>
                <dd>{t(`rating.${ticket.rating}`)}</dd>
              </>
            )}
          </dl>
          {/* Once a fix is reported, the resident's photos stand beside the unit's. */}
          <FixEvidencePanel evidence={evidence} before={evidence.fix ? (ticket.photos ?? []) : undefined} />
          {!evidence.fix && (ticket.photos?.length ?? 0) > 0 && (
            <div class="photos">
              {ticket.photos!.map((src) => (
                <a key={src} href={src} target="_blank" rel="noreferrer">
                  <img src={src} alt={t('dash.photos')} loading="lazy" />
                </a>
              ))}
            </div>
          )}
          <ActionPanel
            key={ticket.id}
            ticket={ticket}
            names={names}
            units={units}
            mergeTargets={mergeTargets}
            onDone={changed}
          />
          <h3>{t('dash.history')}</h3>
          <EventHistory events={ticket.events ?? []} names={names} />
        </>
      )}
    </div>
  );
}
