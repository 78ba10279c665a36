import { ErrorBox, errorSentence } from '../lib/error-box';
import { t, useLang } from '../lib/i18n';
import { KpiTables } from './kpi-tables';
import { KpiTiles } from './kpi-tiles';
import { tileRates } from './kpi-view';
import type { Names } from './names';
import type { Period } from './period';
import { PeriodPicker } from './period-picker';
import type { BoardFilter } from './ticket-board';
import type { KpiState } from './use-kpis';

/** Tiles, period and the ranking/breakdown tables for the current drill-down. */
export function KpiPanel({
  state,
  period,
  onPeriod,
  filter,
  onDrill,
  names,
}: {
  state: KpiState;
  period: Period;
  onPeriod: (p: Period) => void;
  filter: BoardFilter;
  onDrill: (f: BoardFilter) => void;
  names: Names;
}) {
  useLang();
  // Nothing to show yet, and figures on their way (loading, or the server summarising the period).
  const pending =
    state.kpis === null && !state.missing && !state.error && (state.loading || state.preparing !== null);
  return (
    <section class="card kpi-panel" data-testid="kpi-panel" aria-busy={state.loading}>
      <div class="kpi-head">
        <h2>{t('kpi.title')}</h2>
        <PeriodPicker period={period} onChange={onPeriod} />
      </div>
      {state.preparing && (
        <p class="muted" role="status" data-testid="kpi-preparing">
          {t('kpi.preparing', { s: state.preparing })}
        </p>
      )}
      {state.missing ? (
        <p class="muted" data-testid="kpi-missing">
          {t('kpi.unavailable')}: {errorSentence(state.error)}
        </p>
      ) : (
        <ErrorBox error={state.error} />
      )}
      <KpiTiles figures={tileRates(state.kpis, filter)} pending={pending} />
      <KpiTables kpis={state.kpis} pending={pending} names={names} filter={filter} onDrill={onDrill} />
    </section>
  );
}
