import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { formatDateTime } from './format';
import { addMessages, getLang, pick, t, useLang } from './i18n';

addMessages({
  zh: {
    'pw.title': '计划施工',
    'pw.running': '{unit}：施工中，预计 {end} 结束',
    'pw.coming': '{unit}：{start} 开始，预计 {end} 结束',
    'pw.linked': '已有计划施工：{unit} 单位，预计 {end} 结束',
    'pw.held': '计划施工中，暂缓派单',
    'pw.linkedHint': '您的报告已记录并与该施工关联，施工结束时问题仍未解决的，将自动派给责任单位。',
  },
  en: {
    'pw.title': 'Planned works',
    'pw.running': '{unit}: under way, expected to end {end}',
    'pw.coming': '{unit}: from {start}, expected to end {end}',
    'pw.linked': 'Planned works already under way: {unit}, expected to end {end}',
    'pw.held': 'Held: planned works',
    'pw.linkedHint':
      'Your report is recorded and linked to these works; if the problem remains when they end, it is dispatched to the responsible unit.',
  },
});

type Localized = { zh: string; en: string };
type Polygon = { type: 'Polygon'; coordinates: number[][][] };

/** One item of GET /api/v1/planned-works/current. */
export interface CurrentPlannedWorks {
  id: string;
  unitId: string;
  unitName: Localized;
  categories: string[];
  gridIds: string[];
  startsAt: string;
  endsAt: string;
  notice: Localized;
  running: boolean;
  areas: Polygon[];
}

/** What the report's 201 answer says of the planned works that hold it. */
export interface LinkedPlannedWorks {
  id: string;
  unitName: Localized;
  endsAt: string;
  notice: Localized;
}

/** The running works' areas, for a map to shade (outer rings), titled with their notice. */
export function plannedWorksShading(items: readonly CurrentPlannedWorks[] | undefined) {
  return (items ?? [])
    .filter((w) => w.running)
    .flatMap((w) =>
      w.areas.flatMap((area) =>
        area.coordinates[0]
          ? [{ id: w.id, ring: area.coordinates[0], title: `${pick(w.unitName)}: ${pick(w.notice)}` }]
          : [],
      ),
    );
}

/** The running and coming planned works (public, no login); one fetch per page however many ask. */
export function useCurrentPlannedWorks(): { data: { items: CurrentPlannedWorks[] } | undefined } {
  const [data, setData] = useState<{ items: CurrentPlannedWorks[] } | undefined>(undefined);
  useEffect(() => {
    current ??= api<{ items: CurrentPlannedWorks[] }>('GET', '/api/v1/planned-works/current').catch((err) => {
      current = null;
      throw err;
    });
    // A page without the notices still works: they are a courtesy, never in the way.
    current.then(setData, () => undefined);
  }, []);
  return { data };
}

let current: Promise<{ items: CurrentPlannedWorks[] }> | null = null;

/**
 * The running and coming planned works as a small card: unit, when, the unit's notice. Nothing
 * when there are none, so pages without works look as before.
 */
export function PlannedWorksCard({
  items,
  categoryName,
}: {
  items: readonly CurrentPlannedWorks[] | undefined;
  categoryName?: (code: string) => string;
}) {
  useLang();
  if (!items || items.length === 0) return null;
  const lang = getLang();
  return (
    <section class="card notice planned-works" data-testid="planned-works">
      <h2>{t('pw.title')}</h2>
      <ul>
        {items.map((w) => (
          <li key={w.id} data-testid="planned-works-item">
            <strong>
              {t(w.running ? 'pw.running' : 'pw.coming', {
                unit: pick(w.unitName),
                start: formatDateTime(w.startsAt, lang),
                end: formatDateTime(w.endsAt, lang),
              })}
            </strong>
            {categoryName && <span class="hint"> · {w.categories.map(categoryName).join('、')}</span>}
            <p>{pick(w.notice)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On the confirmation: the report is linked to planned works instead of dispatched. */
export function LinkedPlannedWorksNotice({ works }: { works: Omit<LinkedPlannedWorks, 'id'> }) {
  useLang();
  return (
    <div class="notice" data-testid="linked-planned-works">
      <p>
        <strong>
          {t('pw.linked', { unit: pick(works.unitName), end: formatDateTime(works.endsAt, getLang()) })}
        </strong>
      </p>
      <p>{pick(works.notice)}</p>
      <p class="hint">{t('pw.linkedHint')}</p>
    </div>
  );
}
