import type { FixEvidence } from '@grid-dispatch/domain';
import { formatDateTime } from './format';
import { t, useLang } from './i18n';

function Thumbs({ urls, alt, testId }: { urls: readonly string[]; alt: string; testId: string }) {
  if (urls.length === 0) return <p class="muted">{t('evidence.noPhotos')}</p>;
  return (
    <ul class="thumbs" data-testid={testId}>
      {urls.map((url) => (
        <li key={url}>
          <a href={url} target="_blank" rel="noreferrer">
            <img src={url} alt={alt} width={120} height={120} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * What the unit showed of its work: the fix report (what was done, with photos) and its progress
 * notes. With `before` (the resident's photos), the two sets of photos stand side by side, as a
 * secretary verifying the fix wants to compare them. Nothing at all before the unit said anything.
 */
export function FixEvidencePanel({
  evidence,
  before,
}: {
  evidence: FixEvidence;
  before?: readonly string[];
}) {
  const lang = useLang();
  const { fix, updates } = evidence;
  if (!fix && updates.length === 0) return null;
  return (
    <section class="fix-evidence" data-testid="fix-evidence">
      <h3>{t('evidence.title')}</h3>
      {fix && (
        <div data-testid="fix-report" data-current={String(fix.current)}>
          <p>
            <span class="muted">{formatDateTime(fix.at, lang)}</span> · {t('evidence.fixed')}
            {!fix.current && <span class="badge">{t('evidence.superseded')}</span>}
          </p>
          {fix.note && <p data-testid="fix-note">{fix.note}</p>}
          {before ? (
            <div class="before-after">
              <figure>
                <figcaption>{t('evidence.before')}</figcaption>
                <Thumbs urls={before} alt={t('evidence.before')} testId="photos-before" />
              </figure>
              <figure>
                <figcaption>{t('evidence.after')}</figcaption>
                <Thumbs urls={fix.photos} alt={t('evidence.after')} testId="photos-after" />
              </figure>
            </div>
          ) : (
            fix.photos.length > 0 && (
              <Thumbs urls={fix.photos} alt={t('evidence.after')} testId="photos-after" />
            )
          )}
        </div>
      )}
      {updates.length > 0 && (
        <>
          <h4>{t('evidence.updates')}</h4>
          <ol class="timeline" data-testid="fix-updates">
            {updates.map((u) => (
              <li key={u.at}>
                <span class="muted">{formatDateTime(u.at, lang)}</span> · {u.note}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
