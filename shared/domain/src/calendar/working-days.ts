import { MS_PER_DAY, parseCivilDate } from './civil-date';
import {
  compile,
  instantOf,
  isWorkingDayNumber,
  nextOfficeInstant,
  workingDayAt,
  workingDaysBefore,
} from './compiled-calendar';
import type { WorkingCalendar } from './working-calendar';

/**
 * Whole working days. For working-clock categories a limit of `P1D` means one working day, not
 * 24 hours and not one office day's worth of hours counted from an arbitrary point.
 */

/** Whether the local date `'YYYY-MM-DD'` is a working day of `cal` (holidays and 调休 applied). */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  const day = parseCivilDate(date);
  if (day === undefined) throw new RangeError(`not a date 'YYYY-MM-DD': ${date}`);
  return isWorkingDayNumber(compile(cal), day);
}

/**
 * The same local time of day on the `days`-th next working day after `start`.
 *
 * A start outside office hours first moves to the next opening (Friday 18:00 + 1 working day =
 * Tuesday 08:30, because counting starts Monday 08:30). `days = 0` returns that moved start.
 *
 * Relation to office time: every working day has the same office hours, so the result is exactly
 * `days × officeMsPerDay(cal)` of office time after `start`, i.e. it equals
 * `addWorkingTime(cal, start, days × officeMsPerDay(cal))` in office time. As an instant it can
 * differ by a stretch of zero office time: from an opening (Mon 08:30) one working day is Tue
 * 08:30 here but Mon 17:30 for `addWorkingTime`, which returns the earliest instant. Deadlines in
 * whole days use this function so that "5 working days" reads as the same clock time.
 *
 * @throws RangeError when `days` is not a non-negative integer.
 */
export function addWorkingDays(cal: WorkingCalendar, start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be an integer ≥ 0, got ${days}`);
  }
  const ms = start.getTime();
  if (Number.isNaN(ms)) throw new TypeError('start is an invalid Date');
  const c = compile(cal);
  const counted = nextOfficeInstant(c, ms);
  const local = counted + c.offsetMs;
  const day = Math.floor(local / MS_PER_DAY);
  const target = workingDayAt(c, workingDaysBefore(c, day) + days);
  return new Date(instantOf(c, target, local - day * MS_PER_DAY));
}
