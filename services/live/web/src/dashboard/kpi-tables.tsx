import { formatRate } from '../lib/format';
import { pick, t, useLang } from '../lib/i18n';
import type { KpiRates, Kpis } from './kpi.types';
import { rankedUnits } from './kpi-view';
import type { Names } from './names';
import type { BoardFilter } from './ticket-board';

const COLUMNS = ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate'] as const;

function RateCells({ r }: { r: KpiRates }) {
  return (
    <>
      {COLUMNS.map((c) => (
        <td key={c}>{formatRate(r[c])}</td>
      ))}
      <td>{r.counts?.dispatched ?? '—'}</td>
    </>
  );
}

function RateHeads() {
  return (
    <>
      {COLUMNS.map((c) => (
        <th key={c}>{t(`kpi.${c}`)}</th>
      ))}
      <th>{t('kpi.dispatched')}</th>
    </>
  );
}

/**
 * The ranking of units and the breakdowns by category and area. A click on a row drills down:
 * the filter narrows the tiles, the list and the map to that unit, category or area.
 */
export function KpiTables({
  kpis,
  pending = false,
  names,
  filter,
  onDrill,
}: {
  kpis: Kpis | null;
  /** The first figures are on their way: placeholder rows, not "no data". */
  pending?: boolean;
  names: Names;
  filter: BoardFilter;
  onDrill: (f: BoardFilter) => void;
}) {
  useLang();
  const units = rankedUnits(kpis);
  const categories = kpis?.byCategory ?? [];
  const areas = kpis?.byArea ?? [];
  return (
    <div class="kpi-tables">
      <section>
        <h3>{t('kpi.ranking')}</h3>
        {pending ? (
          <div class="skeleton-rows" aria-hidden="true">
            <span class="skeleton" />
            <span class="skeleton" />
            <span class="skeleton" />
          </div>
        ) : units.length === 0 ? (
          <p class="muted">{t('kpi.empty')}</p>
        ) : (
          <table data-testid="unit-ranking">
            <thead>
              <tr>
                <th>{t('kpi.rank')}</th>
                <th>{t('kpi.unit')}</th>
                <RateHeads />
                <th>{t('kpi.score')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr
                  key={u.unitId}
                  class={`clickable${filter.unitId === u.unitId ? ' selected' : ''}`}
                  data-testid={`rank-${u.unitId}`}
                  onClick={() => onDrill({ ...filter, unitId: u.unitId })}
                >
                  <td>{u.rank ?? '—'}</td>
                  <td>{u.name ? pick(u.name) : names.unit(u.unitId)}</td>
                  <RateCells r={u} />
                  <td>{typeof u.score === 'number' ? u.score.toFixed(1) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {categories.length > 0 && (
        <section>
          <h3>{t('kpi.byCategory')}</h3>
          <table data-testid="by-category">
            <thead>
              <tr>
                <th>{t('kpi.category')}</th>
                <RateHeads />
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr
                  key={c.category}
                  class={`clickable${filter.category === c.category ? ' selected' : ''}`}
                  onClick={() => onDrill({ ...filter, category: c.category })}
                >
                  <td>{names.category(c.category)}</td>
                  <RateCells r={c} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {areas.length > 0 && (
        <section>
          <h3>{t('kpi.byArea')}</h3>
          <table data-testid="by-area">
            <thead>
              <tr>
                <th>{t('kpi.area')}</th>
                <RateHeads />
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr
                  key={a.areaId}
                  class={`clickable${filter.areaId === a.areaId ? ' selected' : ''}`}
                  onClick={() => onDrill({ ...filter, areaId: a.areaId })}
                >
                  <td>{names.area(a.areaId)}</td>
                  <RateCells r={a} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
