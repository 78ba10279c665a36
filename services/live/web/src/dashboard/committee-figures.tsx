import { useState } from 'preact/hooks';
import type { Area } from '../lib/areas';
import { ErrorBox } from '../lib/error-box';
import { pick, t, useLang } from '../lib/i18n';
import { SkeletonRows } from '../lib/skeleton';
import { useApi } from '../lib/use-api';
import type { Figures, FiguresAnswer } from './committee.types';
import { monthPeriod, type Period } from './period';
import { PeriodPicker } from './period-picker';

/** GET /api/v1/committees/figures for an area (the caller's by default) and a period. */
function figuresPath(areaId: string, period: Period): string {
  const q = new URLSearchParams({ from: period.from, to: period.to });
  if (areaId) q.set('areaId', areaId);
  return `/api/v1/committees/figures?${q.toString()}`;
}

const days = (n: number | null) => (n === null ? t('common.none') : n.toFixed(1));

/** The figures of one committee or of the whole area, as tiles and small tables. */
function FigureBlock({ figures, testId }: { figures: Figures; testId: string }) {
  const tiles: Array<[string, string | number]> = [
    ['needsRaised', figures.needs.raised],
    ['needsAccepted', figures.needs.accepted],
    ['needsServed', figures.needs.served],
    ['delivered', figures.delivered.total],
    ['median', days(figures.medianDaysNeedToDelivered)],
    [
      'satisfaction',
      figures.satisfaction.mean === null
        ? t('common.none')
        : t('fig.satisfactionValue', {
            mean: figures.satisfaction.mean.toFixed(1),
            n: figures.satisfaction.count,
          }),
    ],
  ];
  return (
    <div class="figure-block" data-testid={testId}>
      <dl class="figure-tiles">
        {tiles.map(([key, value]) => (
          <div key={key} class="tile" data-testid={`${testId}-${key}`}>
            <dt>{t(`fig.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {figures.delivered.byMonth.length > 0 && (
        <table class="figure-table">
          <caption>{t('fig.byMonth')}</caption>
          <tbody>
            {figures.delivered.byMonth.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{m.count}</td>
              </tr>
            ))}
            {figures.delivered.byYear.map((y) => (
              <tr key={y.year} class="figure-year">
                <th scope="row">
                  {t('fig.byYear')} {y.year}
                </th>
                <td>{y.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {figures.units.length > 0 && (
        <table class="figure-table">
          <caption>{t('fig.units')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fig.unit')}</th>
              <th scope="col">{t('fig.led')}</th>
              <th scope="col">{t('fig.joined')}</th>
              <th scope="col">{t('fig.resources')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">{pick(u.name) || u.unitId}</th>
                <td>{u.projectsLed}</td>
                <td>{u.projectsJoined}</td>
                <td>{u.resourcesOffered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * The joint committees' figures for the secretary's area (or an area below it) over a period:
 * the area's together, then each committee's.
 */
export function CommitteeFigures({
  areas,
  defaultAreaId,
}: {
  areas: Area[];
  defaultAreaId: string | undefined;
}) {
  useLang();
  const scopes = areas.filter((a) => a.level !== 'grid');
  const [areaId, setAreaId] = useState(defaultAreaId ?? '');
  const [period, setPeriod] = useState(() => monthPeriod(new Date()));
  const figures = useApi<FiguresAnswer>(figuresPath(areaId, period));
  const data = figures.data;
  return (
    <section class="card committee-figures" data-testid="committee-figures">
      <h2>{t('fig.title')}</h2>
      <div class="dash-controls">
        <label>
          {t('meeting.area')}{' '}
          <select value={areaId} onChange={(e) => setAreaId(e.currentTarget.value)}>
            {scopes.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.name)}
              </option>
            ))}
          </select>
        </label>
        <PeriodPicker period={period} onChange={setPeriod} />
      </div>
      <ErrorBox error={figures.error} />
      {figures.loading && !data && <SkeletonRows rows={4} />}
      {data && (
        <>
          <h3>{t('fig.area')}</h3>
          <FigureBlock figures={data.total} testId="figures-total" />
          <h3>{t('fig.committees')}</h3>
          {data.committees.length === 0 && <p class="muted">{t('fig.none')}</p>}
          {data.committees.map((c) => (
            <details key={c.communityId} open={data.committees.length === 1}>
              <summary>{pick(c.name)}</summary>
              <FigureBlock figures={c} testId={`figures-${c.communityId}`} />
            </details>
          ))}
        </>
      )}
    </section>
  );
}
