import { formatIsoDuration, formatRate } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import { type KpiRates, RATE_TILES, REPORT_CHANNEL_TILES, TIME_TILES } from './kpi.types';

/**
 * 三率 and the sign/fix times. Every tile is always there (test ids `kpi-<name>`), showing "—"
 * while there is nothing to count or the KPI API is not available, and a placeholder bar while
 * the first figures are on their way (`pending`), so "—" never flashes before real numbers.
 * Last, the reports by the channel they came in by (test ids `kpi-reports-<channel>`).
 */
export function KpiTiles({ figures, pending = false }: { figures: KpiRates | null; pending?: boolean }) {
  const lang = useLang();
  const shown = (text: string) => (pending ? <span class="skeleton" aria-hidden="true" /> : text);
  return (
    <div class="tiles kpi-tiles">
      {RATE_TILES.map((k) => (
        <div class="tile" key={k}>
          <div class="label">{t(`kpi.${k}`)}</div>
          <div class="value" data-testid={`kpi-${k}`}>
            {shown(formatRate(figures?.[k]))}
          </div>
        </div>
      ))}
      {TIME_TILES.map((k) => (
        <div class="tile tile-time" key={k}>
          <div class="label">{t(`kpi.${k}`)}</div>
          <div class="value" data-testid={`kpi-${k}`}>
            {shown(formatIsoDuration(figures?.[k], lang))}
          </div>
        </div>
      ))}
      {REPORT_CHANNEL_TILES.map(([channel, key]) => (
        <div class="tile tile-channel" key={channel}>
          <div class="label">
            {t('kpi.reportsBy')} · {t(`channel.${channel}`)}
          </div>
          <div class="value" data-testid={`kpi-reports-${channel}`}>
            {shown(String(figures?.counts?.[key] ?? '—'))}
          </div>
        </div>
      ))}
    </div>
  );
}
