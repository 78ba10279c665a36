import { useState } from 'preact/hooks';
import { formatDateTime } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import { storedReports } from './reporter-tokens';
import { trackHref } from './route';

/** Type a tracking code, or pick one of the reports filed from this browser. */
export function Lookup({ categoryName }: { categoryName: (code: string) => string }) {
  const lang = useLang();
  const [code, setCode] = useState('');
  const mine = storedReports();
  return (
    <section class="card lookup" data-testid="lookup">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) location.hash = trackHref(code.trim().toUpperCase());
        }}
      >
        <h2>{t('r.trackTitle')}</h2>
        <label for="track-code">{t('r.trackCode')}</label>
        <p class="hint">{t('r.trackHint')}</p>
        <input
          id="track-code"
          autocapitalize="characters"
          autocomplete="off"
          placeholder="XXXX-XXXX-XXXX"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        <div class="actions full">
          <button type="submit" class="primary">
            {t('r.trackSubmit')}
          </button>
        </div>
      </form>
      {mine.length > 0 && (
        <>
          <h3>{t('r.myReports')}</h3>
          <ul class="list">
            {mine.map((r) => (
              <li key={r.trackingCode}>
                <a href={trackHref(r.trackingCode)}>
                  <code>{r.trackingCode}</code>
                </a>{' '}
                <span class="muted">
                  {categoryName(r.category)} · {formatDateTime(r.at, lang)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
