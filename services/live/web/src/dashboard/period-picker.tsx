import { useState } from 'preact/hooks';
import { t, useLang } from '../lib/i18n';
import { isValidPeriod, type Period } from './period';

/** From/to dates of the KPI period; a change applies once both form a valid range. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  useLang();
  const [draft, setDraft] = useState(period);
  function update(patch: Partial<Period>) {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (isValidPeriod(next)) onChange(next);
  }
  return (
    <fieldset class="period" data-testid="period">
      <legend>{t('kpi.period')}</legend>
      <label>
        {t('kpi.from')}{' '}
        <input
          type="date"
          data-testid="period-from"
          value={draft.from}
          onChange={(e) => update({ from: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('kpi.to')}{' '}
        <input
          type="date"
          data-testid="period-to"
          value={draft.to}
          onChange={(e) => update({ to: e.currentTarget.value })}
        />
      </label>
      {!isValidPeriod(draft) && <span class="field-error">{t('kpi.badPeriod')}</span>}
    </fieldset>
  );
}
