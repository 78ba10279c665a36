import { useEffect, useState } from 'preact/hooks';
import { type CountdownLevel, countdownState, type DeadlineLike } from './countdown-state';
import { formatDateTime, formatDurationMs } from './format';
import { t } from './messages';
import { useLang } from './use-lang';

export { type CountdownLevel, type CountdownState, countdownState, worstLevel } from './countdown-state';

/** The current time, re-read every `everyMs`, so countdowns tick together. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * A ticking countdown to one deadline: amber from the first reminder, red once breached, grey while
 * the clock is paused. `data-level` lets tests and styles read the state.
 */
export function Countdown({
  deadline,
  label,
  warnAt,
}: {
  deadline: DeadlineLike;
  label?: string;
  warnAt?: number[];
}) {
  const lang = useLang();
  const now = useNow();
  const s = countdownState(deadline, now, warnAt);
  const time = formatDurationMs(s.remainingMs, lang);
  const text =
    s.level === 'paused'
      ? t('countdown.paused')
      : s.remainingMs < 0 || s.level === 'breached'
        ? t('countdown.overdue', { time })
        : t('countdown.remaining', { time });
  return (
    <span
      class={`countdown level-${s.level}`}
      data-testid="countdown"
      data-level={s.level}
      title={formatDateTime(deadline.dueAt, lang)}
    >
      {/* "签收时限：剩余 3小时" / "Time to sign: 3h left", never "Sign by overdue by …" */}
      {label && <span class="countdown-label">{lang === 'zh' ? `${label}：` : `${label}: `}</span>}
      <span class="countdown-time">{text}</span>
    </span>
  );
}

export function levelClass(level: CountdownLevel): string {
  return `level-${level}`;
}
