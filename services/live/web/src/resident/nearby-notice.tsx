import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { t, useLang } from '../lib/i18n';

/** How the server describes another resident's report: never its tracking code or position. */
type Nearby = { category: string; status: string; reportedAt: string; distanceM: number };

/**
 * Before sending: open reports of the same kind near the pin (GET /api/v1/reports/nearby), so a
 * resident sees the problem is already being handled instead of filing it twice. Advice only:
 * the form can still be sent, and a failed lookup shows nothing.
 */
export function NearbyNotice({
  category,
  at,
}: {
  category: string;
  at: { lat: number; lng: number } | null;
}) {
  const lang = useLang();
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
        {nearby.map((d, i) => (
          <li key={`${d.reportedAt}-${d.distanceM}-${i}`} data-status={d.status}>
            {t('r.nearbyItem', {
              status: t(`status.${d.status}`),
              m: d.distanceM,
              at: formatDateTime(d.reportedAt, lang),
            })}
          </li>
        ))}
      </ul>
      <p class="hint">{t('r.nearbyAdvice')}</p>
    </div>
  );
}
