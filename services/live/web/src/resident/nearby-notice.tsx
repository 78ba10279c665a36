import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/error-box';
import { formatDateTime } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import { deviceId } from './device-id';
import { trackHref } from './route';

/**
 * How the server describes another resident's report: what it is about (contact details taken
 * out), its first photo, how far it has got, and a reference to join it — never its tracking code
 * or position.
 */
type Nearby = {
  ref: string;
  category: string;
  summary: string;
  photo?: string;
  status: string;
  reportedAt: string;
  distanceM: number;
  supporters: number;
};
type Supported = { trackingCode: string; supporters: number; alreadySupported: boolean };

/**
 * Before sending: open reports of the same kind near the pin (GET /api/v1/reports/nearby), so a
 * resident sees the problem is already being handled and can say "I have this too" instead of
 * filing it twice (which also gives them the report to follow). Advice only: the form stays as it
 * is and can still be sent, and a failed lookup shows nothing.
 */
export function NearbyNotice({
  category,
  categoryName,
  at,
}: {
  category: string;
  categoryName: (code: string) => string;
  at: { lat: number; lng: number } | null;
}) {
  const lang = useLang();
  const [nearby, setNearby] = useState<Nearby[]>([]);
  const [supported, setSupported] = useState<Record<string, Supported>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setNearby([]);
    if (!category || !at) return;
    let current = true;
    // Wait for the pin to settle (arrow keys move it step by step).
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ category, lat: String(at.lat), lng: String(at.lng) });
      api<{ duplicates: Nearby[] }>('GET', `/api/v1/reports/nearby?${query}`).then(
        (r) => current && setNearby(r.duplicates),
        () => undefined,
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [category, at?.lat, at?.lng]);

  async function support(ref: string) {
    setBusy(ref);
    setError(null);
    try {
      const answer = await api<Supported>(
        'POST',
        `/api/v1/reports/nearby/${encodeURIComponent(ref)}/support`,
        {
          device: deviceId(),
        },
      );
      setSupported((s) => ({ ...s, [ref]: answer }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  if (nearby.length === 0) return null;
  return (
    <div class="notice full nearby" data-testid="nearby-before-send" role="status">
      <p>{t('r.duplicates')}</p>
      <ul>
        {nearby.map((d) => {
          const done = supported[d.ref];
          return (
            <li key={d.ref} data-status={d.status} data-testid="nearby-item">
              {d.photo && (
                <img src={d.photo} alt={t('r.nearbyPhoto')} width={64} height={64} loading="lazy" />
              )}
              <div>
                <p>
                  <strong>{categoryName(d.category)}</strong>
                  {' · '}
                  {t('r.nearbyItem', {
                    status: t(`status.${d.status}`),
                    m: d.distanceM,
                    at: formatDateTime(d.reportedAt, lang),
                  })}
                </p>
                {d.summary && <p class="nearby-summary">{d.summary}</p>}
                {done ? (
                  <p data-testid="supported">
                    {t(done.alreadySupported ? 'r.supportedBefore' : 'r.supported', { n: done.supporters })}{' '}
                    <a href={trackHref(done.trackingCode)} data-testid="follow-supported">
                      {t('r.followIt', { code: done.trackingCode })}
                    </a>
                  </p>
                ) : (
                  <>
                    {d.supporters > 0 && <p class="muted">{t('r.nearbySupporters', { n: d.supporters })}</p>}
                    <button
                      type="button"
                      data-testid="have-this-too"
                      disabled={busy !== null}
                      onClick={() => void support(d.ref)}
                    >
                      {t('r.haveThisToo')}
                    </button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorBox error={error} />
      <p class="hint">{t('r.nearbyAdvice')}</p>
    </div>
  );
}
