import { MS_PER_DAY } from './civil-date';
import {
  compile,
  instantAtOfficeClock,
  isWorkingDayNumber,
  nextOfficeInstant,
  officeClock,
} from './compiled-calendar';
import type { WorkingCalendar } from './working-calendar';

/**
 * Office-time arithmetic on a {@link WorkingCalendar}.
 *
 * Office periods are half-open: with 08:30–12:00, 08:30:00.000 is office time and 12:00:00.000 is
 * not. All functions run in O(log E) for E holiday/make-up exceptions, whatever the duration —
 * they never step over minutes or days.
 */

function instantMs(at: Date, name: string): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new TypeError(`${name} is an invalid Date`);
  return ms;
}

/** Whether `at` falls inside an office period of a working day. */
export function isWorkingInstant(cal: WorkingCalendar, at: Date): boolean {
  const c = compile(cal);
  const local = instantMs(at, 'at') + c.offsetMs;
  const day = Math.floor(local / MS_PER_DAY);
  if (!isWorkingDayNumber(c, day)) return false;
  const tod = local - day * MS_PER_DAY;
  for (let i = 0; i < c.starts.length; i += 1) {
    if (tod >= (c.starts[i] as number) && tod < (c.ends[i] as number)) return true;
  }
  return false;
}

/** `at` itself when it is office time, otherwise the next office opening. */
export function nextWorkingInstant(cal: WorkingCalendar, at: Date): Date {
  return new Date(nextOfficeInstant(compile(cal), instantMs(at, 'at')));
}

/** Office time in one working day of `cal`, in ms (8 h for the default 08:30–12:00, 13:00–17:30). */
export function officeMsPerDay(cal: WorkingCalendar): number {
  return compile(cal).dailyMs;
}

/**
 * The instant at which `durationMs` of office time has elapsed after `start`.
 *
 * A start outside office hours starts counting at the next opening. The result is the earliest
 * such instant, so it may be the end of a period (4 h from 08:00 → 12:00, not 13:00) but never
 * inside a gap. A zero duration returns the instant counting starts: `start` if it is office
 * time, else the next opening. Durations are rounded to whole milliseconds.
 *
 * Inverse of {@link workingTimeBetween}: `workingTimeBetween(cal, s, addWorkingTime(cal, s, d)) === d`.
 *
 * @throws RangeError for a negative or non-finite duration.
 */
export function addWorkingTime(cal: WorkingCalendar, start: Date, durationMs: number): Date {
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`durationMs must be a finite number ≥ 0, got ${durationMs}`);
  }
  const c = compile(cal);
  const from = instantMs(start, 'start');
  const duration = Math.round(durationMs);
  if (duration === 0) return new Date(nextOfficeInstant(c, from));
  return new Date(instantAtOfficeClock(c, officeClock(c, from) + duration));
}

/** Office time (ms) within [from, to); 0 when `to` is not after `from`. */
export function workingTimeBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const c = compile(cal);
  const a = instantMs(from, 'from');
  const b = instantMs(to, 'to');
  return b <= a ? 0 : officeClock(c, b) - officeClock(c, a);
}
