import { FieldError } from '../lib/field-error';
import { formatIsoDuration } from '../lib/format';
import { pick, t, useLang } from '../lib/i18n';
import type { Category } from './categories';

/**
 * Categories as large radio cards with a plain description each, emergencies first, so a resident
 * on a phone can choose without knowing the office's jargon.
 */
export function CategoryPicker({
  categories,
  value,
  onChange,
  error,
}: {
  categories: Category[];
  value: string;
  onChange: (code: string) => void;
  /** What is wrong with the choice (none made), in the reader's language. */
  error?: string;
}) {
  const lang = useLang();
  return (
    <fieldset class="category-picker" data-testid="category-picker">
      <legend>{t('r.category')}</legend>
      <p class="hint">{t('r.categoryHint')}</p>
      <div class="category-grid">
        {categories.map((c) => (
          <label
            key={c.code}
            class={`category-card${value === c.code ? ' selected' : ''}`}
            data-category={c.code}
          >
            <input
              type="radio"
              name="category"
              value={c.code}
              checked={value === c.code}
              onChange={() => onChange(c.code)}
            />
            <span class="category-name">
              <span class={`prio prio-${c.priority}`}>{t(`priority.${c.priority}`)}</span> {pick(c.name)}
            </span>
            {c.description && <span class="category-desc">{pick(c.description)}</span>}
            <span class="category-limits">
              {t(c.calendar === 'working' ? 'r.limitsWorking' : 'r.limits', {
                ack: formatIsoDuration(c.ackWithin, lang),
                resolve: formatIsoDuration(c.resolveWithin, lang),
              })}
            </span>
          </label>
        ))}
      </div>
      <FieldError id="category-error" text={error} />
    </fieldset>
  );
}
