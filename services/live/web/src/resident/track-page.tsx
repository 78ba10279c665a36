import { clockShown, type FixEvidence } from '@grid-dispatch/domain';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { Countdown } from '../lib/countdown';
import { ErrorBox } from '../lib/error-box';
import { FixEvidencePanel } from '../lib/fix-evidence';
import { formatDateTime } from '../lib/format';
import { pick, t, useLang } from '../lib/i18n';
import { connectLive, type LiveStatus } from '../lib/live';
import { LiveBadge } from '../lib/live-status';
import { type LinkedPlannedWorks, LinkedPlannedWorksNotice } from '../lib/planned-works';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import { RatingForm } from './rating-form';
import { trackHref } from './route';
import { SmsOptOut } from './sms-opt-out';

interface PublicView {
  trackingCode: string;
  category: string;
  status: string;
  createdAt: string;
  unit?: { name: { zh: string; en: string } };
  deadlines: Record<string, { dueAt: string; startedAt: string; pausedAt?: string }>;
  timeline: { type: string; at: string; note?: string }[];
  mergedInto?: { trackingCode: string };
  /** What the unit showed of its work; absent from a server older than this page. */
  fix?: FixEvidence['fix'];
  updates?: FixEvidence['updates'];
  /** While held by planned works of the same kind. */
  plannedWorks?: Omit<LinkedPlannedWorks, 'id'>;
}

/** Ratable once fixed, until rated after the latest fix (a reopened and re-fixed ticket asks again). */
export function canRate(view: PublicView): boolean {
  if (view.status !== 'resolved' && view.status !== 'closed') return false;
  const lastFix = view.timeline.map((e) => e.type).lastIndexOf('ticket.resolved');
  const lastRating = view.timeline.map((e) => e.type).lastIndexOf('ticket.rated');
  return lastRating < lastFix;
}

/**
 * The public progress page of one report. It follows the ticket live over socket.io (tracking-code
 * room) and refetches the public view on each push, since the push carries no timeline.
 */
export function TrackPage({ code, categoryName }: { code: string; categoryName: (code: string) => string }) {
  const lang = useLang();
  const view = useApi<PublicView>(`/api/v1/reports/${encodeURIComponent(code)}`);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [rated, setRated] = useState<string | null>(null);
  const found = view.data?.trackingCode;

  useEffect(() => {
    if (!found) return;
    const conn = connectLive(
      { trackingCode: found },
      { onTicket: () => void view.reload(), onResync: () => void view.reload(), onStatus: setLive },
    );
    return () => conn.close();
  }, [found]);

  if (view.error && !view.data) {
    const notFound = view.error instanceof ApiError && view.error.status === 404;
    return (
      <section class="card" data-testid="track-error">
        {notFound ? <p class="error-box">{t('r.notFound')}</p> : <ErrorBox error={view.error} />}
        <button type="button" onClick={() => void view.reload()}>
          {t('common.retry')}
        </button>
      </section>
    );
  }
  if (!view.data) return <SkeletonRows rows={4} />;
  const v = view.data;
  // Until a unit holds it, the report waits to be assigned, whatever the stored status says.
  const unassigned = (v.status === 'submitted' || v.status === 'dispatched') && !v.unit;
  // The clock the ticket is working to now (the domain's rule, as on the staff pages): the unit's
  // while it signs and fixes, the community's while it checks the fix; paused while a return waits.
  const current = unassigned ? null : clockShown(v);
  const due = current ? v.deadlines[current] : undefined;
  return (
    <section data-testid="track-page" data-status={v.status}>
      <div class="card">
        <div class="row-between">
          <p class="tracking-code small">{v.trackingCode}</p>
          <LiveBadge status={live} />
        </div>
        <p>
          {t('r.status')}:{' '}
          <strong class={`status status-${v.status}`} data-testid="track-status">
            {unassigned ? t('status.unassigned') : t(`status.${v.status}`)}
          </strong>
        </p>
        <p class="muted">
          {categoryName(v.category)} · {formatDateTime(v.createdAt, lang)}
        </p>
        {v.unit && (
          <p>
            {t('r.unit')}: {pick(v.unit.name)}
          </p>
        )}
        {current && due && (
          <p data-testid="track-due">
            {current === 'verify' ? t('r.verifyBy') : t(`deadline.${current}`)}:{' '}
            <strong>{formatDateTime(due.dueAt, lang)}</strong> <Countdown deadline={due} />
          </p>
        )}
        {v.plannedWorks && <LinkedPlannedWorksNotice works={v.plannedWorks} />}
        {v.mergedInto && (
          <p class="notice">
            <a href={trackHref(v.mergedInto.trackingCode)}>
              {t('r.mergedInto', { code: v.mergedInto.trackingCode })}
            </a>
          </p>
        )}
      </div>
      {(v.fix || (v.updates?.length ?? 0) > 0) && (
        // What the unit did, above the rating: residents rate what they can see.
        <div class="card">
          <FixEvidencePanel evidence={{ fix: v.fix ?? null, updates: v.updates ?? [] }} />
        </div>
      )}
      {rated ? (
        <p class="card notice" data-testid="rated" role="status">
          {rated === 'dissatisfied' ? t('r.ratedReopen') : t('r.rated')}
        </p>
      ) : (
        canRate(v) && (
          <RatingForm
            trackingCode={v.trackingCode}
            onRated={(r) => {
              setRated(r);
              void view.reload();
            }}
          />
        )
      )}
      {v.status !== 'closed' && v.status !== 'cancelled' && <SmsOptOut trackingCode={v.trackingCode} />}
      <div class="card">
        <h2>{t('r.timeline')}</h2>
        <ol class="timeline" data-testid="timeline">
          {[...v.timeline].reverse().map((e, i) => (
            <li key={`${e.at}-${i}`} data-type={e.type}>
              <span class="muted">{formatDateTime(e.at, lang)}</span> · {t(`event.${e.type}`)}
              {e.note && <div>{e.note}</div>}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
