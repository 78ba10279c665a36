import type { Area } from '../lib/areas';
import { t, useLang } from '../lib/i18n';
import { placeName } from '../lib/place';
import type { P1Alert } from './use-inbox';

/** The visual P1 alert: a red banner that stays until someone acknowledges or opens the ticket. */
export function P1Banner({
  alerts,
  soundBlocked,
  categoryName,
  areas,
  onOpen,
  onDismiss,
}: {
  alerts: P1Alert[];
  soundBlocked: boolean;
  categoryName: (code: string) => string;
  areas: readonly Area[];
  onOpen: (id: string) => void;
  onDismiss: (id: string) => void;
}) {
  useLang();
  if (alerts.length === 0) return null;
  return (
    <div class="p1-alerts" role="alert" data-testid="p1-alert">
      {alerts.map((a) => (
        <div key={a.id} class="p1-alert" data-ticket={a.trackingCode}>
          <strong>{t('c.p1Alert', { category: categoryName(a.category), code: a.trackingCode })}</strong>
          {placeName(a.areaIds, areas) && (
            <span class="p1-where" data-testid="p1-where">
              {placeName(a.areaIds, areas)}
            </span>
          )}
          <div class="actions">
            <button type="button" class="primary inverse" onClick={() => onOpen(a.id)}>
              {t('c.p1Open')}
            </button>
            <button type="button" onClick={() => onDismiss(a.id)}>
              {t('c.p1Ack')}
            </button>
          </div>
        </div>
      ))}
      {soundBlocked && <p class="hint">{t('c.soundBlocked')}</p>}
    </div>
  );
}
