import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';
import { t, useLang } from '../lib/i18n';
import { trackHref } from './route';

type Nearby = { trackingCode: string; distanceM: number };

/**
 * Before sending: open reports of the same kind near the pin (GET /api/v1/reports/nearby), so a
 * resident can follow one that is already being handled instead of filing it twice. Advice only:
 * the form can still be sent, and a failed lookup shows nothing.
 */
export function NearbyNotice({
  category,
  at,
}: {
  category: string;
  at: { lat: number; lng: number } | null;
}) {
  useLang();
  const [nearby, setNearby] = useState<Nearby[]>([]);
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
  if (nearby.length === 0) return null;
  return (
    <div class="notice full" data-testid="nearby-before-send" role="status">
      <p>{t('r.duplicates')}</p>
      <ul>
        {nearby.map((d) => (
          <li key={d.trackingCode}>
            <a href={trackHref(d.trackingCode)}>
              {t('r.duplicateItem', { code: d.trackingCode, m: Math.round(d.distanceM) })}
            </a>
          </li>
        ))}
      </ul>
      <p class="hint">{t('r.nearbyAdvice')}</p>
    </div>
  );
}
