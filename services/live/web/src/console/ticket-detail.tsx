import { DEADLINE_KINDS, fixEvidence } from '@grid-dispatch/domain';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { Countdown } from '../lib/countdown';
import { ErrorBox } from '../lib/error-box';
import { FixEvidencePanel } from '../lib/fix-evidence';
import { formatDateTime } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import { PlaceFacts } from '../lib/place';
import { getSession } from '../lib/session';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import { useAreas } from '../lib/use-areas';
import { ActionForm, actionsFor, type UnitAction } from './action-form';
import type { TicketDetail as Detail, TicketRow } from './ticket.types';

/**
 * One ticket in full: what, where, who reported it (phone masked), the running deadlines, the
 * history and the actions the unit may take now. Refetched whenever a push changes the ticket.
 */
export function TicketDetail({
  id,
  revision,
  categoryName,
  onChanged,
  onFresh,
  onBack,
}: {
  id: string;
  revision: number;
  categoryName: (code: string) => string;
  onChanged: (t: TicketRow) => void;
  /** Every fetched state, so the inbox row never lags behind the detail. */
  onFresh: (t: TicketRow) => void;
  onBack: () => void;
}) {
  const lang = useLang();
  const areas = useAreas();
  const detail = useApi<Detail>(`/api/v1/tickets/${encodeURIComponent(id)}`);
  const [open, setOpen] = useState<UnitAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (revision > 0) void detail.reload();
  }, [revision]);
  useEffect(() => {
    if (detail.data) onFresh(detail.data);
  }, [detail.data]);
  useEffect(() => {
    setOpen(null);
    setNotice(null);
    setError(null);
  }, [id]);

  if (detail.error && !detail.data) return <ErrorBox error={detail.error} />;
  const tk = detail.data;
  if (!tk) return <SkeletonRows rows={6} />;

  function done(action: UnitAction, updated: TicketRow) {
    setOpen(null);
    setError(null);
    setNotice(t(`c.done.${action}`));
    onChanged(updated);
    void detail.reload();
  }
  function conflict() {
    setNotice(t('c.conflict'));
    void detail.reload();
  }
  // Signing is one click: for an emergency every second of the 15 minutes counts.
  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const updated = await api<TicketRow>(
        'POST',
        `/api/v1/tickets/${encodeURIComponent(tk!.id)}/accept`,
        {},
        {
          headers: { 'if-match': String(tk!.version) },
        },
      );
      done('accept', updated);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 409) conflict();
    } finally {
      setBusy(false);
    }
  }

  const deadlines = DEADLINE_KINDS.filter((k) => tk.deadlines[k]);
  const actions = actionsFor(tk, getSession()?.user.unitId);
  return (
    <article
      class="card ticket-detail"
      data-testid="ticket-detail"
      data-status={tk.status}
      data-version={tk.version}
    >
      <button type="button" class="link back" onClick={onBack}>
        ← {t('c.back')}
      </button>
      <h2>
        <span class={`prio prio-${tk.priority}`}>{t(`priority.${tk.priority}`)}</span>{' '}
        {categoryName(tk.category)} <code>{tk.trackingCode}</code>
      </h2>
      <p>
        <strong data-testid="detail-status">{t(`status.${tk.status}`)}</strong>
        {tk.escalationLevel > 0 && (
          <span class="escalated"> · {t('c.escalation', { level: tk.escalationLevel })}</span>
        )}
      </p>
      {deadlines.map((k) => {
        const d = tk.deadlines[k]!;
        return (
          <p key={k} class="deadline-line">
            <Countdown deadline={d} label={t(`deadline.${k}`)} />{' '}
            <span class="muted">{formatDateTime(d.dueAt, lang)}</span>
          </p>
        );
      })}
      {tk.pendingRequest && <p class="notice">{t(`c.pending.${tk.pendingRequest.kind}`)}</p>}
      <dl class="facts">
        {tk.description && (
          <>
            <dt>{t('c.description')}</dt>
            <dd>{tk.description}</dd>
          </>
        )}
        {tk.address && (
          <>
            <dt>{t('c.address')}</dt>
            <dd>{tk.address}</dd>
          </>
        )}
        {(tk.location || (tk.areaIds?.length ?? 0) > 0) && (
          <>
            <dt>{t('c.location')}</dt>
            <dd>
              <PlaceFacts areaIds={tk.areaIds ?? []} location={tk.location} areas={areas} />
            </dd>
          </>
        )}
        {tk.reporter && (
          <>
            <dt>{t('c.reporter')}</dt>
            <dd>{[tk.reporter.name, tk.reporter.phoneMasked].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        {tk.channel && (
          <>
            <dt>{t('channel.label')}</dt>
            <dd data-testid="ticket-channel">{t(`channel.${tk.channel}`)}</dd>
          </>
        )}
        {(tk.supporters ?? 0) > 0 && (
          <>
            <dt>{t('c.supporters')}</dt>
            <dd data-testid="supporters">{t('c.supportersCount', { n: tk.supporters ?? 0 })}</dd>
          </>
        )}
      </dl>
      {tk.photos && tk.photos.length > 0 && (
        <div>
          <h3>{t('c.photos')}</h3>
          <ul class="thumbs">
            {tk.photos.map((url) => (
              <li key={url}>
                <a href={url} target="_blank" rel="noreferrer">
                  <img src={url} alt="" width={96} height={96} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FixEvidencePanel evidence={fixEvidence(tk.events)} />
      {notice && (
        <p class="notice" role="status" data-testid="action-notice">
          {notice}
        </p>
      )}
      <ErrorBox error={error} />
      {open ? (
        <ActionForm
          ticket={tk}
          action={open}
          onDone={(u) => done(open, u)}
          onCancel={() => setOpen(null)}
          onConflict={conflict}
        />
      ) : (
        actions.length > 0 && (
          <div class="actions">
            {actions.map((a) =>
              a === 'accept' ? (
                <button
                  key={a}
                  type="button"
                  class="primary"
                  disabled={busy}
                  data-testid="action-accept"
                  onClick={accept}
                >
                  {busy ? t('c.sending') : t('c.action.accept')}
                </button>
              ) : (
                <button key={a} type="button" data-testid={`action-${a}`} onClick={() => setOpen(a)}>
                  {t(`c.action.${a}`)}
                </button>
              ),
            )}
          </div>
        )
      )}
      <h3>{t('c.history')}</h3>
      <ol class="timeline">
        {[...tk.events].reverse().map((e) => (
          <li key={e.eventId}>
            <span class="muted">{formatDateTime(e.at, lang)}</span> · {t(`event.${e.type}`)}
            {eventNote(e.payload) && <div>{eventNote(e.payload)}</div>}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** The human text an event carries (note, reason or comment), if any. */
function eventNote(payload: Record<string, unknown> | undefined): string | null {
  if (!payload) return null;
  for (const k of ['note', 'reason', 'comment'])
    if (typeof payload[k] === 'string' && payload[k]) return payload[k] as string;
  return null;
}
