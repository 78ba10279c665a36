import type { Area } from '../lib/areas';
import { pick, t, useLang } from '../lib/i18n';
import type { BoardFilter } from './ticket-board';
import type { Category } from './use-reference';

/** Pickers for area and category drill-down (units are picked from the ranking). */
export function ScopeFilters({
  areas,
  categories,
  filter,
  onChange,
}: {
  areas: Area[];
  categories: Category[];
  filter: BoardFilter;
  onChange: (f: BoardFilter) => void;
}) {
  useLang();
  const depth = { district: 0, subdistrict: 1, community: 2, grid: 3 } as const;
  return (
    <div class="scope-filters">
      <label>
        {t('kpi.area')}{' '}
        <select
          data-testid="filter-area-select"
          value={filter.areaId ?? ''}
          onChange={(e) => onChange({ ...filter, areaId: e.currentTarget.value || undefined })}
        >
          <option value="">—</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {'\u3000'.repeat(depth[a.level])}
              {pick(a.name)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('kpi.category')}{' '}
        <select
          data-testid="filter-category-select"
          value={filter.category ?? ''}
          onChange={(e) => onChange({ ...filter, category: e.currentTarget.value || undefined })}
        >
          <option value="">—</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {pick(c.name)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
