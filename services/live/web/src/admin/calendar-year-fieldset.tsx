import { t, useLang } from '../lib/i18n';
import type { YearDraft } from './calendar-year';
import { Field } from './form-fields';

/** The editor of one calendar year: its number, holidays and make-up workdays (one day a line). */
export function YearFieldset({
  index,
  year,
  onChange,
}: {
  /** The year's place in the calendar's list, which the server's field paths name. */
  index: number;
  year: YearDraft;
  onChange: (patch: Partial<YearDraft>) => void;
}) {
  useLang();
  return (
    <fieldset class="calendar-year">
      <legend>
        {t('admin.year')}{' '}
        <input
          class="year-input"
          value={year.year}
          onInput={(e) => onChange({ year: e.currentTarget.value })}
        />
        {year.status && <span class="muted"> {year.status}</span>}
      </legend>
      <Field label={t('admin.holidays')} path={`years[${index}].holidays`}>
        <textarea
          rows={6}
          value={year.holidays}
          onInput={(e) => onChange({ holidays: e.currentTarget.value })}
        />
      </Field>
      <Field label={t('admin.makeUpWorkdays')} path={`years[${index}].makeUpWorkdays`}>
        <textarea rows={3} value={year.makeUp} onInput={(e) => onChange({ makeUp: e.currentTarget.value })} />
      </Field>
    </fieldset>
  );
}
