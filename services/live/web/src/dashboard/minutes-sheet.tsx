import { useEffect, useRef } from 'preact/hooks';
import { ErrorBox } from '../lib/error-box';
import { formatDateTime } from '../lib/format';
import { getLang, pick, t, useLang } from '../lib/i18n';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import type { Minutes } from './committee.types';

/**
 * A meeting's minutes as a printable page over the dashboard: the print stylesheet
 * (dashboard.css) hides everything else, so the browser's print prints the sheet alone.
 */
export function MinutesSheet({ path, onClose }: { path: string; onClose: () => void }) {
  useLang();
  const minutes = useApi<Minutes>(path);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const m = minutes.data;
  const lang = getLang();
  return (
    <div
      class="minutes-sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby="minutes-title"
      data-testid="minutes-sheet"
    >
      <div class="minutes-tools no-print">
        <button type="button" data-testid="minutes-print" onClick={() => window.print()}>
          {t('jc.print')}
        </button>{' '}
        <button type="button" ref={close} data-testid="minutes-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ErrorBox error={minutes.error} />
      {!m && minutes.loading && <SkeletonRows rows={6} />}
      {m && (
        <article>
          <h2 id="minutes-title">{pick(m.title)}</h2>
          <p>
            {pick(m.community)} · {m.month} · {t(`jc.status.${m.status}`)}
            {m.heldAt && <> · {t('jc.heldAt', { time: formatDateTime(m.heldAt, lang) })}</>}
          </p>
          <p>{t('jc.chair', { name: pick(m.chair.name) })}</p>
          <p>
            {t('jc.present')}: {m.attendees.map((u) => pick(u.name)).join('、') || t('common.none')}
          </p>
          <p>
            {t('jc.absent')}: {m.absent.map((u) => pick(u.name)).join('、') || t('common.none')}
          </p>
          <h3>{t('jc.decisions')}</h3>
          {m.decisions.length === 0 ? (
            <p>{t('jc.noDecisions')}</p>
          ) : (
            <table class="minutes-decisions">
              <thead>
                <tr>
                  <th scope="col">{t('jc.col.n')}</th>
                  <th scope="col">{t('jc.col.kind')}</th>
                  <th scope="col">{t('jc.col.subject')}</th>
                  <th scope="col">{t('jc.col.text')}</th>
                </tr>
              </thead>
              <tbody>
                {m.decisions.map((d) => (
                  <tr key={d.n} data-testid="minutes-decision">
                    <td>{d.n}</td>
                    <td>{pick(d.label)}</td>
                    <td>
                      {[
                        d.projectTitle,
                        d.unitName ? pick(d.unitName) : null,
                        d.milestone
                          ? `${d.milestone.title} (${formatDateTime(d.milestone.dueAt, lang)})`
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </td>
                    <td>{d.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('jc.minutesText')}</h3>
          <p class="minutes-text" data-testid="minutes-text">
            {m.minutes ?? t('jc.noMinutes')}
          </p>
        </article>
      )}
    </div>
  );
}
