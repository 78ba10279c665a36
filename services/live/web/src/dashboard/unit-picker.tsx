import { t, useLang } from '../lib/i18n';
import type { Names } from './names';
import type { UnitRef } from './use-reference';

/**
 * A unit for a reassignment or an approved return: pick from the known units or type an id
 * (staff cannot list every unit yet; see use-reference.ts). The holding unit is left out.
 */
export function UnitPicker({
  units,
  names,
  value,
  exclude,
  onChange,
  error,
}: {
  units: UnitRef[];
  names: Names;
  value: string;
  exclude?: string | null;
  onChange: (id: string) => void;
  error?: string;
}) {
  useLang();
  const choices = units.filter((u) => u.id !== exclude);
  return (
    <div class="field">
      <label>
        {t('act.unit')}
        <select data-testid="unit-picker" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t('act.choose')}</option>
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {names.unit(u.id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('act.unitId')}
        <input value={value} onInput={(e) => onChange(e.currentTarget.value.trim())} />
      </label>
      {error && <span class="field-error">{error}</span>}
    </div>
  );
}
