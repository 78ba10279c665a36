import { t, useLang } from '../lib/i18n';
import { LinkedPlannedWorksNotice } from '../lib/planned-works';
import type { ReportCreated } from './report-form';
import { trackHref } from './route';

/**
 * After sending: the tracking code big enough to read aloud over the phone (groups of four, a
 * monospace face that tells 0 from O), the nearby duplicates, and the way to follow progress.
 */
export function Confirmation({ created, onAnother }: { created: ReportCreated; onAnother: () => void }) {
  useLang();
  return (
    <section class="card confirmation" data-testid="confirmation" aria-live="polite">
      <h2>{t('r.done')}</h2>
      <p>{t('r.codeIntro')}</p>
      <p class="tracking-code" data-testid="tracking-code">
        {created.trackingCode}
      </p>
      <p class="hint">{t('r.codeSaved')}</p>
      {created.plannedWorks && <LinkedPlannedWorksNotice works={created.plannedWorks} />}
      <details class="rating-token" data-testid="rating-token">
        <summary>{t('r.rateToken')}</summary>
        <p class="hint">{t('r.tokenExplained')}</p>
        <p>
          <code data-testid="reporter-token">{created.reporterToken}</code>
        </p>
      </details>
      {created.duplicates.length > 0 && (
        <div class="notice" data-testid="duplicates">
          <p>{t('r.duplicates')}</p>
          <ul>
            {created.duplicates.map((d) => (
              <li key={d.trackingCode}>
                <a href={trackHref(d.trackingCode)}>
                  {t('r.duplicateItem', { code: d.trackingCode, m: Math.round(d.distanceM) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="actions full">
        <a class="button primary" href={trackHref(created.trackingCode)} data-testid="follow">
          {t('r.follow')}
        </a>
        <button type="button" onClick={onAnother}>
          {t('r.another')}
        </button>
      </div>
    </section>
  );
}
