import type { WorkingCalendar } from '../calendar/working-calendar';
import { addWorkingTime, workingTimeBetween } from '../calendar/working-time';
import { type ClockSpec, computeDueAt } from './clock-spec';

/**
 * A running SLA clock as stored on the ticket. Instants are ISO-8601 strings because this is
 * persisted as-is; functions here never mutate a state, they return a new one.
 *
 * The clock stands still while a return or an extension waits for a decision; every pause is
 * kept in `pauses` for the audit trail, and `dueAt` moves out by the time stood still when the
 * clock resumes.
 */
export interface ClockState {
  startedAt: string;
  dueAt: string;
  /** Start of the open pause, or `null` while the clock runs. */
  pausedAt: string | null;
  pauses: ClockPause[];
}

/** One recorded pause; `to` is `null` while it lasts. */
export interface ClockPause {
  from: string;
  to: string | null;
  reason: string;
}

function parseInstant(text: string, field: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`clock state has an invalid ${field}: '${text}'`);
  return ms;
}

function instantMs(at: Date): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new TypeError('instant is an invalid Date');
  return ms;
}

/** Clock time (ms) in [from, to) for the kind of clock; negative when `to` is before `from`. */
function clockTime(kind: ClockSpec['kind'], cal: WorkingCalendar, from: number, to: number): number {
  if (kind === 'calendar') return to - from;
  return to >= from
    ? workingTimeBetween(cal, new Date(from), new Date(to))
    : -workingTimeBetween(cal, new Date(to), new Date(from));
}

/** A fresh, running clock for a limit starting at `start`. */
export function startClock(spec: ClockSpec, start: Date, cal: WorkingCalendar): ClockState {
  return {
    startedAt: new Date(instantMs(start)).toISOString(),
    dueAt: computeDueAt(spec, start, cal).toISOString(),
    pausedAt: null,
    pauses: [],
  };
}

/**
 * Stops the clock at `at`, recording `reason`.
 *
 * @throws Error when the clock is already paused (pauses do not nest: resume first), when the
 *   reason is blank, or when `at` lies before the start or before the end of the last pause.
 */
export function pauseClock(state: ClockState, at: Date, reason: string): ClockState {
  if (state.pausedAt !== null) {
    throw new Error(`clock is already paused since ${state.pausedAt}; resume it before pausing again`);
  }
  if (reason.trim().length === 0) throw new Error('a pause needs a reason');
  const ms = instantMs(at);
  if (ms < parseInstant(state.startedAt, 'startedAt')) {
    throw new RangeError(
      `cannot pause at ${at.toISOString()}, before the clock started (${state.startedAt})`,
    );
  }
  const last = state.pauses[state.pauses.length - 1];
  if (last?.to != null && ms < parseInstant(last.to, 'pauses[].to')) {
    throw new RangeError(`cannot pause at ${at.toISOString()}, before the last pause ended (${last.to})`);
  }
  const from = new Date(ms).toISOString();
  return { ...state, pausedAt: from, pauses: [...state.pauses, { from, to: null, reason: reason.trim() }] };
}

/**
 * Restarts a paused clock at `at`. The new `dueAt` is the old one plus the time the clock stood
 * still, measured the way the clock counts: calendar time for calendar clocks, office time for
 * working clocks — so the working time that was left at the pause is left again after it (a
 * pause from Friday 16:00 to Monday 10:00 costs 3 office hours, not 66 hours).
 *
 * @throws Error when the clock is not paused; RangeError when `at` is before the pause began.
 */
export function resumeClock(
  state: ClockState,
  at: Date,
  cal: WorkingCalendar,
  kind: ClockSpec['kind'],
): ClockState {
  if (state.pausedAt === null) throw new Error('clock is not paused; there is nothing to resume');
  const pausedMs = parseInstant(state.pausedAt, 'pausedAt');
  const ms = instantMs(at);
  if (ms < pausedMs) {
    throw new RangeError(`cannot resume at ${at.toISOString()}, before the pause began (${state.pausedAt})`);
  }
  const open = state.pauses[state.pauses.length - 1];
  if (open === undefined || open.to !== null) {
    throw new Error('clock state is inconsistent: pausedAt is set but no open pause is recorded');
  }
  const stood = clockTime(kind, cal, pausedMs, ms);
  const dueMs = parseInstant(state.dueAt, 'dueAt');
  // Zero stood-still time must leave dueAt untouched: addWorkingTime(x, 0) would move an x that
  // sits on a closing time to the next opening.
  let newDue = dueMs;
  if (stood > 0) {
    newDue = kind === 'calendar' ? dueMs + stood : addWorkingTime(cal, new Date(dueMs), stood).getTime();
  }
  const to = new Date(ms).toISOString();
  return {
    ...state,
    dueAt: new Date(newDue).toISOString(),
    pausedAt: null,
    pauses: [...state.pauses.slice(0, -1), { ...open, to }],
  };
}

/**
 * Clock time left at `at` (ms; office time for working clocks), negative once overdue. While
 * paused the clock is frozen, so the value is the time that was left when the pause began.
 */
export function remainingAt(
  state: ClockState,
  at: Date,
  cal: WorkingCalendar,
  kind: ClockSpec['kind'],
): number {
  const now = state.pausedAt === null ? instantMs(at) : parseInstant(state.pausedAt, 'pausedAt');
  return clockTime(kind, cal, now, parseInstant(state.dueAt, 'dueAt'));
}
