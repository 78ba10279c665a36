import { t, useLang } from '../lib/i18n';
import { trackingCodeGroups } from './tracking-code-groups';

/** The tracking code large, in its three groups, for the agent to read out to the caller. */
export function TrackingCodeReadout({ code, onAnother }: { code: string; onAnother: () => void }) {
  useLang();
  return (
    <section class="card readout" data-testid="readout" aria-live="polite">
      <h2>{t('h.filedTitle')}</h2>
      <p class="code-groups" data-testid="tracking-code">
        <span class="sr-only">{code}</span>
        {trackingCodeGroups(code).map((group, i) => (
          <span class="code-group" key={i} title={t('h.group', { n: i + 1 })} aria-hidden="true">
            {group.map((c, j) => (
              <span class="code-char" key={j}>
                {c}
              </span>
            ))}
          </span>
        ))}
      </p>
      <p class="hint">{t('h.filedHint')}</p>
      <button type="button" class="primary" onClick={onAnother}>
        {t('h.another')}
      </button>
    </section>
  );
}
