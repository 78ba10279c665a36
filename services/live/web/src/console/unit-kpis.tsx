import { reportDay } from '@grid-dispatch/domain';
import { useEffect } from 'preact/hooks';
import { isPreparing } from '../lib/api';
import { formatIsoDuration, formatRate } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import { useApi } from '../lib/use-api';

interface Kpis {
  responseRate: number | null;
  onTimeRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  ackP50: string | null;
  ackP90: string | null;
  resolveP50: string | null;
  resolveP90: string | null;
  counts?: Record<string, number>;
}

/** This month so far, in reporting time (the domain's `reportDay`): both days included. */
export function monthRange(now = new Date()): { from: string; to: string } {
  const today = reportDay(now.toISOString());
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** The unit's own 三率 and times this month. Quietly says "not available" until the API answers. */
export function UnitKpis({ unitId, refresh }: { unitId: string; refresh: number }) {
  const lang = useLang();
  const { from, to } = monthRange();
  const kpis = useApi<Kpis>(
    `/api/v1/kpis?unitId=${encodeURIComponent(unitId)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  // Figures change slowly: refresh after our own actions and once a minute, not on every push.
  useEffect(() => {
    if (refresh > 0) void kpis.reload();
  }, [refresh]);
  useEffect(() => {
    const timer = setInterval(() => void kpis.reload(), 60000);
    return () => clearInterval(timer);
  }, [kpis.reload]);
  const k = kpis.data;
  const rates = ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate'] as const;
  const times = ['ackP50', 'ackP90', 'resolveP50', 'resolveP90'] as const;
  return (
    <section class="unit-kpis" data-testid="unit-kpis">
      <h2>{t('c.kpis')}</h2>
      {!k && kpis.loading && <p class="loading">{t('common.loading')}</p>}
      {!k && kpis.error != null && (
        <p class="muted" role="status">
          {isPreparing(kpis.error) ? t('c.kpiPreparing') : t('c.kpiUnavailable')}
        </p>
      )}
      {k && (
        <div class="tiles">
          {rates.map((r) => (
            <div key={r} class="tile" data-kpi={r}>
              <div class="value">{formatRate(k[r])}</div>
              <div class="label">{t(`c.kpi.${r}`)}</div>
            </div>
          ))}
          {times.map((r) => (
            <div key={r} class="tile" data-kpi={r}>
              <div class="value">{formatIsoDuration(k[r], lang)}</div>
              <div class="label">{t(`c.kpi.${r}`)}</div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
