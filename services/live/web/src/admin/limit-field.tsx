import { useState } from 'preact/hooks';
import { formatIsoDuration } from '../lib/format';
import { t, useLang } from '../lib/i18n';
import { Field } from './form-fields';
import { isoOfLimit, LIMIT_UNITS, type LimitUnit, limitOfIso, type TimeLimit } from './time-limit';

/**
 * A time limit as a number and a unit (minutes, hours, days), read back beside it as the server
 * will count it. On a working clock a day is a working day, and the unit says so.
 */
export function LimitField({
  label,
  path,
  value,
  onChange,
  workingClock,
}: {
  label: string;
  path: 'ackWithin' | 'resolveWithin';
  value: TimeLimit;
  onChange: (v: TimeLimit) => void;
  workingClock: boolean;
}) {
  const lang = useLang();
  const iso = isoOfLimit(value);
  const unitName = (unit: string) =>
    unit === 'days' && workingClock ? t('admin.unit.workingDays') : t(`admin.unit.${unit}`);
  return (
    <Field label={label} path={path}>
      <span class="limit-input">
        <input
          class="limit-amount"
          name={path}
          data-testid={`input-${path}`}
          type="text"
          inputMode="decimal"
          value={value.amount}
          onInput={(e) => onChange({ ...value, amount: e.currentTarget.value })}
        />
        <select
          name={`${path}Unit`}
          data-testid={`input-${path}Unit`}
          aria-label={`${label}: ${t('admin.limitUnit')}`}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.currentTarget.value as LimitUnit })}
        >
          {LIMIT_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {unitName(unit)}
            </option>
          ))}
        </select>
      </span>
      {value.amount.trim() === '' ? null : iso === null ? (
        <span class="field-error">{t('admin.badAmount')}</span>
      ) : (
        // Read back in days, hours and minutes (a day on a working clock stays as typed).
        value.unit !== 'days' && <span class="hint">= {formatIsoDuration(iso, lang)}</span>
      )}
    </Field>
  );
}

/**
 * The state of one limit in a form: a number and a unit, or, for a stored duration that no
 * single unit says (`P1DT4H`), its ISO text as it is.
 */
export function useLimit(stored: string) {
  const [limit, setLimit] = useState(() => limitOfIso(stored));
  const [text, setText] = useState(stored);
  return {
    limit,
    setLimit,
    text,
    setText,
    /** What to send: the duration, or what was typed, for the server to name what is wrong. */
    iso(): string {
      return limit ? (isoOfLimit(limit) ?? limit.amount.trim()) : text.trim();
    },
  };
}

/** A limit as a list shows it: "2 个工作日" on a working clock, else its duration read out. */
export function limitText(iso: string, workingClock: boolean, lang: 'zh' | 'en'): string {
  const limit = limitOfIso(iso);
  if (workingClock && limit?.unit === 'days') {
    return lang === 'zh'
      ? `${limit.amount}${t('admin.unit.workingDays')}`
      : `${limit.amount} ${t('admin.unit.workingDays')}`;
  }
  return formatIsoDuration(iso, lang);
}
