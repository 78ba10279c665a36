import { t, useLang } from '../lib/i18n';
import type { Names } from './names';
import type { BoardFilter } from './ticket-board';

/** The active drill-down as removable chips; each chip clears its own part. */
export function FilterBar({
  filter,
  names,
  onChange,
}: {
  filter: BoardFilter;
  names: Names;
  onChange: (f: BoardFilter) => void;
}) {
  useLang();
  const parts: Array<[keyof BoardFilter, string]> = [];
  if (filter.unitId) parts.push(['unitId', t('dash.filter.unit', { name: names.unit(filter.unitId) })]);
  if (filter.category)
    parts.push(['category', t('dash.filter.category', { name: names.category(filter.category) })]);
  if (filter.areaId) parts.push(['areaId', t('dash.filter.area', { name: names.area(filter.areaId) })]);
  if (parts.length === 0) return null;
  return (
    <div class="filter-bar" data-testid="filter-bar">
      {t('dash.filter')}
      {parts.map(([key, label]) => (
        <button
          type="button"
          key={key}
          class="chip"
          data-testid={`filter-${key}`}
          onClick={() => onChange({ ...filter, [key]: undefined })}
        >
          {label} ✕
        </button>
      ))}
      <button type="button" class="link" data-testid="filter-clear" onClick={() => onChange({})}>
        {t('dash.filter.clear')}
      </button>
    </div>
  );
}
