import { t, useLang } from '../lib/i18n';

export type LevelChoice = 'all' | 'warning' | 'breached';

/** 临近超时 / 已超时 counts that double as a filter of the list and the map. */
export function LevelFilter({
  counts,
  value,
  onChange,
}: {
  counts: { warning: number; breached: number };
  value: LevelChoice;
  onChange: (v: LevelChoice) => void;
}) {
  useLang();
  const chip = (choice: LevelChoice, label: string, n?: number) => (
    <button
      type="button"
      class={`chip level-chip level-${choice}${value === choice ? ' active' : ''}`}
      data-testid={`level-${choice}`}
      aria-pressed={value === choice}
      onClick={() => onChange(value === choice ? 'all' : choice)}
    >
      {label}
      {n !== undefined && <span class="count">{n}</span>}
    </button>
  );
  return (
    <span class="level-filter">
      {chip('all', t('dash.level.all'))}
      {chip('warning', t('level.warning'), counts.warning)}
      {chip('breached', t('level.breached'), counts.breached)}
    </span>
  );
}
