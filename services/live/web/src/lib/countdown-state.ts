/**
 * The state of one SLA deadline at a given moment. Pure (no DOM, no imports): unit-tested alone.
 */
export interface DeadlineLike {
  dueAt: string;
  startedAt: string;
  pausedAt?: string | null;
  breachedAt?: string | null;
}

export type CountdownLevel = 'ok' | 'warning' | 'breached' | 'paused';

export interface CountdownState {
  /** Milliseconds until dueAt (negative once overdue); frozen at pausedAt while paused. */
  remainingMs: number;
  level: CountdownLevel;
  /** Share of the limit used, 0..1+ (for a progress bar). */
  fraction: number;
}

/**
 * `warnAt` are the reminder fractions (SLA_WARNING_FRACTIONS, 0.5 and 0.8 by default): the clock
 * turns amber at the first one, the moment the unit gets its first reminder, and red at the breach.
 * A breach recorded by the server counts even if the local clock lags behind.
 */
export function countdownState(
  deadline: DeadlineLike,
  now: number,
  warnAt: number[] = [0.5, 0.8],
): CountdownState {
  const due = Date.parse(deadline.dueAt);
  const start = Date.parse(deadline.startedAt);
  const at = deadline.pausedAt ? Date.parse(deadline.pausedAt) : now;
  const remainingMs = due - at;
  const span = Math.max(1, due - start);
  const fraction = (at - start) / span;
  if (deadline.breachedAt || remainingMs <= 0) return { remainingMs, level: 'breached', fraction };
  if (deadline.pausedAt) return { remainingMs, level: 'paused', fraction };
  const firstWarning = warnAt.length ? Math.min(...warnAt) : 1;
  return { remainingMs, level: fraction >= firstWarning ? 'warning' : 'ok', fraction };
}

/** The worst of several levels, for a ticket row with more than one running deadline. */
export function worstLevel(levels: CountdownLevel[]): CountdownLevel {
  const order: CountdownLevel[] = ['breached', 'warning', 'ok', 'paused'];
  for (const l of order) if (levels.includes(l)) return l;
  return 'ok';
}
